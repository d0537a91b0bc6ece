"""RFC 6901 JSON Pointers as tuples of keys and indexes."""

from __future__ import annotations

Key = str | int
Pointer = tuple[Key, ...]


def _escape(key: Key) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def format_pointer(pointer: Pointer) -> str:
    """`("redirectUris", 1)` → `/redirectUris/1`; the empty pointer is `""`."""
    return "".join("/" + _escape(key) for key in pointer)
