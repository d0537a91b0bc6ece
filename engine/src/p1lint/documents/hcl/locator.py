"""Pointers into the Terraform structure of a `.tf` file → spans of its text.

Spans come from the offsets the parser recorded (see `structure`); a position inside a literal
string steps over HCL's escapes and a heredoc's removed indentation (see `templates`)."""

from __future__ import annotations

from p1lint.documents.lines import LineIndex
from p1lint.documents.spans import OffsetLocator, Offsets, Span
from p1lint.pointer import Pointer


class HclLocator:
    def __init__(self, text: str, offsets: dict[Pointer, Offsets]) -> None:
        self._text = text
        self._offsets = offsets
        self._spans = OffsetLocator(text, offsets)
        self._index: LineIndex | None = None

    def span(self, pointer: Pointer) -> Span:
        return self._spans.span(pointer)

    def span_in_string(self, pointer: Pointer, offset: int) -> Span:
        from p1lint.documents.hcl.templates import offset_in_string

        whole = self.span(pointer)
        found = self._offsets.get(pointer)
        at = None if found is None else offset_in_string(self._text, *found, max(offset, 0))
        if at is None:
            return whole
        if self._index is None:
            self._index = LineIndex(self._text)
        start = self._index.position(at)
        return Span(*start, *max(start, (whole.end_line, whole.end_column)))
