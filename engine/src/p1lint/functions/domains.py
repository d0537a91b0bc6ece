"""Public-suffix knowledge (the bundled list of the `publicsuffixlist` package; no network)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from p1lint.urls import parse_ipv4, parse_uri


@lru_cache(maxsize=1)
def _suffix_list() -> Any:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def is_public_suffix(domain: str) -> bool:
    """`com`, `co.uk`, `github.io`: names under which anyone can register."""
    return bool(_suffix_list().is_public(domain.lower()))


def registrable_domain(host: str) -> str | None:
    """`login.example.co.uk` → `example.co.uk`; None for IP addresses, public suffixes and bare
    names such as `localhost`."""
    name = host.lower().rstrip(".")
    if not name or name.startswith("[") or parse_ipv4(name) is not None:
        return None
    found = _suffix_list().privatesuffix(name)
    return str(found) if found else None


def host_of(domain_or_url: str) -> str:
    """The host of `auth.example.com`, `auth.example.com:443` or `https://auth.example.com/`."""
    text = domain_or_url.strip()
    if "://" in text:
        return parse_uri(text).host
    return text.split("/", 1)[0].rsplit(":", 1)[0] if text.count(":") <= 1 else text


def custom_domain_mismatch(url: str, custom_domain: str) -> str | None:
    """Why `url` is not on the registrable domain of `custom_domain` (`auth.example.com`), or None
    — also when either has no registrable domain (IP addresses, `localhost`, a bare suffix)."""
    site = registrable_domain(parse_uri(url).host)
    custom_host = host_of(custom_domain)
    custom_site = registrable_domain(custom_host)
    if site and custom_site and site != custom_site:
        return f"is on {site}, while the custom domain {custom_host} is on {custom_site}"
    return None
