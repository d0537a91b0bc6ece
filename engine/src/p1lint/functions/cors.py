"""The `cors-origin` function: CORS allowed origins as PingOne and the Fetch standard define them.

An origin is `scheme://host[:port]` (RFC 6454 §6.2, the value of the `Origin` header): no path,
no trailing slash, no user information. PingOne accepts a domain name (with `localhost`) or an
IPv4 address, and one `*` as the whole leftmost label of a subdomain (`https://*.example.com`),
never in the registrable domain or the TLD.

Each check reports one kind of problem, so a value breaks one rule per mistake: `serialized`
judges the shape (a `*` counts as an ordinary letter there), `wildcard` judges where the `*` is,
`canonical` compares with the form browsers send, `https` rejects cleartext non-loopback origins."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.functions.domains import is_public_suffix
from p1lint.urls import DEFAULT_PORTS, is_loopback, port_number, shown_port, split_host_port

ORIGIN = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?P<authority>[^/?#]*)(?P<rest>.*)$", re.S)
HOST_ONLY = re.compile(r"^[^:/\s]+(?::\d*)?$")
LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
MAX_HOST_LENGTH = 253
MAX_PORT_DIGITS = 5


class Origin(NamedTuple):
    scheme: str
    userinfo: bool
    host: str
    port: str | None  # None: no ':' at all; '' for a bare ':'
    rest: str


class CorsOriginOptions(Options):
    serialized: bool = False
    wildcard: bool = False
    canonical: bool = False
    https: bool = False

    def check_options(self) -> None:
        if not (self.serialized or self.wildcard or self.canonical or self.https):
            raise ValueError("enable at least one of serialized, wildcard, canonical, https")


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


def parse_origin(value: str) -> Origin | None:
    """Split `scheme://[userinfo@]host[:port]rest`; None when there is no `scheme://`."""
    match = ORIGIN.match(value)
    if match is None:
        return None
    authority = match["authority"]
    hostport = authority.rpartition("@")[2]
    host, port = split_host_port(hostport)
    has_port = port != "" or hostport.endswith(":")
    return Origin(match["scheme"], "@" in authority, host, port if has_port else None, match["rest"])


def _serialized(value: str) -> str | None:
    origin = parse_origin(value)
    if origin is None:
        return _not_an_origin(value)
    return (_scheme_problem(origin) or _userinfo_problem(origin) or _rest_problem(origin)
            or _port_problem(origin) or _host_problem(origin.host.lower()))


def _not_an_origin(value: str) -> str:
    if HOST_ONLY.match(value):
        return "has no scheme; write it as https://host (browsers always send the scheme)"
    return "is not an origin (expected scheme://host[:port])"


def _scheme_problem(origin: Origin) -> str | None:
    if origin.scheme.lower() not in DEFAULT_PORTS:
        return f"uses the scheme {origin.scheme}:; an allowed origin is http or https"
    return None


def _userinfo_problem(origin: Origin) -> str | None:
    return "contains user information ('@'); an origin is scheme://host[:port]" if origin.userinfo else None


def _rest_problem(origin: Origin) -> str | None:
    if origin.rest == "/":
        return "ends with '/'; an origin has no path, remove the trailing slash"
    if origin.rest:
        return "has a path, query or fragment; an origin is scheme://host[:port] only"
    return None


def _port_problem(origin: Origin) -> str | None:
    port = origin.port
    if port is None:
        return None
    if not port:
        return "has an empty port after ':'"
    if not (port.isascii() and port.isdigit()):  # never quoted: it may be a password (user:password)
        return "has an invalid port: not a number from 1 to 65535"
    if len(port) > MAX_PORT_DIGITS or not 0 < int(port) < 65536:
        shown = f" {port}" if len(port) <= MAX_PORT_DIGITS else ""
        return f"has an invalid port{shown}: not a number from 1 to 65535"
    return None


def _host_problem(host: str) -> str | None:
    if not host:
        return "has no host"
    if host.startswith("["):
        return "uses an IPv6 address; PingOne accepts domain names and IPv4 addresses only"
    if not host.isascii():
        return "has a non-ASCII host; write it in its punycode (xn--) form, as browsers send it"
    if host == "localhost" or _is_ipv4(host):
        return None
    return _domain_problem(host)


def _domain_problem(host: str) -> str | None:
    """Judge a domain name; a `*` stands for a letter here (where it may be is `_wildcard`'s)."""
    labels = host.replace("*", "a").split(".")
    if len(host) > MAX_HOST_LENGTH or not all(LABEL.match(label) for label in labels):
        return f"has an invalid host {host!r}: not a domain name or a dotted-quad IPv4 address"
    if len(labels) < 2 and "*" not in host:
        return f"has a single-label host {host!r}; PingOne accepts only localhost among those"
    if labels[-1].isdigit():
        return f"has an invalid host {host!r}: not a domain name or a dotted-quad IPv4 address"
    return None


def _is_ipv4(host: str) -> bool:
    try:
        return isinstance(ipaddress.ip_address(host), ipaddress.IPv4Address)
    except ValueError:
        return False


def _wildcard(value: str) -> str | None:
    count = value.count("*")
    origin = parse_origin(value)
    if count == 0 or origin is None:
        return None
    if count > 1:
        return f"has {count} wildcards; PingOne allows one"
    return _wildcard_host_problem(origin.host.lower())


def _wildcard_host_problem(host: str) -> str | None:
    if "*" not in host:
        return None  # a '*' in the port or path is a shape problem (`serialized`)
    if host == "*":
        return ("is a bare wildcard, which would trust every site; PingOne needs a domain after "
                "it (https://*.example.com)")
    labels = host.split(".")
    if "*" not in labels:
        return "has a wildcard inside a label; '*' must be a whole label (https://*.example.com)"
    if labels[0] != "*":
        return "has a wildcard that is not the leftmost label (https://*.example.com)"
    parent = ".".join(labels[1:])
    if len(labels) < 3 or is_public_suffix(parent):
        return ("has a wildcard on the registrable domain or TLD; use a subdomain pattern "
                "such as https://*.example.com")
    return None


def _canonical(value: str) -> str | None:
    origin = parse_origin(value)
    if origin is None:
        return None
    if origin.scheme != origin.scheme.lower() or origin.host != origin.host.lower():
        return "is not lowercase; browsers send the scheme and host in lowercase"
    port = origin.port or ""
    number = port_number(port)
    if number is None:
        return None
    if DEFAULT_PORTS.get(origin.scheme.lower()) == number:
        return f"names the default port :{shown_port(port)}; browsers omit it from the Origin header"
    if port != str(number):
        return f"writes the port with leading zeros (:{shown_port(port)}); browsers send :{number}"
    return None


def _https(value: str) -> str | None:
    origin = parse_origin(value)
    if origin is None or origin.scheme.lower() != "http":
        return None
    host = origin.host.lower()
    if is_loopback(host) and "*" not in host:
        return None
    return ("uses http with a host that is not loopback; anyone on the network path can run "
            "script in that origin")


_CHECKS: dict[str, Callable[[str], str | None]] = {
    "serialized": _serialized,
    "wildcard": _wildcard,
    "canonical": _canonical,
    "https": _https,
}
