"""Role assignments as the API writes them (`{role: {id}, scope: {id, type}}`), read defensively:
anything of another shape is no assignment (the structure rules report it), never an error.

A scope id may be unknown (Terraform): its type is still known from the attribute that gives it
(`scope_organization_id`), so the assignment is one, at a scope of unknown id (`Scope.known`)."""

from __future__ import annotations

from typing import Any, NamedTuple

from p1lint.roles.scopes import Scope
from p1lint.terraform.values import Unknown


class Assignment(NamedTuple):
    role: str  # the role's id
    scope: Scope
    id: str | None = None  # the assignment's own id, when written


def reference(value: Any) -> str | None:
    """The id of a reference object (`{"id": ...}`)."""
    identifier = value.get("id") if isinstance(value, dict) else None
    return identifier if isinstance(identifier, str) and identifier else None


def _scope_id(scope: Any) -> str | Unknown | None:
    """The id of the assignment's scope: a string, or an unknown value."""
    found = scope.get("id") if isinstance(scope, dict) else None
    return found if isinstance(found, Unknown) else reference(scope)


def assignment(value: Any) -> Assignment | None:
    """The assignment `value` stands for, or None when it is not one."""
    if not isinstance(value, dict):
        return None
    role, scope = reference(value.get("role")), value.get("scope")
    scope_id, scope_type = _scope_id(scope), scope.get("type") if isinstance(scope, dict) else None
    if role is None or scope_id is None or not isinstance(scope_type, str):
        return None
    own = value.get("id")
    return Assignment(role, Scope(scope_type, scope_id), own if isinstance(own, str) else None)


def assignment_list(value: Any) -> list[tuple[int, Assignment]]:
    """The assignments of a list, each with its index; other items are skipped."""
    if not isinstance(value, list):
        return []
    found = ((index, assignment(item)) for index, item in enumerate(value))
    return [(index, item) for index, item in found if item is not None]
