"""Where a newline counts in HCL, decided between lark's lexer and its parser.

A newline ends an attribute or a block, and separates the items of an object; inside (), [],
`${ }`, `%{ }` and a `for` expression it is only whitespace (hclsyntax/spec.md). `Newlines` keeps
a stack of the open brackets and drops the newlines the grammar does not want: those inside such
brackets, the one right after a `{`, a run after the first, and those before the first token. It
also refuses nesting deeper than `MAX_NESTING`, so that nothing after it can run out of stack."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MAX_NESTING = 200  # brackets, blocks and strings open at once
OPENERS = frozenset({"LBRACE", "LSQB", "LPAR", "INTERPOLATION", "DIRECTIVE"})
CLOSERS = frozenset({"RBRACE", "RSQB", "RPAR"})
NEWLINES_IGNORED = frozenset({"LSQB", "LPAR", "INTERPOLATION", "DIRECTIVE", "FOR"})
NEWLINE = "_NL"


class TooDeep(Exception):
    """Brackets nest deeper than `MAX_NESTING`: `offset` is where the one too many opens."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


class Newlines:
    """lark post-lexer. `open` holds the openers (type and offset) of the current parse that are not
    closed yet, for the message of a syntax error; a `{` that opens a block is a "BLOCK"."""

    always_accept = (NEWLINE,)

    def __init__(self) -> None:
        self.open: list[tuple[str, int]] = []

    def process(self, stream: Iterator[Any]) -> Iterator[Any]:
        frames = self.open = []
        previous = None
        for token in stream:
            kind = token.type
            if kind == NEWLINE and _dropped(previous, frames):
                continue
            _track(frames, kind, previous, token.start_pos)
            previous = kind
            yield token


def _dropped(previous: str | None, frames: list[tuple[str, int]]) -> bool:
    return previous in (None, NEWLINE, "LBRACE") or bool(frames and frames[-1][0] in NEWLINES_IGNORED)


def _track(frames: list[tuple[str, int]], kind: str, previous: str | None, offset: int) -> None:
    if kind in OPENERS or (kind == "QUOTE" and not (frames and frames[-1][0] == "QUOTE")):
        block = kind == "LBRACE" and previous in ("IDENTIFIER", "QUOTE")  # after a type or label
        frames.append(("BLOCK" if block else kind, offset))
        if len(frames) > MAX_NESTING:
            raise TooDeep(offset)
    elif kind in CLOSERS or kind == "QUOTE":
        if frames:
            frames.pop()
    elif kind == "FOR" and previous == "LBRACE":  # `{ for k, v in ...}`: newlines are whitespace
        frames[-1] = ("FOR", frames[-1][1])
