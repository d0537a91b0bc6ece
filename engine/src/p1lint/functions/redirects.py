"""How PingOne matches a request's redirect_uri to a registered redirect URI: the same text, or
on a loopback host the same URI with any port (RFC 8252 §7.3), or — when the application allows
wildcards — a registered pattern whose one `*` (in the path or query) stands for any text."""

from __future__ import annotations

from p1lint.urls import Uri, is_loopback, parse_uri, port_number

LOOPBACK_SCHEMES = ("http", "https")


def redirect_matches(requested: str, registered: str, wildcards: bool) -> bool:
    """Whether PingOne accepts `requested` for the registered URI (or pattern) `registered`."""
    pairs = [(requested, registered)]
    without_ports = _without_loopback_ports(requested, registered)
    if without_ports is not None:
        pairs.append(without_ports)
    return any(asked == kept or (wildcards and matches_pattern(asked, kept)) for asked, kept in pairs)


def matches_pattern(requested: str, pattern: str) -> bool:
    """`https://app.example.com/th*/cb` matches `https://app.example.com/this/cb`. Decision: the
    `*` stands for any text, `/` included (PingOne documents only that `th*` matches `this` and
    `that`); a pattern PingOne would refuse (no `*`, more than one, or one before the path) matches
    nothing but itself."""
    if pattern.count("*") != 1 or not is_pattern(parse_uri(pattern)):
        return False
    prefix, suffix = pattern.split("*")
    fits = len(requested) >= len(prefix) + len(suffix)
    return fits and requested.startswith(prefix) and requested.endswith(suffix)


def is_pattern(uri: Uri) -> bool:
    """A `*` after the authority: in the path or the query."""
    return "*" in uri.path + (uri.query or "")


def _without_loopback_ports(requested: str, registered: str) -> tuple[str, str] | None:
    """Both URIs without their ports, when both are http(s) URIs of one scheme on loopback hosts."""
    asked, kept = parse_uri(requested), parse_uri(registered)
    if not (_is_loopback_uri(asked) and _is_loopback_uri(kept)) or asked.scheme_lower != kept.scheme_lower:
        return None
    return _portless(asked), _portless(kept)


def _is_loopback_uri(uri: Uri) -> bool:
    port_ok = not uri.port or port_number(uri.port) is not None
    return (uri.scheme_lower in LOOPBACK_SCHEMES and uri.userinfo is None and port_ok
            and is_loopback(uri.host) and uri.fragment is None)


def _portless(uri: Uri) -> str:
    query = "" if uri.query is None else f"?{uri.query}"
    return f"{uri.scheme_lower}://{uri.host.lower()}{uri.path}{query}"
