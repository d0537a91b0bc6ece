"""Find the application objects inside a parsed document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from p1lint.documents.pointer import Pointer


class Located(NamedTuple):
    """An application object and the pointer of its position in its document."""

    pointer: Pointer
    application: Any


def applications(data: Any) -> Iterator[Located]:
    """One application object, a JSON array of them, or a list response (`_embedded.applications`)."""
    embedded = data.get("_embedded") if isinstance(data, dict) else None
    if isinstance(embedded, dict) and isinstance(embedded.get("applications"), list):
        prefix: Pointer = ("_embedded", "applications")
        for index, item in enumerate(embedded["applications"]):
            yield Located((*prefix, index), item)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield Located((index,), item)
    else:
        yield Located((), data)
