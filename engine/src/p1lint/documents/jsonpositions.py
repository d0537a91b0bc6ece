"""Spans of the values of a JSON text, found for the containers a pointer goes through only.

A finding needs the span of a few values; a 17 MB snapshot has hundreds of thousands. So a
container's members are found when a pointer below it is first asked for: one pass over that
container's own level, each member's end found by the standard library's C scanner (which skips
a nested value at the speed of `json.loads`, a string without any regular expression, so its
length costs no memory). The text was already validated by `json.loads`, so nothing here needs to
check it. A scalar ends after its token, an object or array after its closing bracket; for a
repeated key, its last value counts. Offsets become lines and columns in `spans`."""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from typing import Any

from p1lint.documents.spans import Offsets
from p1lint.pointer import Key, Pointer

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_KEY = re.compile(r'"([^"\\]*)"[ \t\n\r]*:[ \t\n\r]*')
_NEXT = re.compile(r"[ \t\n\r]*(?:,[ \t\n\r]*)?")  # after a member: up to the next one
_SCALAR = re.compile(r"[^ \t\n\r,\]}]+")  # a number, true, false or null
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]
# values are built only to be dropped: numbers and objects become their length (no dict is hashed)
MAX_CONTAINERS = 1024  # whose members are kept
_SKIPPER = json.JSONDecoder(parse_int=len, parse_float=len, parse_constant=len, object_pairs_hook=len)


class JsonOffsets:
    """Pointer → offsets of a value's first character and of the character after its last, of
    the values of a JSON text. The members of a container are read when first needed, and only
    the `MAX_CONTAINERS` used last are kept (the memory stays bounded however large the text):
    the containers every pointer goes through (the root, a snapshot's `applications`) are used
    by every lookup, so they stay."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: Offsets | None = None
        self._members: OrderedDict[Pointer, dict[Key, Offsets]] = OrderedDict()
        start = _skip(text, 0)
        if start < len(text):
            self._root = (start, _value_end(text, start))

    def get(self, pointer: Pointer) -> Offsets | None:
        found = self._root
        for depth, key in enumerate(pointer):
            if found is None:
                return None
            found = self._members_of(pointer[:depth], found).get(key)
        return found

    def _members_of(self, container: Pointer, offsets: Offsets) -> dict[Key, Offsets]:
        members = self._members.get(container)
        if members is not None:
            self._members.move_to_end(container)
            return members
        members = self._members[container] = _members(self._text, offsets[0])
        if len(self._members) > MAX_CONTAINERS:
            self._members.popitem(last=False)
        return members


def json_offsets(text: str) -> dict[Pointer, Offsets]:
    """The offsets of every value of `text`."""
    found: dict[Pointer, Offsets] = {}
    start = _skip(text, 0)
    pending: list[tuple[Pointer, Offsets]] = []
    if start < len(text):
        pending.append(((), (start, _value_end(text, start))))
    while pending:
        pointer, offsets = pending.pop()
        found[pointer] = offsets
        pending += [((*pointer, key), inner) for key, inner in _members(text, offsets[0]).items()]
    return found


def _members(text: str, start: int) -> dict[Key, Offsets]:
    """The offsets of the members of the container that starts at `start` (none for a scalar)."""
    opening = text[start]
    if opening == "{":
        return _object_members(text, start)
    return _array_members(text, start) if opening == "[" else {}


def _object_members(text: str, start: int) -> dict[Key, Offsets]:
    found: dict[Key, Offsets] = {}
    position = _skip(text, start + 1)
    while text[position] == '"':
        simple = _KEY.match(text, position)  # a key without escapes, its `:` and the space after
        if simple is not None:
            key, value_start = simple.group(1), simple.end()
        else:
            key, position = _scanstring(text, position + 1, True)
            value_start = _skip(text, _skip(text, position) + 1)  # past the `:`
        end = _value_end(text, value_start)
        found[key] = (value_start, end)  # a repeated key: its last value
        position = _NEXT.match(text, end).end()  # type: ignore[union-attr]
    return found


def _array_members(text: str, start: int) -> dict[Key, Offsets]:
    found: dict[Key, Offsets] = {}
    position = _skip(text, start + 1)
    index = 0
    while text[position] != "]":
        end = _value_end(text, position)
        found[index] = (position, end)
        position = _NEXT.match(text, end).end()  # type: ignore[union-attr]
        index += 1
    return found


def _skip(text: str, position: int) -> int:
    return _WHITESPACE.match(text, position).end()  # type: ignore[union-attr]


def _value_end(text: str, start: int) -> int:
    """The offset after the value that starts at `start`."""
    first = text[start]
    if first == '"':
        return int(_scanstring(text, start + 1, True)[1])
    if first in "{[":
        return int(_SKIPPER.raw_decode(text, start)[1])
    return _SCALAR.match(text, start).end()  # type: ignore[union-attr]
