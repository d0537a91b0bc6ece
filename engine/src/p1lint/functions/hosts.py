"""Hosts a client cannot own (`data/foreign-hosts.yaml`): debugging services and big public sites."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from p1lint.datafiles import load
from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, Problem
from p1lint.urls import canonical_host, parse_uri

FOREIGN_HOSTS_FILE = "foreign-hosts.yaml"


@cache
def foreign_hosts() -> dict[str, str]:
    """Host -> the reason no client owns it, from the bundled list."""
    entries = load("data", FOREIGN_HOSTS_FILE)
    return {str(entry["host"]).lower(): str(entry["reason"]) for entry in entries}


def listed_host(host: str) -> str | None:
    """The listed host that `host` is or is a subdomain of, or None."""
    name = (canonical_host(host) or host.lower()).rstrip(".")  # JWT.IO, jwt%2Eio and IDNA forms alike
    labels = name.split(".")
    for start in range(len(labels) - 1):
        candidate = ".".join(labels[start:])
        if candidate in foreign_hosts():
            return candidate
    return None


@check_function("foreign-host", NoOptions)
def foreign_host(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """A present http(s) URI must not point to a host listed as one no client owns."""
    if not isinstance(value, str):
        return
    uri = parse_uri(value)
    if uri.scheme_lower not in ("http", "https") or not uri.host:
        return
    listed = listed_host(uri.host)
    if listed is not None:
        yield Problem(f"points to {listed}, {foreign_hosts()[listed]}")
