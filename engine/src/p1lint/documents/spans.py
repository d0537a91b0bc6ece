"""Where a value is written: a span of its text, as SARIF and editors count it.

A `Span` is 1-based. `line`/`column` is the value's first character; `end_line`/`end_column` is
the character *after* its last one, on the line of that last character — SARIF 2.1.0's
`region.endLine` ("the line number of the last character in the region") and `region.endColumn`
("the column number of the character following the end of the region"), so an editor selects
`column` to `end_column` exactly. An empty value (YAML's `key:`) has an empty span: end = start.
Lines and columns follow `lines`: only `\\n`, `\\r\\n` and `\\r` end a line; a column counts
characters. A format's locator builds this from character offsets; JSON and YAML share
`OffsetLocator`, a format with other string syntax brings its own `Locator`."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from p1lint.documents.lines import LineIndex, split_lines
from p1lint.pointer import Pointer

Offsets = tuple[int, int]  # of a value's first character, and of the character after its last


class OffsetsOf(Protocol):
    """Pointer → offsets of the value there, None when there is none (a dict, or a lazy reader)."""

    def get(self, pointer: Pointer, /) -> Offsets | None: ...


class Span(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int


UNKNOWN = Span(1, 1, 1, 1)  # a pointer above every value (an empty map): the file's start


class Locator(Protocol):
    """Pointer → span of the value; an unknown pointer gets its nearest ancestor's span."""

    def span(self, pointer: Pointer) -> Span: ...

    def span_in_string(self, pointer: Pointer, offset: int) -> Span:
        """From character `offset` of the string value at `pointer` to the value's end."""
        ...


class OffsetLocator:
    """A `Locator` over the offsets of each value of a JSON or YAML text; lines are counted only
    for the pointers asked for."""

    def __init__(self, text: str, offsets: OffsetsOf) -> None:
        self._text = text
        self._offsets = offsets
        self._index: LineIndex | None = None
        self._lines: list[str] | None = None

    def _nearest(self, pointer: Pointer) -> Offsets | None:
        """The offsets of the value at `pointer` or of its nearest ancestor."""
        for end in range(len(pointer), -1, -1):
            found = self._offsets.get(pointer[:end])
            if found is not None:
                return found
        return None

    def span(self, pointer: Pointer) -> Span:
        found = self._nearest(pointer)
        if found is None:
            return UNKNOWN
        if self._index is None:
            self._index = LineIndex(self._text)
        return Span(*self._index.position(found[0]), *self._index.position(found[1]))

    def span_in_string(self, pointer: Pointer, offset: int) -> Span:
        from p1lint.documents.scalars import position_in_scalar

        whole = self.span(pointer)
        if self._lines is None:  # split once per file, not once per finding
            self._lines = split_lines(self._text)
        if not 0 < whole.line <= len(self._lines):
            return whole
        start = position_in_scalar(self._lines, whole.line, whole.column, offset)
        return Span(*start, *max(start, (whole.end_line, whole.end_column)))
