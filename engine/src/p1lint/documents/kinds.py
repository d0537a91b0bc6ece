"""Which documents are PingOne documents, and where their applications are.

A PingOne document is one of the kinds below, tried in order; each kind is one entry of `KINDS`,
so a new export format (the environment snapshot) is one more entry:
- a Terraform plan (`terraform show -json plan.out`), recognised by its content whatever its name:
  a mapping with a `format_version` and `planned_values` or `resource_changes` (Terraform's state
  has `values` instead); its applications are read by `p1lint.tfplan`;
- the API's list response, `{"_embedded": {"applications": [...]}, ...}`;
- an environment snapshot, a mapping with an `applications` list or list response (its other
  members, `roles`, `actor`, `environment`, ..., are read by `p1lint.environment.snapshot`);
- an array whose entries include an application object (or an empty array);
- an application object: a mapping with a PingOne `protocol` or application `type`, or with a
  property only PingOne applications have (`grantTypes`, `redirectUris`, `attributeMappings`, ...).
Generic names (`name`, `description`, `enabled`, `type`, `id`, `tags`, ...) alone do not make an
application: `package.json`, workflow files, `tsconfig.json` and tool configurations have them too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any, NamedTuple, get_args

from p1lint.models.enums import ApplicationType, Protocol
from p1lint.pointer import Pointer

Entries = list[tuple[Pointer, Any]]

GENERIC_KEYS = frozenset({
    "id", "name", "description", "enabled", "type", "protocol", "environment", "_links", "_embedded",
    "createdAt", "updatedAt", "icon", "tags", "template", "scopes", "secret", "grants", "signing",
    "kerberos", "mobile",
})  # fmt: skip


@cache
def application_keys() -> frozenset[str]:
    """Properties only an application has: the model's, less the generic ones."""
    from p1lint.models.validation import application_property_names

    return application_property_names() - GENERIC_KEYS


def is_application(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    if data.get("protocol") in get_args(Protocol) or data.get("type") in get_args(ApplicationType):
        return True
    return not application_keys().isdisjoint(key for key in data if isinstance(key, str))


class Kind(NamedTuple):
    name: str
    matches: Callable[[Any], bool]
    entries: Callable[[Any], Entries]


def _listed(data: Any, *path: str) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, list) else None


def _entries(data: Any, *path: str) -> Entries:
    return [((*path, index), item) for index, item in enumerate(_listed(data, *path) or [])]


def _snapshot_applications(data: Any) -> tuple[str, ...] | None:
    """The path of a snapshot's application list (a plain list or the API's list response)."""
    if _listed(data, "applications") is not None:
        return ("applications",)
    if _listed(data, "applications", "_embedded", "applications") is not None:
        return ("applications", "_embedded", "applications")
    return None


def _is_array(data: Any) -> bool:
    return isinstance(data, list) and (not data or any(map(is_application, data)))


def is_terraform_plan(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("format_version"), str) and (
        "planned_values" in data or "resource_changes" in data)


TERRAFORM_PLAN = Kind("Terraform plan", is_terraform_plan, lambda d: [])
ARRAY = Kind("array of applications", _is_array, lambda d: [((index,), item) for index, item in enumerate(d)])
APPLICATION = Kind("application", is_application, lambda d: [((), d)])
KINDS: tuple[Kind, ...] = (
    TERRAFORM_PLAN,
    Kind("list response", lambda d: _listed(d, "_embedded", "applications") is not None,
         lambda d: _entries(d, "_embedded", "applications")),
    Kind("environment snapshot", lambda d: _snapshot_applications(d) is not None,
         lambda d: _entries(d, *_snapshot_applications(d) or ())),
    ARRAY,
    APPLICATION,
)  # fmt: skip


def kind_of(data: Any) -> Kind | None:
    """The kind of a parsed document; None when it is not a PingOne document."""
    return next((kind for kind in KINDS if kind.matches(data)), None)


def not_a_pingone_document(data: Any) -> str:
    """Why `data` is not a PingOne document, in the user's terms."""
    expected = ("p1lint reads an application object, an array of them, the API's list response or an "
                "environment snapshot")
    if isinstance(data, dict):
        members = _embedded_lists(data)
        if members:
            return f"a PingOne list of {', '.join(members)}, not of applications; {expected}"
        found = ", ".join(_quoted(key) for key in list(data)[:4]) or "no keys"
        return f"not a PingOne document: no application settings in it (found {found}); {expected}"
    return f"not a PingOne document: found {_json_type(data)}; {expected}"


def _embedded_lists(data: dict[Any, Any]) -> list[str]:
    embedded = data.get("_embedded")
    if not isinstance(embedded, dict):
        return []
    return [_quoted(key) for key, value in embedded.items() if isinstance(value, list)]


def _quoted(key: Any) -> str:
    return json.dumps(str(key)[:30], ensure_ascii=True)


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "an array with no application in it"
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string", type(None): "null"}
    return names.get(type(value), "a value")
