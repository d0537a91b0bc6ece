"""Where a value is written: a document and a JSON Pointer into it."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from p1lint.pointer import Pointer

if TYPE_CHECKING:
    from p1lint.documents.sources import SourceDocument


class Location(NamedTuple):
    """A value's place: the parsed document that holds it and its pointer there."""

    document: SourceDocument
    pointer: Pointer

    def below(self, pointer: Pointer) -> Location:
        """The place of the value at `pointer` inside this one."""
        return Location(self.document, (*self.pointer, *pointer))
