"""Public-suffix knowledge (the bundled list of the `publicsuffixlist` package; no network)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _suffix_list() -> Any:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def is_public_suffix(domain: str) -> bool:
    """`com`, `co.uk`, `github.io`: names under which anyone can register."""
    return bool(_suffix_list().is_public(domain.lower()))


def registrable_domain(host: str) -> str | None:
    """`login.example.co.uk` → `example.co.uk`; None for IPs, public suffixes and bare names."""
    found = _suffix_list().privatesuffix(host.lower())
    return str(found) if found else None
