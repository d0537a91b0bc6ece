"""The `uri` function: every check a redirect, sign-off, login or icon URI can fail, each behind an
option so that each rule enables exactly one check and reports it as its own finding.

URIs are read as a browser reads them (see `urls.py`). Details never repeat user information
(`user:password@`), so a message cannot leak a credential written into a URI."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, Literal

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.urls import (
    C0_OR_SPACE,
    DEFAULT_PORTS,
    Uri,
    canonical_form,
    format_ipv4,
    is_dot_segment,
    is_loopback,
    parse_ipv4,
    parse_ipv6,
    parse_uri,
    port_number,
    shown_port,
)

WEB_SCHEMES = ("http", "https")
NOT_PRIVATE_USE = frozenset(
    {"http", "https", "ws", "wss", "ftp", "file", "data", "javascript", "vbscript", "about", "blob",
     "mailto", "urn"}
)
LOCALHOST_HTTP_HOSTS = frozenset({"localhost", "127.0.0.1"})
LOCAL_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
PORT_AFTER_SCHEME = re.compile(r"^\d+(?:[/?#]|$)")

SchemePolicy = Literal[
    "any", "web", "https", "https-or-loopback-http", "https-or-localhost-http", "no-remote-http",
    "with-authority",
]
WildcardPolicy = Literal["allow", "forbid", "path-only", "pattern"]


class UriOptions(Options):
    absolute: bool = False
    no_fragment: bool = False
    schemes: SchemePolicy = "any"
    no_userinfo: bool = False
    wildcard: WildcardPolicy = "allow"
    forbidden_schemes: tuple[str, ...] = ()
    no_unsafe_characters: bool = False
    private_scheme_with_dot: bool = False
    canonical: bool = False
    has_path: bool = False
    no_localhost: bool = False
    no_loopback: bool = False
    no_https_loopback: bool = False
    no_loopback_port: bool = False
    extensions: tuple[str, ...] = ()

    def check_options(self) -> None:
        if not any(_enabled(self, name) for name in _CHECKS):
            raise ValueError("enable at least one check")


@check_function("uri", UriOptions)
def uri(value: Any, options: UriOptions, context: Context) -> Iterator[Problem]:
    """A present string must be a URI that passes every enabled check."""
    if not isinstance(value, str):
        return
    parsed = context.memo.get("uri:" + value)  # each value is read by a dozen rules
    if parsed is None:
        parsed = context.memo["uri:" + value] = parse_uri(value)
    for checker in _enabled_checks(options):
        detail = checker(parsed, options)
        if detail:
            yield Problem(detail)


@lru_cache(maxsize=256)
def _enabled_checks(options: UriOptions) -> tuple[Callable[[Uri, UriOptions], str | None], ...]:
    """The checks a rule's options turn on, worked out once per rule."""
    return tuple(checker for name, checker in _CHECKS.items() if _enabled(options, name))


def _enabled(options: UriOptions, name: str) -> bool:
    setting = getattr(options, name)
    return setting not in (False, "any", "allow", ())


def _looks_like_host_port(uri: Uri) -> bool:
    """`localhost:8080/cb` parses as the scheme `localhost:`: a forgotten `https://`."""
    return uri.scheme is not None and uri.authority is None and bool(PORT_AFTER_SCHEME.match(uri.path))


def _absolute(uri: Uri, options: UriOptions) -> str | None:
    if not uri.text:
        return "is empty"
    if uri.scheme is None:
        return "is not an absolute URI: it has no scheme such as https:"
    if _looks_like_host_port(uri):
        return f"has no scheme: '{uri.scheme}:' reads as a scheme, not as a host and port"
    after_scheme = uri.text[len(uri.scheme) + 1 :].replace("\\", "/")  # `\` is unsafe-characters'
    if uri.scheme_lower in WEB_SCHEMES and not after_scheme.startswith("//"):
        return f"lacks '//' after '{uri.scheme}:'; an {uri.scheme_lower} URI is {uri.scheme_lower}://host/path"
    if uri.scheme_lower in WEB_SCHEMES and uri.port and "*" not in uri.port and port_number(uri.port) is None:
        return _bad_port(uri.port)  # a wildcard port is the wildcard check's
    return None


def _bad_port(port: str) -> str:
    """Only a short all-digit port is shown: anything else may be a password (`user:password@`)."""
    shown = f" :{port}" if port.isascii() and port.isdigit() and len(port) <= 6 else ""
    return f"has the port{shown} that is not a number from 0 to 65535, so browsers refuse the URI"


