"""Which role-assignment scope covers which: the organization contains its environments, an
environment its populations and its applications (PingOne's scope hierarchy).

A scope is a type and an id. What contains what is known only from the environment's data (which
organization an environment belongs to, which environment a population or an application is in);
`parent` answers that question and returns None when it does not know. Two relations follow:

- `covers(outer, inner)`: certainly — `outer` is `inner` or one of its known ancestors;
- `may_cover(outer, inner)`: `covers`, or `inner`'s line of ancestors ends at an unknown parent
  and `outer` is of a type that could be above it (an unplaced population may lie in any
  environment; an environment of unknown organization in any organization).

A narrower scope never covers a wider one, and scopes of one type cover only themselves.

A scope's id may be unknown (a Terraform variable: `scope_organization_id = var.org_id`) while its
type is known (the attribute's name). Such a scope is covered by nothing certainly, and may be
covered by any scope of its type or of a type above it; it covers nothing certainly."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from p1lint.terraform.values import Unknown

ORGANIZATION = "ORGANIZATION"
ENVIRONMENT = "ENVIRONMENT"
POPULATION = "POPULATION"
APPLICATION = "APPLICATION"
SCOPE_TYPES = (ORGANIZATION, ENVIRONMENT, POPULATION, APPLICATION)
# a scope type -> the type of the scope that contains it
PARENT_TYPE = {ENVIRONMENT: ORGANIZATION, POPULATION: ENVIRONMENT, APPLICATION: ENVIRONMENT}


class Scope(NamedTuple):
    type: str
    id: str | Unknown

    @property
    def known(self) -> bool:
        """Whether the scope's id is known (its type always is)."""
        return isinstance(self.id, str)

    def __str__(self) -> str:
        shown = self.id if isinstance(self.id, str) else self.id.shown()
        return f"{self.type} {shown}"


Parent = Callable[[Scope], "Scope | None"]  # the scope that contains this one, None when unknown


def ancestor_types(scope_type: str) -> tuple[str, ...]:
    """The types of the scopes that can contain a scope of `scope_type`, nearest first."""
    found: list[str] = []
    while scope_type in PARENT_TYPE:
        scope_type = PARENT_TYPE[scope_type]
        found.append(scope_type)
    return tuple(found)


def lineage(scope: Scope, parent: Parent) -> list[Scope]:
    """`scope` and its known ancestors, nearest first; the last one's parent is unknown or none."""
    found = [scope]
    while found[-1].known and found[-1].type in PARENT_TYPE:
        above = parent(found[-1])
        if above is None or above.type != PARENT_TYPE[found[-1].type]:
            break
        found.append(above)
    return found


def covers(outer: Scope, inner: Scope, parent: Parent) -> bool:
    """Whether a role held at `outer` certainly holds at `inner` too."""
    return outer.known and inner.known and outer in lineage(inner, parent)


def may_cover(outer: Scope, inner: Scope, parent: Parent) -> bool:
    """Whether a role held at `outer` may hold at `inner`, given what `parent` does not know."""
    known = lineage(inner, parent)
    if covers(outer, inner, parent) or outer.type in ancestor_types(known[-1].type):
        return True
    if not outer.known:  # any scope of its type, one of the known line among them
        return outer.type in {scope.type for scope in known}
    return not known[-1].known and outer.type == known[-1].type  # an unknown scope may be `outer`


def no_parents(scope: Scope) -> Scope | None:
    """A `parent` that knows nothing."""
    return None
