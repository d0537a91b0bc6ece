"""The `cors-origin` function: CORS allowed origins as PingOne and the Fetch standard define them.

An origin is `scheme://host[:port]` — no path, no trailing slash, no user information. PingOne
accepts a domain name (with `localhost`), or an IPv4 address, and one `*` as a whole label of the
subdomain part (`https://*.example.com`), never in the registrable domain or the TLD."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import model_validator

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.functions.domains import is_public_suffix
from p1lint.functions.urls import DEFAULT_PORTS, split_host_port

ORIGIN = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?P<authority>[^/?#]*)(?P<rest>.*)$", re.S)
LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


class CorsOriginOptions(Options):
    serialized: bool = False
    wildcard: bool = False
    canonical: bool = False

    @model_validator(mode="after")
    def _one_check(self) -> CorsOriginOptions:
        if not (self.serialized or self.wildcard or self.canonical):
            raise ValueError("enable at least one of serialized, wildcard, canonical")
        return self


@check_function("cors-origin", CorsOriginOptions)
def cors_origin(value: Any, options: CorsOriginOptions, context: Context) -> Iterator[Problem]:
    """A present string must be a valid PingOne CORS origin for each enabled check."""
    if not isinstance(value, str):
        return
    for name, checker in _CHECKS.items():
        if getattr(options, name):
            detail = checker(value)
            if detail:
                yield Problem(detail)
                return


def _split(value: str) -> tuple[str, str, str, str] | None:
    match = ORIGIN.match(value)
    if match is None:
        return None
    host, port = split_host_port(match["authority"])
    return match["scheme"], host, port, match["rest"]


def _serialized(value: str) -> str | None:
    parts = _split(value)
    if parts is None:
        return "is not an origin (expected scheme://host[:port])"
    scheme, host, port, rest = parts
    if scheme.lower() not in ("http", "https"):
        return f"uses {scheme}:; an allowed origin is http or https"
    if "@" in value:
        return "contains user information; an origin is scheme://host[:port]"
    if rest:
        return "has a path or trailing slash; an origin is scheme://host[:port] only"
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        return f"has an invalid port {port!r}"
    return _host_problem(host.lower())


def _host_problem(host: str) -> str | None:
    if not host:
        return "has no host"
    if host.startswith("["):
        return "uses an IPv6 address; PingOne accepts domain names and IPv4 addresses"
    if _is_ipv4(host) or host == "localhost":
        return None
    labels = host.split(".")
    if len(labels) < 2 or not all(label == "*" or LABEL.match(label) for label in labels):
        return f"has an invalid host {host!r}"
    if labels[-1] == "*" or labels[-1].isdigit():
        return f"has an invalid top-level domain in {host!r}"
    return None


def _is_ipv4(host: str) -> bool:
    try:
        return isinstance(ipaddress.ip_address(host), ipaddress.IPv4Address)
    except ValueError:
        return False


def _wildcard(value: str) -> str | None:
    count = value.count("*")
    parts = _split(value)
    if count == 0 or parts is None:
        return None
    host = parts[1].lower()
    if count > 1:
        return f"has {count} wildcards; at most one is allowed"
    if "*" not in host:
        return "has a wildcard outside the host"
    labels = host.split(".")
    if "*" not in labels:
        return "has a wildcard inside a label; '*' must be a whole label (https://*.example.com)"
    if labels[0] != "*":
        return "has a wildcard that is not the leftmost label"
    rest = ".".join(labels[1:])
    if not rest or is_public_suffix(rest):
        return "has a wildcard on the registrable domain or TLD; use https://*.example.com"
    return None


def _canonical(value: str) -> str | None:
    parts = _split(value)
    if parts is None:
        return None
    scheme, host, port, _ = parts
    if scheme != scheme.lower() or host != host.lower():
        return "is not lowercase; browsers send origins in lowercase"
    if port.isdigit() and DEFAULT_PORTS.get(scheme.lower()) == int(port):
        return f"names the default port :{port}; browsers omit it from the Origin header"
    return None


_CHECKS: dict[str, Callable[[str], str | None]] = {
    "serialized": _serialized,
    "wildcard": _wildcard,
    "canonical": _canonical,
}