def _no_fragment(uri: Uri, options: UriOptions) -> str | None:
    return "contains a fragment ('#')" if "#" in uri.raw else None


def _schemes(uri: Uri, options: UriOptions) -> str | None:
    scheme = uri.scheme_lower
    if not scheme or scheme == "https":
        return None
    return _SCHEME_POLICIES[options.schemes](uri, scheme)


def _web_only(uri: Uri, scheme: str) -> str | None:
    return None if scheme == "http" else f"uses {scheme}: instead of https: (or http:)"


def _https_only(uri: Uri, scheme: str) -> str | None:
    return f"uses {scheme}: instead of https:"


def _https_or_loopback_http(uri: Uri, scheme: str) -> str | None:
    if scheme != "http":
        return f"uses {scheme}: instead of https:"
    return None if is_loopback(uri.host) else "uses http: with a host that is not a loopback address"


def _https_or_localhost_http(uri: Uri, scheme: str) -> str | None:
    if scheme != "http":
        return f"uses {scheme}: instead of https:"
    if uri.host.lower() in LOCALHOST_HTTP_HOSTS:
        return None
    return "uses http: with a host other than localhost or 127.0.0.1"


def _no_remote_http(uri: Uri, scheme: str) -> str | None:
    if scheme == "http" and not is_loopback(uri.host):
        return "uses http: with a host that is not a loopback address"
    return None


def _with_authority(uri: Uri, scheme: str) -> str | None:
    """Any scheme followed by `//` and more: http(s) or a custom native scheme (`org.example.app://x`),
    but never one that runs or reads something locally (`javascript:`, `data:`, `file:`...)."""
    if scheme in LOCAL_SCHEMES:
        return f"uses the {scheme}: scheme, which runs or opens something on the user's device"
    after_scheme = uri.text[len(scheme) + 1 :]
    if after_scheme.startswith("//") and len(after_scheme) > 2:
        return None
    return f"uses {scheme}: without '//' and an address after it (e.g. https://host/path or org.example.app://target)"


_SCHEME_POLICIES: dict[str, Callable[[Uri, str], str | None]] = {
    "web": _web_only,
    "https": _https_only,
    "https-or-loopback-http": _https_or_loopback_http,
    "https-or-localhost-http": _https_or_localhost_http,
    "no-remote-http": _no_remote_http,
    "with-authority": _with_authority,
}


def _no_userinfo(uri: Uri, options: UriOptions) -> str | None:
    if uri.userinfo is None:
        return None
    return "contains user information (a name or password before '@')"


def _wildcard(uri: Uri, options: UriOptions) -> str | None:
    count = uri.raw.count("*")
    if count == 0:
        return None
    if options.wildcard == "forbid":
        return "contains a wildcard '*'"
    in_pattern_part = "*" in uri.path + (uri.query or "")
    if options.wildcard == "pattern":
        return "is a pattern ('*' in the path or query)" if count == 1 and in_pattern_part else None
    if count > 1:
        return f"contains {count} wildcards; PingOne allows one"
    if not in_pattern_part:
        return "has a wildcard outside the path and query (in the scheme, host or port)"
    return None


def _forbidden_schemes(uri: Uri, options: UriOptions) -> str | None:
    forbidden = {scheme.lower() for scheme in options.forbidden_schemes}
    return f"uses the {uri.scheme_lower}: scheme" if uri.scheme_lower in forbidden else None


def _no_unsafe_characters(uri: Uri, options: UriOptions) -> str | None:
    raw = uri.raw
    if "\\" in raw:
        return "contains a backslash, which browsers read as '/'"
    if raw.isascii() and raw.isprintable() and " " not in raw:  # most values: none of the below
        return None
    if any(char in "\t\n\r" for char in raw):
        return "contains a tab or line break, which browsers silently remove"
    if raw != raw.strip(C0_OR_SPACE):
        return "has leading or trailing spaces or control characters"
    if any(char.isspace() for char in raw):
        return "contains whitespace"
    if any(ord(char) < 32 or ord(char) == 127 for char in raw):
        return "contains a control character"
    if any(unicodedata.category(char) == "Cf" for char in raw):
        return "contains an invisible formatting character (zero-width or bidirectional)"
    return None


def _private_scheme_with_dot(uri: Uri, options: UriOptions) -> str | None:
    scheme = uri.scheme_lower
    if not scheme or scheme in NOT_PRIVATE_USE or "." in scheme or _looks_like_host_port(uri):
        return None
    return f"uses the private-use scheme {scheme}: without a '.'"


