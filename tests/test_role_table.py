"""The built-in role table the role checks use (p1lint.roles.builtin) is data/pingone-roles.yaml,
compiled; and role names match loosely, as the data file says."""

from __future__ import annotations

import pytest
import yaml

from p1lint.roles.builtin import BUILTIN_ROLES, BuiltinRole
from p1lint.roles.names import builtin_role, loose
from p1lint.roles.scopes import SCOPE_TYPES
from tests.support import ROOT, rule_by_name

DATA = yaml.safe_load((ROOT / "data" / "pingone-roles.yaml").read_text(encoding="utf-8"))


def compiled(entry: dict) -> BuiltinRole:
    applicable = entry["applicableTo"]
    return BuiltinRole(
        entry["name"], tuple(entry.get("aliases") or ()),
        tuple(t for t in DATA["scopeTypes"] if applicable.get(t) is True),
        tuple(t for t in DATA["scopeTypes"] if applicable.get(t) is False),
        entry.get("readOnlyOf"), bool(entry.get("davinci")),
    )


def test_the_table_is_the_data_file():
    expected = tuple(compiled(entry) for entry in DATA["roles"])
    shown = "\n".join(f"    {role!r}," for role in expected)
    assert expected == BUILTIN_ROLES, f"paste into p1lint/roles/builtin.py:\n{shown}"


def test_the_scope_types_are_the_data_files():
    assert tuple(DATA["scopeTypes"]) == SCOPE_TYPES


def test_the_davinci_rule_names_the_davinci_roles():
    davinci = [entry["name"] for entry in DATA["roles"] if entry.get("davinci")]
    assert rule_by_name("davinci-role-on-worker").options.roles == davinci  # type: ignore[attr-defined]


@pytest.mark.parametrize(("written", "name"), [
    ("Environment Admin", "Environment Admin"),
    ("environment admin", "Environment Admin"),
    ("  Environment   ADMIN ", "Environment Admin"),
    ("Environment-Admin", "Environment Admin"),
    ("environment_admin", "Environment Admin"),
    ("Identity Data Read-Only Admin", "Identity Data Read Only"),
    ("identity data read only", "Identity Data Read Only"),
    ("Custom Role Admin", "Custom Roles Admin"),
    ("DaVinci Read-Only Admin", "DaVinci Admin Read Only"),
    ("Org Admin", "Organization Admin"),
])
def test_names_match_loosely(written, name):
    found = builtin_role(written)
    assert found is not None and found.name == name


@pytest.mark.parametrize("written", ["Environment Admins", "Admin", "", None, 7, ["Environment Admin"]])
def test_other_names_match_nothing(written):
    assert builtin_role(written) is None


def test_no_two_roles_share_a_spelling():
    owners: dict[str, set[str]] = {}
    for role in BUILTIN_ROLES:
        for spelling in (role.name, *role.aliases):
            owners.setdefault(loose(spelling), set()).add(role.name)
    assert [s for s, names in owners.items() if len(names) > 1] == []
