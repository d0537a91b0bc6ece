"""Find the application objects inside a parsed document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from p1lint.documents.embedded import EmbeddedView, embedded_view
from p1lint.documents.pointer import Pointer


class Located(NamedTuple):
    """An application object, the pointer of its position in its document, and the view rules
    check (embedded sub-collections in place, see `embedded`)."""

    pointer: Pointer
    view: EmbeddedView

    @property
    def application(self) -> Any:
        return self.view.data

    def original(self, pointer: Pointer) -> Pointer:
        """The document pointer of the value at `pointer` of the view."""
        return (*self.pointer, *self.view.original(pointer))


def applications(data: Any) -> Iterator[Located]:
    """One application object, a JSON array of them, or a list response (`_embedded.applications`)."""
    embedded = data.get("_embedded") if isinstance(data, dict) else None
    if isinstance(embedded, dict) and isinstance(embedded.get("applications"), list):
        prefix: Pointer = ("_embedded", "applications")
        for index, item in enumerate(embedded["applications"]):
            yield _located((*prefix, index), item)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield _located((index,), item)
    else:
        yield _located((), data)


def _located(pointer: Pointer, application: Any) -> Located:
    return Located(pointer, embedded_view(application))
