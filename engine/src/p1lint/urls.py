"""URI parsing shared by the check functions, the rule conditions and redaction.

A URI is read the way a browser reads it (WHATWG URL): leading and trailing spaces and control
characters are ignored, tabs and newlines vanish, and in http(s) URLs a backslash is a slash and
any run of slashes after the scheme starts the authority — so `https:\\\\evil.com/cb` has the host
`evil.com`. The raw text is kept beside the parsed parts because those rewrites are exactly what
some checks look for (and `urlsplit` silently drops an empty fragment)."""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import quote, unquote

SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
REST = re.compile(r"^(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", re.S)
DEFAULT_PORTS = {"http": 80, "https": 443}
SPECIAL_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})  # `file:` aside: no host
C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
TAB_OR_NEWLINE = str.maketrans("", "", "\t\n\r")
LOOPBACK_NAMES = frozenset({"localhost"})
MAX_PORT = 65535
# Characters a browser refuses in a domain (WHATWG URL, "forbidden domain code point").
FORBIDDEN_HOST_CHARACTERS = frozenset("\x00\t\n\r #/:<>?@[\\]^|%\x7f" + C0_OR_SPACE)


class Uri(NamedTuple):
    """A URI split into RFC 3986 components; `None` means the component is absent."""

    raw: str
    text: str
    scheme: str | None
    authority: str | None
    userinfo: str | None
    host: str
    port: str
    path: str
    query: str | None
    fragment: str | None

    @property
    def scheme_lower(self) -> str:
        return (self.scheme or "").lower()


def browser_text(raw: str) -> str:
    """The string a browser parses: trimmed of C0 controls and spaces, without tabs or newlines."""
    return raw.strip(C0_OR_SPACE).translate(TAB_OR_NEWLINE)


@lru_cache(maxsize=4096)
def parse_uri(raw: str) -> Uri:
    text = browser_text(raw)
    match = SCHEME.match(text)
    scheme = match.group(1) if match else None
    rest = text[match.end() :] if match else text
    if scheme and scheme.lower() in SPECIAL_SCHEMES:
        rest = _special_authority(rest)
    parts = REST.match(rest)
    assert parts is not None  # every group is optional: the pattern matches any string
    authority, path, query, fragment = parts.groups()
    userinfo, host, port = _split_authority(authority)
    return Uri(raw, text, scheme, authority, userinfo, host, port, path, query, fragment)


def _special_authority(rest: str) -> str:
    """In http(s) URLs `\\` is `/` before the query, and `https:host` means `https://host`."""
    cut = min((i for i in (rest.find("?"), rest.find("#")) if i != -1), default=len(rest))
    head = rest[:cut].replace("\\", "/")
    return "//" + head.lstrip("/") + rest[cut:]


def _split_authority(authority: str | None) -> tuple[str | None, str, str]:
    if authority is None:
        return None, "", ""
    userinfo, at, hostport = authority.rpartition("@")
    host, port = split_host_port(hostport)
    return (userinfo if at else None), host, port


def split_host_port(hostport: str) -> tuple[str, str]:
    """`[::1]:8080` → (`[::1]`, `8080`); `host:443` → (`host`, `443`); the host keeps its case."""
    if hostport.startswith("["):
        end = hostport.find("]")
        if end == -1:
            return hostport, ""
        rest = hostport[end + 1 :]
        return hostport[: end + 1], rest[1:] if rest.startswith(":") else ""
    host, sep, port = hostport.rpartition(":")
    return (host, port) if sep else (hostport, "")


