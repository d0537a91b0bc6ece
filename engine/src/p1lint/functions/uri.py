"""The `uri` function: every check a redirect, logout or login URI can fail, each behind an option
so that each rule enables exactly one check and reports it as its own finding."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Literal

from pydantic import model_validator

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.functions.urls import DEFAULT_PORTS, Uri, is_loopback, parse_uri

WEB_SCHEMES = ("http", "https")


class UriOptions(Options):
    absolute: bool = False
    no_fragment: bool = False
    schemes: Literal["any", "https", "https-or-loopback-http", "no-remote-http"] = "any"
    no_userinfo: bool = False
    wildcard: Literal["allow", "forbid", "path-only"] = "allow"
    forbidden_schemes: list[str] = []
    no_unsafe_characters: bool = False
    private_scheme_with_dot: bool = False
    canonical: bool = False
    has_path: bool = False
    no_localhost: bool = False
    no_loopback: bool = False

    @model_validator(mode="after")
    def _one_check(self) -> UriOptions:
        if not any(_enabled(self, name) for name in _CHECKS):
            raise ValueError("enable at least one check")
        return self


@check_function("uri", UriOptions)
def uri(value: Any, options: UriOptions, context: Context) -> Iterator[Problem]:
    """A present string must be a URI that passes every enabled check."""
    if not isinstance(value, str):
        return
    parsed = parse_uri(value)
    for name, checker in _CHECKS.items():
        if _enabled(options, name):
            detail = checker(parsed, options)
            if detail:
                yield Problem(detail)


def _enabled(options: UriOptions, name: str) -> bool:
    setting = getattr(options, name)
    return setting not in (False, "any", "allow", [])


def _absolute(uri: Uri, options: UriOptions) -> str | None:
    return None if uri.scheme else "is not an absolute URI (it has no scheme)"


def _no_fragment(uri: Uri, options: UriOptions) -> str | None:
    return "contains a fragment ('#')" if "#" in uri.raw else None


def _schemes(uri: Uri, options: UriOptions) -> str | None:
    scheme = (uri.scheme or "").lower()
    if scheme == "https" or not uri.scheme:
        return None
    loopback_http = scheme == "http" and is_loopback(uri.host)
    if options.schemes == "https":
        return f"uses {scheme}: instead of https:"
    if options.schemes == "https-or-loopback-http" and not loopback_http:
        return f"uses {scheme}:; only https, or http to a loopback host, is allowed"
    if options.schemes == "no-remote-http" and scheme == "http" and not loopback_http:
        return "uses http with a host that is not loopback"
    return None


def _no_userinfo(uri: Uri, options: UriOptions) -> str | None:
    return "contains user information before '@' in the authority" if uri.authority and "@" in uri.authority else None


def _wildcard(uri: Uri, options: UriOptions) -> str | None:
    count = uri.raw.count("*")
    if count == 0:
        return None
    if options.wildcard == "forbid":
        return "contains a wildcard '*'"
    if count > 1:
        return f"contains {count} wildcards; at most one is allowed"
    return "has a wildcard outside the path and query" if "*" in _before_path(uri) else None


def _before_path(uri: Uri) -> str:
    scheme = uri.scheme or ""
    return scheme + (uri.authority or "")


def _forbidden_schemes(uri: Uri, options: UriOptions) -> str | None:
    scheme = (uri.scheme or "").lower()
    return f"uses the dangerous scheme {scheme}:" if scheme in options.forbidden_schemes else None


def _no_unsafe_characters(uri: Uri, options: UriOptions) -> str | None:
    if "\\" in uri.raw:
        return "contains a backslash (browsers read it as '/')"
    if any(char.isspace() for char in uri.raw):
        return "contains whitespace"
    if any(ord(char) < 32 or ord(char) == 127 for char in uri.raw):
        return "contains a control character"
    return None


def _private_scheme_with_dot(uri: Uri, options: UriOptions) -> str | None:
    scheme = (uri.scheme or "").lower()
    if not scheme or scheme in WEB_SCHEMES or "." in scheme:
        return None
    return f"uses the private-use scheme {scheme}: without a '.'; use a reverse domain name (com.example.app:)"


def _canonical(uri: Uri, options: UriOptions) -> str | None:
    scheme = uri.scheme or ""
    if scheme != scheme.lower():
        return "has an uppercase scheme"
    if uri.host != uri.host.lower():
        return "has an uppercase host"
    if "%" in uri.host:
        return "has a percent-encoded host"
    if uri.port and uri.port.isdigit() and DEFAULT_PORTS.get(scheme) == int(uri.port):
        return f"names the default port :{uri.port}"
    if any(segment in (".", "..") for segment in uri.path.split("/")):
        return "has dot segments ('.' or '..') in its path"
    return None


def _has_path(uri: Uri, options: UriOptions) -> str | None:
    if (uri.scheme or "").lower() in WEB_SCHEMES and not uri.path:
        return "has no path; register the complete redirect URI"
    return None


def _no_localhost(uri: Uri, options: UriOptions) -> str | None:
    return "uses the name localhost; use 127.0.0.1 or [::1]" if uri.host.lower() == "localhost" else None


def _no_loopback(uri: Uri, options: UriOptions) -> str | None:
    return "points to a loopback host" if is_loopback(uri.host) else None


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
}
