"""Parsing helpers shared by the URI and CORS functions. The raw string is kept alongside the
parsed parts because `urlsplit` silently drops an empty fragment and tolerates backslashes."""

from __future__ import annotations

import ipaddress
import re
from typing import NamedTuple
from urllib.parse import urlsplit

SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
DEFAULT_PORTS = {"http": 80, "https": 443}


class Uri(NamedTuple):
    raw: str
    scheme: str | None
    authority: str | None
    host: str
    port: str
    path: str
    query: str


def parse_uri(raw: str) -> Uri:
    match = SCHEME.match(raw)
    scheme = match.group(1) if match else None
    try:
        parts = urlsplit(raw)
    except ValueError:
        return Uri(raw, scheme, None, "", "", "", "")
    authority = parts.netloc if raw[len(scheme or "") + 1 :].startswith("//") or not scheme else None
    host, port = split_host_port(parts.netloc.rpartition("@")[2])
    return Uri(raw, scheme, authority, host, port, parts.path, parts.query)


def split_host_port(hostport: str) -> tuple[str, str]:
    """`[::1]:8080` → (`[::1]`, `8080`); `host:443` → (`host`, `443`); the host keeps its case."""
    if hostport.startswith("["):
        end = hostport.find("]")
        if end != -1:
            rest = hostport[end + 1 :]
            return hostport[: end + 1], rest[1:] if rest.startswith(":") else ""
    host, sep, port = hostport.rpartition(":")
    return (host, port) if sep else (hostport, "")


def is_loopback(host: str) -> bool:
    """`localhost`, 127.0.0.0/8 or `[::1]` (any spelling of it)."""
    name = host.lower().strip("[]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
