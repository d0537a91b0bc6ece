"""Find the application objects inside a parsed PingOne document (its kinds are in `kinds`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from p1lint.documents.embedded import View, embedded_view
from p1lint.documents.kinds import APPLICATION, ARRAY, Kind, kind_of
from p1lint.pointer import Pointer


class Located(NamedTuple):
    """An application object, the pointer of its position in its document, and the view rules
    check (embedded sub-collections in place, see `embedded`)."""

    pointer: Pointer
    view: View

    @property
    def application(self) -> Any:
        return self.view.data

    def original(self, pointer: Pointer) -> Pointer:
        """The document pointer of the value at `pointer` of the view."""
        return (*self.pointer, *self.view.original(pointer))


def applications(data: Any, kind: Kind | None = None) -> Iterator[Located]:
    """The applications of a document of `kind` (by default: the kind the data matches, or else
    its entries or the data as one application, so that the structure rules say what is wrong)."""
    kind = kind or kind_of(data) or (ARRAY if isinstance(data, list) else APPLICATION)
    for pointer, application in kind.entries(data):
        yield Located(pointer, embedded_view(application))