def _canonical(uri: Uri, options: UriOptions) -> str | None:
    problems = [found for test in _CANONICAL_TESTS if (found := test(uri))]
    if not problems:
        return None
    suggestion = canonical_form(uri)
    hint = f"; browsers use {suggestion}" if suggestion and suggestion != uri.text else ""
    return f"is not in canonical form ({', '.join(problems)}){hint}"


def _scheme_case(uri: Uri) -> str | None:
    upper = uri.scheme is not None and uri.scheme != uri.scheme_lower
    return "uppercase letters in the scheme" if upper else None


def _host_form(uri: Uri) -> str | None:
    host = uri.host
    if uri.scheme_lower not in WEB_SCHEMES or not host:
        return None
    if "%" in host:
        return "a percent-encoded host"
    if not host.isascii():
        return "a non-ASCII host that browsers send in punycode"
    if host != host.lower():
        return "uppercase letters in the host"
    return _address_form(host)


def _address_form(host: str) -> str | None:
    if host.startswith("["):
        address = parse_ipv6(host)
        shortest = address is None or f"[{address.compressed}]" == host
        return None if shortest else "an IPv6 address not in its shortest form"
    number = parse_ipv4(host)
    if number is not None and format_ipv4(number) != host:
        return f"the IPv4 address {format_ipv4(number)} written as {host}"
    return None


def _default_port(uri: Uri) -> str | None:
    default = DEFAULT_PORTS.get(uri.scheme_lower)
    if default is None or port_number(uri.port) != default:
        return None
    return f"the default port :{shown_port(uri.port)}"


def _dot_segments(uri: Uri) -> str | None:
    segments = uri.path.split("/") if uri.path.startswith("/") else []
    return "'.' or '..' segments in the path" if any(map(is_dot_segment, segments)) else None


def _slashes(uri: Uri) -> str | None:
    if uri.scheme_lower not in WEB_SCHEMES:
        return None
    after = uri.text[len(uri.scheme_lower) + 1 :]
    slashes = len(after) - len(after.lstrip("/\\"))
    if slashes <= 2:  # fewer than two: no authority at all, the `absolute` check's error
        return None
    return f"{slashes} slash{'' if slashes == 1 else 'es'} after the scheme instead of 2"


def _non_ascii(uri: Uri) -> str | None:
    if (uri.path + (uri.query or "")).isascii():
        return None
    return "non-ASCII characters in the path or query that browsers percent-encode"


_CANONICAL_TESTS: tuple[Callable[[Uri], str | None], ...] = (
    _scheme_case, _slashes, _host_form, _default_port, _dot_segments, _non_ascii,
)


def _has_path(uri: Uri, options: UriOptions) -> str | None:
    if uri.scheme_lower in WEB_SCHEMES and uri.host and not uri.path:
        return "has no path"
    return None


def _no_localhost(uri: Uri, options: UriOptions) -> str | None:
    return "uses the name localhost" if uri.host.lower() == "localhost" else None


def _no_loopback(uri: Uri, options: UriOptions) -> str | None:
    return f"points to the loopback host {uri.host}" if is_loopback(uri.host) else None


def _no_https_loopback(uri: Uri, options: UriOptions) -> str | None:
    if uri.scheme_lower == "https" and is_loopback(uri.host):
        return "uses https: with a loopback host"
    return None


def _no_loopback_port(uri: Uri, options: UriOptions) -> str | None:
    if uri.scheme_lower in WEB_SCHEMES and is_loopback(uri.host) and uri.port:
        return f"names the port :{uri.port}"
    return None


def _extensions(uri: Uri, options: UriOptions) -> str | None:
    name = uri.path.rsplit("/", 1)[-1]
    if "." not in name:
        return None
    extension = name.rsplit(".", 1)[1].lower()
    allowed = [allowed.lower().lstrip(".") for allowed in options.extensions]
    if extension in allowed:
        return None
    return f"has the file extension .{extension}; expected {', '.join('.' + a for a in allowed)}"


_CHECKS: dict[str, Callable[[Uri, UriOptions], str | None]] = {
    "absolute": _absolute,
    "no_fragment": _no_fragment,
    "schemes": _schemes,
    "no_userinfo": _no_userinfo,
    "wildcard": _wildcard,
    "forbidden_schemes": _forbidden_schemes,
    "no_unsafe_characters": _no_unsafe_characters,
    "private_scheme_with_dot": _private_scheme_with_dot,
    "canonical": _canonical,
    "has_path": _has_path,
    "no_localhost": _no_localhost,
    "no_loopback": _no_loopback,
    "no_https_loopback": _no_https_loopback,
    "no_loopback_port": _no_loopback_port,
    "extensions": _extensions,
}
