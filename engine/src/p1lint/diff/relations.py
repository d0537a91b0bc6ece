"""The changes of an application's related objects: role assignments added or widened (a role
held at a broader scope than before), policy assignments removed or reordered."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from p1lint.diff.changes import Found
from p1lint.roles.assignments import Assignment, assignment_list, reference
from p1lint.roles.scopes import APPLICATION, ENVIRONMENT, ORGANIZATION, POPULATION

Namer = Callable[[str, str], str]  # (collection, id) -> what a reader calls the object
# how much a scope type covers: the organization its environments, an environment its
# populations and applications
BREADTH = {APPLICATION: 0, POPULATION: 1, ENVIRONMENT: 2, ORGANIZATION: 3}
POLICY_FIELDS = (("signOnPolicyAssignments", "signOnPolicy", "signOnPolicies"),
                 ("flowPolicyAssignments", "flowPolicy", "flowPolicies"))


def _get(application: Any, field: str) -> Any:
    return application.get(field) if isinstance(application, dict) else None


def role_changes(old: Any, new: Any, name: Namer) -> Iterator[Found]:
    """Each role assignment of `new` that `old` lacks: widened when `old` held the role only at
    narrower scope types, else added."""
    before = [held for _, held in assignment_list(_get(old, "roleAssignments"))]
    for index, now in assignment_list(_get(new, "roleAssignments")):
        same_role = [held for held in before if held.role == now.role]
        if not now.scope.known or any(held.scope == now.scope for held in same_role):
            continue
        widest = max((BREADTH.get(held.scope.type, -1) for held in same_role), default=None)
        widened = widest is not None and BREADTH.get(now.scope.type, -1) > widest
        kind = "role-assignment-widened" if widened else "role-assignment-added"
        yield Found(kind, "roleAssignments", _assignment(now, name), ("roleAssignments", index))


def _assignment(held: Assignment, name: Namer) -> str:
    scope = held.scope.id if isinstance(held.scope.id, str) else ""
    return f"{name('roles', held.role)} at {held.scope.type} {name(_scope_collection(held), scope)}".rstrip()


def _scope_collection(held: Assignment) -> str:
    return {ENVIRONMENT: "environment", POPULATION: "populations", APPLICATION: "applications"}.get(
        held.scope.type, "")


def policy_changes(old: Any, new: Any, name: Namer) -> Iterator[Found]:
    """Policy assignments of `old` that `new` lacks, and the remaining ones in another order."""
    for field, member, collection in POLICY_FIELDS:
        before, after = _by_priority(_get(old, field), member), _by_priority(_get(new, field), member)
        kept = {policy for policy, _ in after}
        for policy, index in before:
            if policy not in kept:
                yield Found("policy-assignment-removed", field, name(collection, policy), (field, index),
                            in_old=True)
        common = [policy for policy, _ in before if policy in kept]
        now = [policy for policy, _ in after if policy in set(common)]
        if common != now:
            detail = f"{_names(common, collection, name)} -> {_names(now, collection, name)}"
            yield Found("policy-assignments-reordered", field, detail, (field,))


def _names(policies: list[str], collection: str, name: Namer) -> str:
    return ", ".join(name(collection, policy) for policy in policies)


def _by_priority(value: Any, member: str) -> list[tuple[str, int]]:
    """The policy ids of a list of assignments, first applied first, each with its index; an
    assignment without a known policy id or an integer priority is left out."""
    found = []
    for index, item in enumerate(value if isinstance(value, list) else []):
        policy = reference(_get(item, member))
        priority = _get(item, "priority")
        if policy is not None and isinstance(priority, int) and not isinstance(priority, bool):
            found.append((priority, index, policy))
    return [(policy, index) for _, index, policy in sorted(found)]
