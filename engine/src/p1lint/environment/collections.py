"""The collections of an environment snapshot, in one place.

Each collection is a member of a one-document snapshot and, in the directory form, a file
(`roles.json`, `signOnPolicies.yaml`, ...). A list collection may be written as a plain list or as
the API's list response (`{"_embedded": {"roles": [...]}}`); an object collection is one object.
Per-application collections are the application's related objects (`GET
/environments/{envId}/applications/{appId}/grants`, ...), embedded in the application or, in the
directory form, in `applications/<appId>/<name>.json`."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

Shape = Literal["list", "object"]


class Collection(NamedTuple):
    name: str  # the snapshot member and the directory form's file name
    shape: Shape
    embedded: str  # the member of the API's list response `_embedded` that holds the entries


COLLECTIONS: tuple[Collection, ...] = (
    Collection("environment", "object", ""),
    Collection("actor", "object", ""),
    Collection("roles", "list", "roles"),
    Collection("applications", "list", "applications"),
    Collection("resources", "list", "resources"),
    Collection("scopes", "list", "scopes"),
    Collection("signOnPolicies", "list", "signOnPolicies"),
    Collection("flowPolicies", "list", "flowPolicies"),
    Collection("groups", "list", "groups"),
    Collection("populations", "list", "populations"),
    Collection("schema", "object", ""),
    Collection("authorizationRequests", "list", "authorizationRequests"),
    Collection("pulled", "object", ""),  # written by `p1lint pull`: when, from where, what it lacks
)  # fmt: skip
BY_NAME = {collection.name: collection for collection in COLLECTIONS}
# what `requires` in a rule file may name: the collections, and facts derived from them
CONTEXT_NAMES = frozenset({*BY_NAME, "userSchema"})

# per-application collections: file name in `applications/<appId>/` -> the field rules read
APPLICATION_FILES = {
    "grants": "grants",
    "signOnPolicyAssignments": "signOnPolicyAssignments",
    "flowPolicyAssignments": "flowPolicyAssignments",
    "attributes": "attributeMappings",
    "attributeMappings": "attributeMappings",
    "roleAssignments": "roleAssignments",
    "secret": "secret",
}


def list_entries(value: Any, embedded: str) -> tuple[list[Any], tuple[str, ...]] | None:
    """The entries of a list collection and the pointer of their list inside `value` (`()` for a
    plain list, `("_embedded", name)` for a list response); None when `value` is neither."""
    if isinstance(value, list):
        return value, ()
    inner = value.get("_embedded") if isinstance(value, dict) else None
    entries = inner.get(embedded) if isinstance(inner, dict) else None
    if isinstance(entries, list):
        return entries, ("_embedded", embedded)
    return None