def is_loopback(host: str) -> bool:
    """`localhost`, 127.0.0.0/8 in any spelling a browser accepts (`127.1`) or `[::1]`."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    if host.startswith("["):
        address = parse_ipv6(host)
        return address is not None and address.is_loopback
    number = parse_ipv4(host)
    return number is not None and number >> 24 == 127


def parse_ipv6(host: str) -> ipaddress.IPv6Address | None:
    """The address of a bracketed IPv6 host (`[::1]`), or None."""
    if not (host.startswith("[") and host.endswith("]")):
        return None
    try:
        return ipaddress.IPv6Address(host[1:-1])
    except ValueError:
        return None


def parse_ipv4(host: str) -> int | None:
    """The WHATWG IPv4 parser: `127.1`, `0x7f000001`, `2130706433` and `0177.0.0.1` all mean
    127.0.0.1. None when the host is not an IPv4 address (a domain name, or invalid)."""
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    if not 1 <= len(parts) <= 4:
        return None
    numbers = [_ipv4_number(part) for part in parts]
    if any(number is None for number in numbers):
        return None
    *head, last = [number for number in numbers if number is not None]
    if any(number > 255 for number in head) or last >= 256 ** (4 - len(head)):
        return None
    return sum(number << (8 * (3 - index)) for index, number in enumerate(head)) + last


_IPV4_DIGITS = {10: re.compile(r"^[0-9]+$"), 16: re.compile(r"^[0-9A-Fa-f]*$"),
                8: re.compile(r"^[0-7]+$")}


def _ipv4_number(part: str) -> int | None:
    if part[:2] in ("0x", "0X"):
        digits, base = part[2:], 16
    elif len(part) > 1 and part.startswith("0"):
        digits, base = part[1:], 8
    else:
        digits, base = part, 10
    if not _IPV4_DIGITS[base].match(digits):
        return None
    if len(digits.lstrip("0")) > 12:  # beyond any IPv4 address: no need to convert it
        return _TOO_BIG_FOR_IPV4
    return int(digits, base) if digits else 0


_TOO_BIG_FOR_IPV4 = 1 << 40


def format_ipv4(number: int) -> str:
    return ".".join(str((number >> shift) & 255) for shift in (24, 16, 8, 0))


def port_number(port: str) -> int | None:
    """The value of a port written in ASCII digits (leading zeros allowed), or None for anything
    else and for values above 65535 — without ever converting a thousand-digit port to an int."""
    if not (port.isascii() and port.isdigit()):
        return None
    digits = port.lstrip("0")
    value = int(digits or "0") if len(digits) <= len(str(MAX_PORT)) else MAX_PORT + 1
    return value if value <= MAX_PORT else None


def shown_port(port: str) -> str:
    """A port for a message: a thousand leading zeros are summarised, not repeated."""
    return port if len(port) <= 8 else f"{port[:4]}… ({len(port):,} digits)"


def origin(uri: Uri) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an http(s) URI with a host, the default port filled in; else None."""
    scheme = uri.scheme_lower
    if scheme not in DEFAULT_PORTS or not uri.host:
        return None
    port = port_number(uri.port) if uri.port else DEFAULT_PORTS[scheme]
    return None if port is None else (scheme, uri.host.lower(), port)


def canonical_form(uri: Uri) -> str | None:
    """The URI as a browser serializes it (WHATWG), or None when that cannot be shown safely —
    with user information — or when a browser would refuse it (an invalid host or port).
    Idempotent: the canonical form of a canonical form is itself."""
    if uri.userinfo is not None or uri.scheme is None:
        return None
    head = _canonical_head(uri, uri.scheme.lower())
    if head is None:
        return None
    query = "" if uri.query is None else f"?{uri.query}"
    fragment = "" if uri.fragment is None else f"#{uri.fragment}"
    return percent_encode_non_ascii(head + query + fragment)


def _canonical_head(uri: Uri, scheme: str) -> str | None:
    """Scheme, authority and path; a path starting with `//` and no authority gets `/.` before
    it (as browsers do), so that it does not read as an authority."""
    path = remove_dot_segments(uri.path)
    if scheme in DEFAULT_PORTS:
        host, port = canonical_host(uri.host), _canonical_port(scheme, uri.port)
        if not host or port is None or any(char in FORBIDDEN_HOST_CHARACTERS for char in host):
            return None
        return f"{scheme}://{host}{port}{path or '/'}"
    if uri.authority is not None:
        return f"{scheme}://{uri.authority}{path}"
    return f"{scheme}:/.{path}" if path.startswith("//") else f"{scheme}:{path}"


def canonical_host(host: str) -> str | None:
    """`EXAMPLE.com` → `example.com`, `ex%61mple.com` → `example.com`, `127.1` → `127.0.0.1`,
    `[0:0:0:0:0:0:0:1]` → `[::1]`, `bücher.example` → `xn--bcher-kva.example`."""
    if host.startswith("["):
        address = parse_ipv6(host)
        return f"[{address.compressed}]" if address is not None else None
    name = unquote(host).lower()
    if not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    number = parse_ipv4(name)
    return format_ipv4(number) if number is not None else name


def _canonical_port(scheme: str, port: str) -> str | None:
    """`:8080`, or `` for none or the default port; None for a port browsers refuse."""
    if not port:
        return ""
    number = port_number(port)
    if number is None:
        return None
    return "" if number == DEFAULT_PORTS.get(scheme) else f":{number}"


def is_dot_segment(segment: str) -> bool:
    """`.` and `..`, also percent-encoded (`%2e`, `.%2E`): browsers treat them all alike."""
    return segment.lower().replace("%2e", ".") in (".", "..")


def remove_dot_segments(path: str) -> str:
    """RFC 3986 §5.2.4 on an absolute path: `/a/./b/../cb` → `/a/cb`; other paths unchanged."""
    if not path.startswith("/"):
        return path
    segments = path.split("/")[1:]
    output: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if not is_dot_segment(segment):
            output.append(segment)
            continue
        if segment.lower().replace("%2e", ".") == ".." and output:
            output.pop()
        if last:
            output.append("")
    return "/" + "/".join(output)


def percent_encode_non_ascii(text: str) -> str:
    """Non-ASCII characters as UTF-8 percent-escapes; a lone surrogate, which has no UTF-8 form,
    as the replacement character U+FFFD, as browsers encode it."""
    return "".join(char if char.isascii() else quote(_encodable(char), safe="") for char in text)


def _encodable(char: str) -> str:
    return "\ufffd" if "\ud800" <= char <= "\udfff" else char
