"""Checks of an application's administrator role assignments against its environment: who may
assign them, the scopes PingOne accepts a role at, roles named by their built-in name, repeats.

A role is known by id in an assignment; its name, built-in identity, `applicableTo` and
`canBeAssignedBy` come from the environment's `roles`. What the environment does not say is
never guessed: such an assignment is not reported (`p1lint.roles.decisions`). An assignment whose
role is unknown (Terraform) is no assignment these checks read; one whose scope id is unknown is
judged by its role and scope type (known from the attribute's name), and a decision that needs the
id is not made (noted for `--strict-unknowns`).

Only the built-in role names are read when rules load (to validate options); the rest of
`p1lint.roles` is imported when a check first runs, so a run without role assignments pays
nothing for it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, Options, Problem, not_judged
from p1lint.roles.names import builtin_role

if TYPE_CHECKING:
    from p1lint.roles.assignments import Assignment
    from p1lint.roles.context import RoleContext

MEMO = "roles:context"


def role_context(context: Context) -> RoleContext:
    """The roles of the application's environment, read once per environment."""
    from p1lint.roles.context import RoleContext

    found = context.shared.get(MEMO)
    if not isinstance(found, RoleContext) or found.environment is not context.environment:
        found = context.shared[MEMO] = RoleContext(context.environment)
    return found


@check_function("role-assignable", NoOptions, unknown_members=True)
def role_assignable(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """A role assignment must be one the environment's actor may make: it holds the role at the
    same or a wider scope, or a role whose read-only variant it is, or a role the custom role's
    `canBeAssignedBy` names. Reported at `scope` when the actor holds such a role only elsewhere,
    else at `role.id`. Not checked when the actor's role assignments are not given, nor when
    PingOne rejects the role at that scope type anyway (`role-scope-type` reports it)."""
    from p1lint.roles.assignments import assignment
    from p1lint.roles.decisions import NO, UNKNOWN, accepted_at, assignable

    wanted, roles = assignment(value), role_context(context)
    held = roles.actor_assignments() if wanted is not None else None
    if wanted is None or held is None:
        return
    answer = assignable(wanted, held, roles)
    if answer is UNKNOWN and not wanted.scope.known:
        yield not_judged(("scope", "id"))  # whether the actor's role reaches that scope
    if answer is not NO:
        return
    facts = roles.role(wanted.role)
    if not (facts.settled if facts is not None else _settled(context)):
        return  # a role the environment describes in unknown values: `role-scope-type`'s, maybe
    if facts is None or accepted_at(facts, wanted.scope.type) is not NO:
        yield _not_assignable(wanted, held, roles)


def _settled(context: Context) -> bool:
    return context.environment is None or context.environment.settled("roles")


def _not_assignable(wanted: Assignment, held: list[Assignment], roles: RoleContext) -> Problem:
    """At `scope` when the actor holds a role that would do, but elsewhere; else at `role.id`."""
    from p1lint.roles.decisions import enabling

    assigned = f"{roles.role_name(wanted.role)} at {roles.shown(wanted.scope)}"
    elsewhere = ", ".join(roles.shown(one.scope) for one in enabling(wanted, held, roles))
    if elsewhere:
        return Problem(f"{assigned}, outside where the actor holds a role that may assign it ({elsewhere})",
                       ("scope",))
    return Problem(f"{assigned}; the actor holds no role that may assign it at this scope or above",
                   ("role", "id"))


@check_function("role-scope-type", NoOptions, unknown_members=True)
def role_scope_type(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """A role assignment's scope type must be one PingOne accepts the role at (the role's
    `applicableTo` in the environment, else the built-in role's known scopes). Reported at
    `scope.type`."""
    from p1lint.roles.assignments import assignment
    from p1lint.roles.decisions import NO, accepted_at

    wanted = assignment(value)
    facts = role_context(context).role(wanted.role) if wanted is not None else None
    if wanted is not None and facts is not None and accepted_at(facts, wanted.scope.type) is NO:
        yield Problem(f"{facts.shown} at {wanted.scope.type}", ("scope", "type"))


class RoleNamesOptions(Options):
    roles: list[str]  # built-in role names (API names or aliases)

    @staticmethod
    def check_roles(value: list[str]) -> None:
        if not value:
            raise ValueError("List should have at least 1 item after validation, not 0")
        unknown = [name for name in value if builtin_role(name) is None]
        if unknown:
            raise ValueError(f"not a built-in role of data/pingone-roles.yaml: {unknown[0]!r}")


@check_function("builtin-role", RoleNamesOptions, unknown_members=True)
def builtin_role_named(value: Any, options: RoleNamesOptions, context: Context) -> Iterator[Problem]:
    """A role assignment must not be of one of the built-in `roles` (matched by the role's name
    in the environment, loosely). Reported at `role.id`."""
    from p1lint.roles.assignments import assignment

    wanted = assignment(value)
    facts = role_context(context).role(wanted.role) if wanted is not None else None
    named = {found.name for found in map(builtin_role, options.roles) if found is not None}
    if facts is not None and facts.builtin is not None and facts.builtin.name in named:
        yield Problem(facts.shown, ("role", "id"))


@check_function("repeated-role-assignment", NoOptions, unknown_members=True)
def repeated_role_assignment(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """No role assignment of the list may repeat another's role at an equal scope (the later is
    reported) or at a scope the other certainly contains (the narrower is reported)."""
    from p1lint.roles.assignments import assignment_list
    from p1lint.roles.decisions import repeated, undecided_repeats

    roles, assignments = role_context(context), assignment_list(value)
    for index, other_index, other in repeated(assignments, roles):
        name, where = roles.role_name(other.role), roles.shown(other.scope)
        yield Problem(f"{name}, already held at {where} through entry {other_index}", (index,))
    for index in undecided_repeats(assignments, roles):
        yield not_judged((index, "scope", "id"))
