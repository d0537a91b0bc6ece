"""A parsed input, and the protocol every input format follows to make one.

A format parses text into plain data (what rules see), the keys its text repeats, and — only
when a finding needs it — a `Locator` from JSON Pointers to spans of the text. The formats are
registered in `formats`; nothing else knows which ones there are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from p1lint.findings import InputError
from p1lint.pointer import Pointer

if TYPE_CHECKING:  # spans are built only for a file with findings
    from p1lint.documents.spans import Locator, Span


class InputFormat(Protocol):
    name: str  # as messages name it: "JSON"
    suffixes: tuple[str, ...]  # the file suffixes it claims, lower case: (".json",)

    def sniff(self, name: str, text: str) -> bool:
        """Whether the file is in this format: by its suffix, else (standard input, an unknown
        suffix) by its content."""
        ...

    def parse(self, name: str, text: str) -> SourceDocument | InputError:
        """The document, or where and why the text is not valid in this format."""
        ...

    def locator(self, text: str) -> Locator:
        """The spans of the values of `text`, which `parse` accepted; called only for a file with
        findings."""
        ...


class Source(NamedTuple):
    """Where a value of one document is written in another (a plan's value in the `.tf` file it
    was planned from): the place, and whether it is the value itself as the text writes it (so a
    position inside the string holds there too) rather than the expression or block it comes from."""

    document: SourceDocument
    pointer: Pointer
    exact: bool


@dataclass
class SourceDocument:
    """A parsed input file: its text, its plain data, its format and a lazily built locator.
    `notes`: what a reader knows of a value that its text does not show (the default of a
    Terraform variable used for it), by pointer; findings at or below one say so."""

    name: str
    text: str
    data: Any
    format: InputFormat
    duplicate_keys: tuple[Pointer, ...] = ()
    notes: dict[Pointer, str] = field(default_factory=dict)
    _locator: Locator | None = field(default=None, repr=False)
    _repeats: dict[int, dict[Pointer, list[Pointer]]] = field(default_factory=dict, repr=False)

    @property
    def locator(self) -> Locator:
        if self._locator is None:
            self._locator = self.format.locator(self.text)
        return self._locator

    def span(self, pointer: Pointer) -> Span:
        """Where the value at `pointer` (or, if there is none, its nearest ancestor) is written."""
        return self.locator.span(pointer)

    def position(self, pointer: Pointer) -> tuple[int, int]:
        """Line and column (1-based) where the value at `pointer` or its nearest ancestor starts."""
        span = self.span(pointer)
        return span.line, span.column

    def span_in_string(self, pointer: Pointer, offset: int) -> Span:
        """From character `offset` of the string value at `pointer` to the end of the value."""
        return self.locator.span_in_string(pointer, offset)

    def subject(self, pointer: Pointer) -> str | None:
        """What a finding at `pointer` is about when its file and line do not say it (a Terraform
        plan's resource address); None for most documents."""
        return None

    def source(self, pointer: Pointer) -> Source | None:
        """Where the value at `pointer` is written when that is in another file than this one (a
        Terraform plan's value, in its configuration); None for most documents."""
        return None

    def changed(self, pointer: Pointer) -> bool:
        """Whether the value at `pointer` is part of a change, for `--changed-only`: every value of
        most documents; of a Terraform plan, those of the resources it creates or updates."""
        return True

    def note(self, pointer: Pointer) -> str | None:
        """The note of the value at `pointer` or of the nearest ancestor that has one."""
        for end in range(len(pointer), -1, -1) if self.notes else ():
            found = self.notes.get(pointer[:end])
            if found is not None:
                return found
        return None

    def repeated_keys_below(self, prefix: Pointer) -> tuple[Pointer, ...]:
        """The repeated keys inside the value at `prefix`, relative to it; grouped once per file,
        not searched once per application."""
        if not self.duplicate_keys:
            return ()
        length = len(prefix)
        groups = self._repeats.get(length)
        if groups is None:
            groups = self._repeats[length] = {}
            for pointer in self.duplicate_keys:
                if len(pointer) >= length:
                    groups.setdefault(pointer[:length], []).append(pointer[length:])
        return tuple(groups.get(prefix, ()))
