"""A Terraform configuration says only part of its environment: the objects it declares. An
application may refer to others by a literal id (a policy created by hand, PingOne's defaults)
or through a block p1lint does not translate. Such an id is not unknown to PingOne, so it must
not be reported as unknown: it joins its collection as an object of which only the id is known
(no name, no type: nothing else is judged of it). Only a reference to an object that no block of
the configuration declares (`pingone_sign_on_policy.missing.id`) stays unknown — Terraform
itself rejects it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from p1lint.environment.inventory import Entry, Environment
from p1lint.pointer import Pointer

ANY = "*"
# where an application refers to an object of a collection; `*` is every entry of a list
REFERENCES: tuple[tuple[Pointer, str], ...] = (
    (("grants", ANY, "resource", "id"), "resources"),
    (("grants", ANY, "scopes", ANY, "id"), "scopes"),
    (("attributeMappings", ANY, "oidcScopes", ANY), "scopes"),
    (("signOnPolicyAssignments", ANY, "signOnPolicy", "id"), "signOnPolicies"),
    (("flowPolicyAssignments", ANY, "flowPolicy", "id"), "flowPolicies"),
    (("roleAssignments", ANY, "role", "id"), "roles"),
    (("accessControl", "group", "groups", ANY, "id"), "groups"),
)  # fmt: skip
_ADDRESS = re.compile(r"(?:data\.)?[a-z][a-z0-9_]{0,99}\.[A-Za-z_][\w-]{0,199}")


def add_placeholders(environment: Environment, declared: set[str]) -> None:
    """Add an id-only object for each id the applications refer to that is a literal or the
    address of a declared block, when its collection is part of the environment."""
    known = {name: {_id(e.data) for e in entries} for name, entries in environment.lists.items()}
    for target in environment.applications:
        for path, collection in REFERENCES:
            for pointer, value in matches(target.application, path):
                ids = known.get(collection)
                if ids is None or not isinstance(value, str) or value in ids or _undeclared(value, declared):
                    continue
                ids.add(value)
                environment.lists[collection].append(Entry({"id": value}, target.locate(pointer)))


def _undeclared(value: str, declared: set[str]) -> bool:
    return _ADDRESS.fullmatch(value) is not None and value not in declared


def _id(data: Any) -> Any:
    return data.get("id") if isinstance(data, dict) else None


def matches(value: Any, path: Pointer, prefix: Pointer = ()) -> Iterator[tuple[Pointer, Any]]:
    """The values at `path` below `value` (`*` matching every index of a list), with their pointers."""
    if not path:
        yield prefix, value
        return
    key, rest = path[0], path[1:]
    if key == ANY and isinstance(value, list):
        for index, item in enumerate(value):
            yield from matches(item, rest, (*prefix, index))
    elif isinstance(value, dict) and key in value:
        yield from matches(value[key], rest, (*prefix, key))
