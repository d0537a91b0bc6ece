"""The role checks' decisions, each answered yes, no or unknown — a check reports only a no.

- who may assign a role: "you cannot assign roles that you do not have yourself", except the
  read-only variant of a built-in role you hold and a custom role whose `canBeAssignedBy` names a
  role you hold, each at the same or a broader scope ("Must have role at the same or broader
  scope");
- which scope types PingOne accepts a role at (the snapshot's `applicableTo`, else the data file);
- which assignment of one application repeats another at an equal or wider scope.

A scope of unknown id (Terraform) is covered by nothing certainly (`p1lint.roles.scopes`), so a
decision that turns on it is unknown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum

from p1lint.roles.assignments import Assignment
from p1lint.roles.context import RoleContext, RoleFacts
from p1lint.roles.scopes import SCOPE_TYPES, covers, may_cover


class Answer(Enum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


YES, NO, UNKNOWN = Answer.YES, Answer.NO, Answer.UNKNOWN


def enables(held: str, wanted: str, role: Callable[[str], RoleFacts | None]) -> Answer:
    """Whether holding role `held` lets one assign role `wanted` at the same scope."""
    if held == wanted:
        return YES
    facts = role(wanted)
    if facts is not None and facts.custom:
        return UNKNOWN if facts.assigned_by is None else _answer(held in facts.assigned_by)
    if facts is None or facts.builtin is None:
        return UNKNOWN  # a role the snapshot does not describe: a read-only variant? custom?
    if facts.builtin.read_only_of is None:
        return NO
    holder = role(held)
    if holder is None or not holder.settled:
        return UNKNOWN
    return _answer(holder.builtin is not None and holder.builtin.name == facts.builtin.read_only_of)


def _answer(value: bool) -> Answer:
    return YES if value else NO


def assignable(wanted: Assignment, held: list[Assignment], roles: RoleContext) -> Answer:
    """Whether an actor holding `held` may make the assignment `wanted`."""
    answers = [_by(one, wanted, roles) for one in held]
    return YES if YES in answers else UNKNOWN if UNKNOWN in answers else NO


def enabling(wanted: Assignment, held: list[Assignment], roles: RoleContext) -> list[Assignment]:
    """The assignments of `held` whose role lets one assign `wanted`'s role, at whatever scope."""
    return [one for one in held if enables(one.role, wanted.role, roles.role) is YES]


def _by(one: Assignment, wanted: Assignment, roles: RoleContext) -> Answer:
    """What holding `one` says about making `wanted`."""
    if not may_cover(one.scope, wanted.scope, roles.parent):
        return NO
    enabled = enables(one.role, wanted.role, roles.role)
    if enabled is YES and not covers(one.scope, wanted.scope, roles.parent):
        return UNKNOWN  # the right role, at a scope that may or may not contain this one
    return enabled


def accepted_at(facts: RoleFacts, scope_type: str) -> Answer:
    """Whether PingOne accepts the role at scopes of `scope_type`."""
    if scope_type not in SCOPE_TYPES or not facts.settled:
        return UNKNOWN
    if facts.applicable_to is not None:
        return _answer(scope_type in facts.applicable_to)
    if facts.builtin is None:
        return UNKNOWN
    if scope_type in facts.builtin.rejected_at:
        return NO
    return YES if scope_type in facts.builtin.accepted_at else UNKNOWN


def repeated(
    assignments: list[tuple[int, Assignment]], roles: RoleContext
) -> Iterator[tuple[int, int, Assignment]]:
    """Each assignment that another of the list makes unnecessary — the same role at an equal
    scope written earlier, or at a certainly wider scope — with the index and the other."""
    for index, one in assignments:
        for other_index, other in assignments:
            if _repeats(one, index, other, other_index, roles):
                yield index, other_index, other
                break


def _repeats(one: Assignment, index: int, other: Assignment, other_index: int, roles: RoleContext) -> bool:
    if other_index == index or other.role != one.role or (one.id is not None and one.id == other.id):
        return False
    if other.scope == one.scope and one.scope.known:
        return other_index < index
    return covers(other.scope, one.scope, roles.parent)


def undecided_repeats(assignments: list[tuple[int, Assignment]], roles: RoleContext) -> list[int]:
    """The assignments of unknown scope id that may repeat another of the list (the same role at
    a scope that may be equal or wider, either way): whether they do is not known."""
    return [index for index, one in assignments if not one.scope.known and any(
        other_index != index and other.role == one.role and _may_overlap(one, other, roles)
        for other_index, other in assignments)]


def _may_overlap(one: Assignment, other: Assignment, roles: RoleContext) -> bool:
    return may_cover(other.scope, one.scope, roles.parent) or may_cover(one.scope, other.scope, roles.parent)
