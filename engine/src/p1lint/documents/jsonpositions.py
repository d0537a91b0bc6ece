"""Spans of the values of a JSON text, by one pass over its tokens.

JSON needs none of YAML's machinery (importing libyaml's Python layer alone costs more than this
pass over a typical export), and the text was already validated by `json.loads`, so a regular
expression over the tokens and a stack of open containers are enough. A string is skipped with
`str.find`, not matched by a regular expression, so its length costs no memory (a repeated group
over a 10 MB string needs a gigabyte of backtracking state). A scalar ends after its token, an
object or array after its closing bracket. Offsets become lines and columns in `spans`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from p1lint.documents.spans import Offsets
from p1lint.pointer import Key, Pointer

TOKEN = re.compile(r'[{}\[\]:,"]|[^\s{}\[\]:,"]+')  # a string is `"`, its end found by `_string_end`


class _Frame:
    """An open object or array: where it is, and the key or index of its current member."""

    __slots__ = ("is_object", "member", "pointer", "start")

    def __init__(self, pointer: Pointer, is_object: bool, start: int) -> None:
        self.pointer = pointer
        self.is_object = is_object
        self.start = start
        self.member: Key = 0


def json_offsets(text: str) -> dict[Pointer, Offsets]:
    """Pointer → offsets of each value's first character and of the character after its last
    (for a repeated key, its last value's)."""
    offsets: dict[Pointer, Offsets] = {}
    stack: list[_Frame] = []
    expected: Pointer | None = ()  # the pointer of the value that comes next, if a value does
    for start, lexeme in _tokens(text):
        if expected is not None and lexeme not in ",:]}":
            offsets[expected] = (start, start + len(lexeme))
            expected = _open(stack, expected, lexeme, start)
        else:
            expected = _punctuation(stack, lexeme, start, offsets)
    return offsets


def _tokens(text: str) -> Iterator[tuple[int, str]]:
    """(offset, lexeme) of each token; a string's lexeme is `"` (its start and end are known)."""
    position = 0
    search = TOKEN.search
    while (token := search(text, position)) is not None:
        lexeme = token.group()
        position = _string_end(text, token.end()) if lexeme == '"' else token.end()
        yield token.start(), lexeme if lexeme != '"' else text[token.start():position]


def _string_end(text: str, index: int) -> int:
    """The offset after the quote that closes the string whose content starts at `index`."""
    while True:
        quote = text.index('"', index)
        escapes = quote - 1
        while text[escapes] == "\\":
            escapes -= 1
        if (quote - 1 - escapes) % 2 == 0:
            return quote + 1
        index = quote + 1


def _open(stack: list[_Frame], pointer: Pointer, lexeme: str, start: int) -> Pointer | None:
    """After a value's first token: inside an array the first element is expected next."""
    if lexeme in ("{", "["):
        stack.append(_Frame(pointer, lexeme == "{", start))
        return None if lexeme == "{" else (*pointer, 0)
    return None


def _punctuation(
    stack: list[_Frame], lexeme: str, start: int, offsets: dict[Pointer, Offsets]
) -> Pointer | None:
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
        offsets[frame.pointer] = (frame.start, start + 1)
    elif frame.is_object:  # a key
        frame.member = json.loads(lexeme) if "\\" in lexeme else lexeme[1:-1]
    return None
