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
from typing import Any

from p1lint.documents.spans import Offsets
from p1lint.pointer import Pointer

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_KEY = re.compile(r'"([^"\\]*)"[ \t\n\r]*:[ \t\n\r]*')
_NEXT = re.compile(r"[ \t\n\r]*(?:,[ \t\n\r]*)?")  # after a member: up to the next one
_SCALAR = re.compile(r"[^ \t\n\r,\]}]+")  # a number, true, false or null
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]
# values are built only to be dropped: numbers and objects become their length (no dict is hashed)
_SKIPPER = json.JSONDecoder(parse_int=len, parse_float=len, parse_constant=len, object_pairs_hook=len)


class JsonOffsets:
    """Pointer → offsets of a value's first character and of the character after its last, of
    the values of a JSON text; the members of a container are read when first needed."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._offsets: dict[Pointer, Offsets] = {}
        self._read: set[Pointer] = set()  # containers whose members are in `_offsets`
        start = _skip(text, 0)
        if start < len(text):
            self._offsets[()] = (start, _value_end(text, start))

    def get(self, pointer: Pointer) -> Offsets | None:
        found = self._offsets.get(pointer)
        if found is not None or not pointer:
            return found
        for depth in range(len(pointer)):
            above = pointer[:depth]
            if above not in self._read:
                if above not in self._offsets:
                    return None
                self._read_members(above)
        return self._offsets.get(pointer)

    def everything(self) -> dict[Pointer, Offsets]:
        """The offsets of every value (reads every container)."""
        pending = list(self._offsets)
        while pending:
            pointer = pending.pop()
            if pointer not in self._read:
                pending.extend(self._read_members(pointer))
        return dict(self._offsets)

    def _read_members(self, pointer: Pointer) -> list[Pointer]:
        """Record the members of the container at `pointer` (nothing for a scalar)."""
        self._read.add(pointer)
        start, _ = self._offsets[pointer]
        opening = self._text[start]
        if opening == "{":
            return self._object_members(pointer, start)
        return self._array_members(pointer, start) if opening == "[" else []

    def _object_members(self, pointer: Pointer, start: int) -> list[Pointer]:
        text, offsets, found = self._text, self._offsets, list[Pointer]()
        position = _skip(text, start + 1)
        while text[position] == '"':
            simple = _KEY.match(text, position)  # a key without escapes, its `:` and the space after
            if simple is not None:
                key, value_start = simple.group(1), simple.end()
            else:
                key, position = _scanstring(text, position + 1, True)
                value_start = _skip(text, _skip(text, position) + 1)  # past the `:`
            end = _value_end(text, value_start)
            offsets[member := (*pointer, key)] = (value_start, end)
            found.append(member)
            position = _NEXT.match(text, end).end()  # type: ignore[union-attr]
        return found

    def _array_members(self, pointer: Pointer, start: int) -> list[Pointer]:
        text, offsets, found = self._text, self._offsets, list[Pointer]()
        position = _skip(text, start + 1)
        index = 0
        while text[position] != "]":
            end = _value_end(text, position)
            offsets[member := (*pointer, index)] = (position, end)
            found.append(member)
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


def json_offsets(text: str) -> dict[Pointer, Offsets]:
    """The offsets of every value of `text` (see `JsonOffsets`)."""
    return JsonOffsets(text).everything()
