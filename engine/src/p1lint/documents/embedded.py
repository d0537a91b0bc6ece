"""The API's own shape of related objects: `_embedded` sub-collections read as the fields rules check.

The PingOne API returns an application's related objects in HAL `_embedded` collections named as
its list responses name them (`_embedded.attributes` for `GET …/applications/{id}/attributes`,
`_embedded.grants`, `_embedded.roleAssignments`, `_embedded.signOnPolicyAssignments`,
`_embedded.flowPolicyAssignments`; the `EntityArray__embedded` schema of the PingOne Go SDK).
Rules check the fields an export writes them under (`attributeMappings`, `grants`, …); the view
moves each embedded collection there — after the entries already there — and maps every pointer
back, so a finding points at the entry where it is written (`/_embedded/attributes/0/value`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from p1lint.pointer import Pointer

EMBEDDED = "_embedded"
# `_embedded` member -> the application field rules read it as
SUB_COLLECTIONS = {
    "attributes": "attributeMappings",
    "grants": "grants",
    "roleAssignments": "roleAssignments",
    "signOnPolicyAssignments": "signOnPolicyAssignments",
    "flowPolicyAssignments": "flowPolicyAssignments",
}


class View(Protocol):
    """An application as rules see it (`data`), and the way between its pointers and those of
    where it is written; `EmbeddedView` here, `TerraformView` for Terraform configurations."""

    @property
    def data(self) -> Any: ...

    def original(self, pointer: Pointer) -> Pointer: ...

    def viewed(self, pointer: Pointer) -> Pointer: ...


@dataclass(frozen=True)
class Moved:
    """One embedded collection: its `_embedded` name and how many entries precede it."""

    member: str
    offset: int
    alone: bool  # the field was absent: the whole list is the embedded one


@dataclass(frozen=True)
class EmbeddedView:
    """An application as rules see it, and the way back to where each value is written."""

    data: Any
    moved: dict[str, Moved] = field(default_factory=dict)

    def original(self, pointer: Pointer) -> Pointer:
        """Where the value at `pointer` of the view is written in the application."""
        moved = self.moved.get(pointer[0]) if pointer and isinstance(pointer[0], str) else None
        if moved is None:
            return pointer
        if len(pointer) == 1:
            return (EMBEDDED, moved.member) if moved.alone else pointer
        index = pointer[1]
        if isinstance(index, int) and index >= moved.offset:
            return (EMBEDDED, moved.member, index - moved.offset, *pointer[2:])
        return pointer

    def viewed(self, pointer: Pointer) -> Pointer:
        """The inverse of `original`: where a value written in the application is in the view."""
        if len(pointer) < 2 or pointer[0] != EMBEDDED:
            return pointer
        target = next((name for name, m in self.moved.items() if m.member == pointer[1]), None)
        if target is None:
            return pointer
        rest = pointer[2:]
        if rest and isinstance(rest[0], int):
            return (target, rest[0] + self.moved[target].offset, *rest[1:])
        return (target, *rest)


def embedded_view(application: Any) -> EmbeddedView:
    """The view of one application; the application itself is never changed."""
    embedded = application.get(EMBEDDED) if isinstance(application, dict) else None
    if not isinstance(embedded, dict):
        return EmbeddedView(application)
    movable = {m: v for m, v in embedded.items() if m in SUB_COLLECTIONS and isinstance(v, list)}
    movable = {m: v for m, v in movable.items() if isinstance(application.get(SUB_COLLECTIONS[m], []), list)}
    if not movable:
        return EmbeddedView(application)
    data = dict(application)
    data[EMBEDDED] = {m: v for m, v in embedded.items() if m not in movable}
    moved = {}
    for member, entries in movable.items():
        name = SUB_COLLECTIONS[member]
        own = application.get(name)
        moved[name] = Moved(member, len(own or ()), own is None)
        data[name] = [*(own or ()), *entries]
    return EmbeddedView(data, moved)
