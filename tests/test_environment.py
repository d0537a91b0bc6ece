"""The environment inventory: snapshots (one document or a directory), lookups by id, pointers
back to the file that holds each object, and rules that need context the input lacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from p1lint.engine import lint_paths
from p1lint.rules.loader import load_rules
from p1lint.selection import ActiveRule
from tests.support import lint

WEB = {"protocol": "OPENID_CONNECT", "type": "WEB_APP", "grantTypes": ["AUTHORIZATION_CODE"],
       "responseTypes": ["CODE"], "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC",
       "pkceEnforcement": "S256_REQUIRED", "redirectUris": ["https://app.example.com/callback"]}

RULE = """\
id: ACME999
name: needs-an-actor
title: Test rule that needs the actor
severity: warning
description: d
rationale: r
references: [{{title: t, url: "https://example.com"}}]
scope: {scope}
requires: [actor]
given: {given}
then: {{function: falsy}}
examples: {{bad: {{}}, good: {{}}}}
"""


def _rules(tmp_path: Path, scope: str = "application", given: str = "$.name") -> list[ActiveRule]:
    directory = tmp_path / "rules"
    directory.mkdir()
    (directory / "rule.yaml").write_text(RULE.format(scope=scope, given=given))
    return [ActiveRule(rule, "warning") for rule in load_rules([directory])]


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2))
    return path


def test_a_rule_that_needs_absent_context_does_not_apply(tmp_path):
    app = _write(tmp_path / "in" / "app.json", {**WEB, "name": "Portal"})
    result = lint_paths([str(app)], _rules(tmp_path))
    assert (result.findings, result.errors, result.not_checked) == ([], [], {})


def test_a_snapshot_without_the_context_says_which_rules_it_could_not_run(tmp_path):
    snapshot = _write(tmp_path / "in" / "snapshot.json", {"roles": [], "applications": [{**WEB, "name": "x"}]})
    result = lint_paths([str(snapshot)], _rules(tmp_path))
    assert result.findings == [] and result.not_checked == {"ACME999": "actor"}


def test_an_application_rule_sees_the_environment_and_points_into_the_snapshot(tmp_path):
    snapshot = _write(tmp_path / "in" / "snapshot.json",
                      {"actor": {"type": "USER", "id": "u1"}, "applications": [{**WEB, "name": "x"}]})
    result = lint_paths([str(snapshot)], _rules(tmp_path))
    line = snapshot.read_text().splitlines().index('      "name": "x"') + 1
    assert [(f.file, f.path, f.line) for f in result.findings] == [(str(snapshot), "/applications/0/name", line)]


def test_collections_may_be_list_responses(tmp_path):
    snapshot = _write(tmp_path / "in" / "snapshot.json", {
        "actor": {"type": "USER", "id": "u1"},
        "applications": {"_embedded": {"applications": [{**WEB, "name": "x"}]}},
    })
    result = lint_paths([str(snapshot)], _rules(tmp_path))
    assert [f.path for f in result.findings] == ["/applications/_embedded/applications/0/name"]


def test_environment_rules_point_at_the_object_in_its_file(tmp_path):
    snapshot = _write(tmp_path / "in" / "snapshot.json", {
        "actor": {"type": "USER", "id": "u1", "name": "Ada"},
        "applications": {"_embedded": {"applications": [{**WEB, "name": "x"}]}},
    })
    result = lint_paths([str(snapshot)], _rules(tmp_path, "environment", "$.actor.name"))
    assert [f.path for f in result.findings] == ["/actor/name"]


def test_the_directory_form_is_one_environment(tmp_path):
    root = tmp_path / "snap"
    _write(root / "applications.json", {"_embedded": {"applications": [{**WEB, "id": "a1", "name": "x"}]}})
    _write(root / "actor.json", {"type": "APPLICATION", "id": "w1"})
    _write(root / "applications" / "a1" / "roleAssignments.json",
           {"_embedded": {"roleAssignments": [{"id": "r1", "role": {"id": "x"}, "scope": {"id": "e", "type": "ENVIRONMENT"}}]}})
    result = lint_paths([str(root)], _rules(tmp_path, given="$.roleAssignments[*].id"))
    assert [(f.file, f.path) for f in result.findings] == [
        (str(root / "applications" / "a1" / "roleAssignments.json"), "/_embedded/roleAssignments/0/id")]
    assert (result.files, result.errors) == (3, [])


def test_a_file_of_a_snapshot_directory_named_alone_brings_in_the_snapshot(tmp_path):
    root = tmp_path / "snap"
    _write(root / "applications.json", [{**WEB, "id": "a1", "name": "x"}])
    roles = _write(root / "roles.json", {"_embedded": {"roles": []}})
    _write(root / "actor.json", {"type": "USER", "id": "u1"})
    result = lint_paths([str(roles)], _rules(tmp_path))
    assert [(f.file, f.path) for f in result.findings] == [(str(root / "applications.json"), "/0/name")]
    assert result.files == 3


def test_sub_collections_of_an_unknown_application_are_an_input_error(tmp_path):
    root = tmp_path / "snap"
    _write(root / "applications.json", [{**WEB, "id": "a1", "name": "x"}])
    _write(root / "roles.json", [])
    grants = _write(root / "applications" / "zz" / "grants.json", [])
    result = lint(root)
    assert [(e.file, e.line) for e in result.errors] == [(str(grants), 1)]
    assert "no application with id 'zz'" in result.errors[0].message


@pytest.mark.parametrize(("snapshot", "pointer_line", "message"), [
    ({"roles": "all", "applications": []}, 2, "roles: expected a list or the API's list response"),
    ({"roles": [1], "applications": []}, 3, "roles[0]: expected an object in roles"),
    ({"actor": [], "applications": []}, 2, "actor: expected an object in actor"),
    ({"rols": [], "applications": []}, 2, "unknown snapshot member 'rols'; did you mean 'roles'?"),
])
def test_malformed_collections_are_input_errors_and_the_rest_is_checked(tmp_path, snapshot, pointer_line, message):
    path = _write(tmp_path / "snapshot.json", {**snapshot, "applications": [{**WEB, "name": "x", "implicit": 1}]})
    result = lint(path)
    assert [(e.line, e.message) for e in result.errors] == [(pointer_line, message)]
    assert any(f.rule for f in result.findings)  # the applications were still checked


def test_lookups_by_id_and_scopes_of_resources(tmp_path):
    from p1lint.documents.sources import read_source
    from p1lint.environment.snapshot import snapshot_environment

    path = _write(tmp_path / "snapshot.json", {
        "applications": [{**WEB, "id": "a1"}],
        "resources": [{"id": "res", "name": "openid", "scopes": [{"id": "s1", "name": "offline_access"}]},
                      {"id": "api", "name": "API", "_embedded": {"scopes": [{"id": "s2", "name": "read"}]}}],
        "scopes": [{"id": "s3", "name": "write", "resource": {"id": "api"}}],
        "schema": {"_embedded": {"attributes": [{"name": "email", "enabled": True}]}},
    })
    environment = snapshot_environment(read_source(str(path)))
    assert environment.get("applications", "a1")["type"] == "WEB_APP"
    assert environment.get("scopes", "s2")["name"] == "read"
    assert environment.scope_resources == {"s1": "res", "s2": "api", "s3": "api"}
    assert environment.get("roles", "nope") is None and environment.get("scopes", 3) is None
    assert environment.user_attributes() == {"email": {"name": "email", "enabled": True}}
    assert environment.locate(("scopes", 1, "name")).pointer == ("resources", 1, "_embedded", "scopes", 0, "name")
    assert environment.has("userSchema") and not environment.has("actor")


def test_the_summary_names_the_missing_context_once(tmp_path):
    from click.testing import CliRunner

    from p1lint.cli import cli

    snapshot = _write(tmp_path / "snapshot.json", {"roles": [], "applications": [{
        **WEB, "name": "w", "roleAssignments": [{"role": {"id": "r"}, "scope": {"id": "e", "type": "ENVIRONMENT"}}]}]})
    result = CliRunner().invoke(cli, ["check", "--no-config", "--select", "P1L734,P1L755", str(snapshot)])
    lines = [line for line in result.stderr.splitlines() if "not checked" in line]
    assert lines == ["p1lint: not checked, for lack of context in the snapshot: actor (P1L734)"]
