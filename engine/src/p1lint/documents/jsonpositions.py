"""Positions of the values of a JSON text, by one pass over its tokens.

JSON needs none of YAML's machinery (importing libyaml's Python layer alone costs more than this
pass over a typical export), and the text was already validated by `json.loads`, so a regular
expression over the tokens and a stack of open containers are enough."""

from __future__ import annotations

import json
import re
from bisect import bisect_right

from p1lint.documents.pointer import Key, Pointer

Position = tuple[int, int]
TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


class _Frame:
    """An open object or array: where it is, and the key or index of its current member."""

    __slots__ = ("is_object", "member", "pointer")

    def __init__(self, pointer: Pointer, is_object: bool) -> None:
        self.pointer = pointer
        self.is_object = is_object
        self.member: Key = 0


def json_positions(text: str) -> dict[Pointer, Position]:
    """Pointer → (line, column), 1-based, of each value's first character (a repeated key's last)."""
    breaks = [match.start() for match in re.finditer("\n", text)]
    positions: dict[Pointer, Position] = {}
    stack: list[_Frame] = []
    expected: Pointer | None = ()  # the pointer of the value that comes next, if a value does
    for token in TOKEN.finditer(text):
        lexeme = token.group()
        if expected is not None and lexeme not in ",:]}":
            positions[expected] = _position(breaks, token.start())
            expected = _open(stack, expected, lexeme)
        else:
            expected = _punctuation(stack, lexeme)
    return positions


def _open(stack: list[_Frame], pointer: Pointer, lexeme: str) -> Pointer | None:
    """After a value's first token: inside an array the first element is expected next."""
    if lexeme in ("{", "["):
        stack.append(_Frame(pointer, lexeme == "{"))
        return None if lexeme == "{" else (*pointer, 0)
    return None


def _punctuation(stack: list[_Frame], lexeme: str) -> Pointer | None:
    if not stack:
        return None
    frame = stack[-1]
    if lexeme == ":":
        return (*frame.pointer, frame.member)
    if lexeme == ",":
        if frame.is_object:
            return None
        frame.member = int(frame.member) + 1
        return (*frame.pointer, frame.member)
    if lexeme in "]}":
        stack.pop()
    elif frame.is_object:  # a key
        frame.member = json.loads(lexeme)
    return None


def _position(breaks: list[int], offset: int) -> Position:
    line = bisect_right(breaks, offset)
    start = breaks[line - 1] + 1 if line else 0
    return line + 1, offset - start + 1
