"""RFC 6901 JSON Pointers as tuples of keys and indexes."""

from __future__ import annotations

import json
import re

Key = str | int
Pointer = tuple[Key, ...]


def _escape(key: Key) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def format_pointer(pointer: Pointer) -> str:
    """`("redirectUris", 1)` → `/redirectUris/1`; the empty pointer is `""`."""
    return "".join("/" + _escape(key) for key in pointer)


_PROPERTY_NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def format_field(pointer: Pointer) -> str:
    """The pointer as the API's documentation names a property, for prose: `("secret",
    "previous", "secret")` → `secret.previous.secret`, `("redirectUris", 1)` → `redirectUris[1]`;
    a key that is not a plain name is quoted, `["full name"]`."""
    parts = []
    for key in pointer:
        if isinstance(key, int):
            parts.append(f"[{key}]")
        elif _PROPERTY_NAME.fullmatch(key):
            parts.append(f".{key}" if parts else key)
        else:
            parts.append(f"[{json.dumps(key, ensure_ascii=True)}]")
    return "".join(parts) or "the application"
