"""Terraform configurations as environments: `.tf.json` files, one unit per directory, one
environment per environment_id, and findings in the file and attribute where a value is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from p1lint.documents.sources import parse_bytes
from p1lint.documents.tfjsonformat import TERRAFORM_JSON, template
from p1lint.terraform.values import Unknown
from tests.support import lint

PROD, TEST = "${pingone_environment.prod.id}", "${var.test_environment_id}"


def app(environment: str, **options: Any) -> dict[str, Any]:
    oidc = {"type": "WEB_APP", "grant_types": ["AUTHORIZATION_CODE"], "response_types": ["CODE"],
            "token_endpoint_auth_method": "CLIENT_SECRET_BASIC", "pkce_enforcement": "S256_REQUIRED",
            "redirect_uris": ["https://app.example.com/cb"], **options}
    return {"environment_id": environment, "name": "Portal", "enabled": True, "oidc_options": oidc}


def write(directory: Path, name: str, structure: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(json.dumps(structure, indent=2), encoding="utf-8")
    return path


def found(result: Any) -> set[tuple[str, str, str]]:
    return {(f.rule, Path(f.file).name, f.path) for f in result.findings}


TEMPLATES = [
    ("https://app.example.com", "https://app.example.com"),
    ("$${user.email}", "${user.email}"),
    ("%%{ if x }", "%{ if x }"),
    ("${pingone_application.portal.id}", Unknown("${pingone_application.portal.id}", ("pingone_application.portal.id",))),
    ("https://${var.domain}/cb", Unknown("https://${var.domain}/cb", ("var.domain",))),
    ('${format("%s", local.name)}', Unknown('${format("%s", local.name)}', ("local.name",))),
    ("%{ for u in var.uris }${u}%{ endfor }", Unknown("%{ for u in var.uris }${u}%{ endfor }", ("var.uris",))),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TEMPLATES)
def test_templates(text: str, expected: Any) -> None:
    assert template(text) == expected


def test_tf_json_is_its_own_format_and_variables_stay_literal() -> None:
    text = json.dumps({"variable": {"d": {"default": "${x}"}}, "locals": {"u": "${var.d}"}})
    document = parse_bytes("main.tf.json", text.encode())
    assert document.format is TERRAFORM_JSON  # type: ignore[union-attr]
    assert document.data == {"variable": {"d": {"default": "${x}"}},  # type: ignore[union-attr]
                             "locals": {"u": Unknown("${var.d}", ("var.d",))}}


def test_findings_point_into_the_tf_json_attribute(tmp_path: Path) -> None:
    infra = tmp_path / "infra"
    write(infra, "main.tf.json", {"resource": {"pingone_application": {"portal": app(
        PROD, redirect_uris=["http://app.example.com/cb"], grant_types=["AUTHORIZATION_CODE", "IMPLICIT"])}}})
    result = lint(infra)
    assert not result.errors
    prefix = "/resource/pingone_application/portal/oidc_options"
    assert {("P1L103", "main.tf.json", f"{prefix}/redirect_uris/0"),
            ("P1L202", "main.tf.json", f"{prefix}/grant_types/1")} <= found(result)


def test_one_file_brings_in_its_directory(tmp_path: Path) -> None:
    infra = tmp_path / "infra"
    main = write(infra, "main.tf.json", {"resource": {"pingone_application": {"portal": app(PROD)}}})
    write(infra, "policies.tf.json", {"resource": {
        "pingone_application_sign_on_policy_assignment": {"mfa": {
            "environment_id": PROD, "application_id": "${pingone_application.portal.id}",
            "sign_on_policy_id": "${pingone_sign_on_policy.missing.id}", "priority": 1}},
        "pingone_sign_on_policy": {"mfa": {"environment_id": PROD, "name": "MFA"}}}})
    result = lint(main)
    assert ("P1L744", "policies.tf.json",
            "/resource/pingone_application_sign_on_policy_assignment/mfa/sign_on_policy_id") in found(result)
    assert result.files == 2


def test_two_environment_ids_are_two_environments(tmp_path: Path) -> None:
    from p1lint.documents.sources import read_source
    from p1lint.tfconfig.environments import terraform_environments

    infra = tmp_path / "infra"
    write(infra, "prod.tf.json", {"resource": {"pingone_application": {"portal": app(PROD)}}})
    write(infra, "test.tf.json", {"resource": {"pingone_application": {"portal_test": app(TEST)}},
                                  "data": {"pingone_role": {"admin": {"name": "Environment Admin"}}}})
    documents = [read_source(str(infra / n)) for n in ("prod.tf.json", "test.tf.json")]
    environments = terraform_environments(str(infra), documents)  # type: ignore[arg-type]
    ids = [e.object("environment")["id"] for e in environments]
    assert ids == ["pingone_environment.prod", Unknown("${var.test_environment_id}", ("var.test_environment_id",))]
    assert [[t.application["id"] for t in e.applications] for e in environments] == [
        ["pingone_application.portal"], ["pingone_application.portal_test"]]
    assert all(e.get("roles", "data.pingone_role.admin") == {"id": "data.pingone_role.admin",
                                                             "name": "Environment Admin"} for e in environments)


def test_application_names_are_unique_per_environment_not_per_directory(tmp_path: Path) -> None:
    infra = tmp_path / "infra"
    write(infra, "main.tf.json", {"resource": {"pingone_application": {
        "a": app(PROD), "b": app(PROD), "c": app(TEST)}}})
    hits = {path for rule, _, path in found(lint(infra)) if rule == "P1L700"}
    assert {"/resource/pingone_application/b/name"} <= hits
    assert not any("/c/" in path for path in hits)


def test_a_directory_without_pingone_resources_is_no_environment(tmp_path: Path) -> None:
    write(tmp_path / "aws", "main.tf.json", {"resource": {"aws_s3_bucket": {"b": {"bucket": "x"}}}})
    result = lint(tmp_path / "aws")
    assert (result.findings, result.errors, result.files) == ([], [], 1)


def test_the_actor_file_bounds_role_assignments(tmp_path: Path) -> None:
    worker = {"environment_id": PROD, "name": "Automation", "enabled": True,
              "oidc_options": {"type": "WORKER", "grant_types": ["CLIENT_CREDENTIALS"],
                               "token_endpoint_auth_method": "CLIENT_SECRET_BASIC"}}
    assignment = {"environment_id": PROD, "application_id": "${pingone_application.worker.id}",
                  "role_id": "${data.pingone_role.identity_admin.id}", "scope_environment_id": PROD}
    write(tmp_path / "infra", "main.tf.json", {
        "resource": {"pingone_application": {"worker": worker},
                     "pingone_application_role_assignment": {"identity": assignment}},
        "data": {"pingone_role": {"identity_admin": {"name": "Identity Data Admin"},
                                  "configuration_read_only": {"name": "Configuration Read Only"}}}})
    actor = {"type": "USER", "id": "u1", "roleAssignments": [
        {"role": {"id": "data.pingone_role.configuration_read_only"},
         "scope": {"id": "pingone_environment.prod", "type": "ENVIRONMENT"}}]}
    (tmp_path / "actor.json").write_text(json.dumps(actor), encoding="utf-8")
    from p1lint.engine import lint_paths
    from p1lint.selection import active_rules
    from tests.support import catalogue

    rules = active_rules(catalogue(), "recommended")
    with_actor = found(lint_paths([str(tmp_path / "infra")], rules, actor=str(tmp_path / "actor.json")))
    pointer = "/resource/pingone_application_role_assignment/identity"
    assert {f for f in with_actor if f[0] == "P1L734"} == {("P1L734", "main.tf.json", f"{pointer}/role_id")}
    assert not {f for f in found(lint(tmp_path / "infra")) if f[0] == "P1L734"}


def _worker_with_role(directory: Path, scope: str, held_role: str) -> tuple[Path, Path]:
    """A worker assigned Identity Data Admin at ENVIRONMENT `scope`, and an actor file holding
    `held_role` at the environment `pingone_environment.prod`."""
    worker = {"environment_id": PROD, "name": "Automation", "enabled": True,
              "oidc_options": {"type": "WORKER", "grant_types": ["CLIENT_CREDENTIALS"],
                               "token_endpoint_auth_method": "CLIENT_SECRET_BASIC"}}
    write(directory / "infra", "main.tf.json", {
        "variable": {"env_id": {"type": "string"}},
        "resource": {"pingone_application": {"worker": worker},
                     "pingone_application_role_assignment": {"identity": {
                         "environment_id": PROD, "application_id": "${pingone_application.worker.id}",
                         "role_id": "${data.pingone_role.identity_admin.id}", "scope_environment_id": scope}}},
        "data": {"pingone_role": {"identity_admin": {"name": "Identity Data Admin"},
                                  "configuration_read_only": {"name": "Configuration Read Only"}}}})
    actor = {"type": "USER", "id": "u1", "roleAssignments": [
        {"role": {"id": f"data.pingone_role.{held_role}"},
         "scope": {"id": "pingone_environment.prod", "type": "ENVIRONMENT"}}]}
    write(directory, "actor.json", actor)
    return directory / "infra", directory / "actor.json"


ASSIGNED = "/resource/pingone_application_role_assignment/identity"


def lint_with_actor(infra: Path, actor: Path, **settings: Any) -> Any:
    from p1lint.engine import lint_paths
    from p1lint.run_settings import RunSettings
    from p1lint.selection import active_rules
    from tests.support import catalogue

    return lint_paths([str(infra)], active_rules(catalogue(), "recommended"), RunSettings(**settings),
                      actor=str(actor))


def test_an_unknown_scope_id_is_assignable_when_the_actor_holds_the_role(tmp_path: Path) -> None:
    """The actor holds the role at one environment: whether that is the assignment's (a variable)
    is not known, so P1L734 does not judge it, and says so under --strict-unknowns."""
    infra, actor = _worker_with_role(tmp_path, "${var.env_id}", "identity_admin")
    assert not {f for f in found(lint_with_actor(infra, actor)) if f[0] == "P1L734"}
    strict = lint_with_actor(infra, actor, strict_unknowns=True)
    noted = [f for f in strict.findings if f.rule == "P1L020" and "P1L734" in f.message]
    assert [(f.path, f.message.split(":")[0]) for f in noted] == [
        (f"{ASSIGNED}/scope_environment_id", "scope_environment_id is var.env_id")]


def test_an_unknown_scope_id_is_not_assignable_without_the_role_anywhere(tmp_path: Path) -> None:
    """No role the actor holds may assign Identity Data Admin at any scope: the id does not matter."""
    infra, actor = _worker_with_role(tmp_path, "${var.env_id}", "configuration_read_only")
    assert {f for f in found(lint_with_actor(infra, actor)) if f[0] == "P1L734"} == {
        ("P1L734", "main.tf.json", f"{ASSIGNED}/role_id")}


def test_two_assignments_of_unknown_scopes_are_not_judged_repeats(tmp_path: Path) -> None:
    worker = {"environment_id": PROD, "name": "Automation", "enabled": True,
              "oidc_options": {"type": "WORKER", "grant_types": ["CLIENT_CREDENTIALS"],
                               "token_endpoint_auth_method": "CLIENT_SECRET_BASIC"}}
    one = {"environment_id": PROD, "application_id": "${pingone_application.worker.id}",
           "role_id": "${data.pingone_role.identity_admin.id}"}
    write(tmp_path, "main.tf.json", {
        "variable": {"a": {"type": "string"}, "b": {"type": "string"}},
        "resource": {"pingone_application": {"worker": worker},
                     "pingone_application_role_assignment": {
                         "first": {**one, "scope_environment_id": "${var.a}"},
                         "second": {**one, "scope_environment_id": "${var.b}"}}},
        "data": {"pingone_role": {"identity_admin": {"name": "Identity Data Admin"}}}})
    assert not [f for f in lint(tmp_path).findings if f.rule == "P1L738"]
    strict = lint(tmp_path, strict_unknowns=True)
    noted = {f.path for f in strict.findings if f.rule == "P1L020" and "P1L738" in f.message}
    pointer = "/resource/pingone_application_role_assignment"
    assert noted == {f"{pointer}/first/scope_environment_id", f"{pointer}/second/scope_environment_id"}


def assignment(policy: str) -> dict[str, Any]:
    return {"environment_id": PROD, "application_id": "${pingone_application.portal.id}",
            "sign_on_policy_id": policy, "priority": 1}


@pytest.mark.parametrize(("policy", "reported"), [
    ("${pingone_sign_on_policy.undeclared.id}", True),  # Terraform rejects it too
    ("${pingone_sign_on_policy.mfa.id}", False),
    ("1f9c2c47-58a5-4a8f-9d87-3f1b6a2e0c11", False),  # created outside the configuration
    ("${var.policy_id}", False),  # unknown
    ("${pingone_sign_on_policy_of_another_kind.x.id}", False),  # declared, of a type not translated
])  # fmt: skip
def test_only_references_to_undeclared_objects_are_unknown_ids(tmp_path: Path, policy: str, reported: bool) -> None:
    write(tmp_path / "infra", "main.tf.json", {"resource": {
        "pingone_application": {"portal": app(PROD)},
        "pingone_sign_on_policy": {"mfa": {"environment_id": PROD, "name": "MFA"}},
        "pingone_sign_on_policy_of_another_kind": {"x": {"environment_id": PROD}},
        "pingone_application_sign_on_policy_assignment": {"a": assignment(policy)}}})
    rules = {rule for rule, _, _ in found(lint(tmp_path / "infra"))}
    assert ("P1L744" in rules) is reported
