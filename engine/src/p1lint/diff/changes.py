"""The value types of a diff: a change found in an application, and where it is written."""

from __future__ import annotations

from typing import NamedTuple

from p1lint.findings import SeverityName
from p1lint.pointer import Pointer


class Found(NamedTuple):
    """A change before it has a place: its kind, the field, what changed (never a secret value)
    and the pointer of the value in the new application (in the old one, for a removal)."""

    kind: str
    field: str
    detail: str
    pointer: Pointer = ()
    in_old: bool = False
    host: str = ""


class Change(NamedTuple):
    """One security-relevant change, as reported: `file`:`line`:`column` is where the new value is
    written (the old one, for a removal)."""

    kind: str
    severity: SeverityName
    title: str
    application_id: str
    application_name: str
    field: str
    detail: str
    host: str
    file: str
    line: int
    column: int
