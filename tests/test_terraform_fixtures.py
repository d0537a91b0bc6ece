"""The Terraform fixtures (fixtures/terraform/good|bad/<name>/, one module each) lint like their API JSON
equivalents (fixtures/terraform/equivalents/good|bad/<name>/, what the Management API returns for the
objects each module manages or reads): the same rules, at the same model pointers of the same
applications and environment entries, with every finding located in a `.tf` file.

The equivalents hold concrete values where a configuration has variables, references or function
calls (values that are fine): what Terraform does not know must not produce a finding, so parity
holds only if unknown values are left unjudged. They leave out what the configuration does not say
(PingOne's core `sub` mapping, the secret a `pingone_application_secret` reads)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import FIXTURES, catalogue
from tests.terraform_support import Key, document_keys, terraform_keys

TERRAFORM = FIXTURES / "terraform"
EQUIVALENTS = TERRAFORM / "equivalents"
MODULES = sorted({p.parent for p in TERRAFORM.glob("[gb]*/*/*.tf*")})
GATED = ("warning", "error")
# Rules about how a Terraform configuration is written (provider 0.x names), which an API export
# cannot show: they are left out of the comparison.
TERRAFORM_ONLY = frozenset({"P1L015"})


def modules() -> list[object]:
    return [pytest.param(m, id=str(m.relative_to(TERRAFORM))) for m in MODULES]


def equivalent(module: Path) -> Path:
    return EQUIVALENTS / module.relative_to(TERRAFORM)


def test_each_module_has_an_equivalent() -> None:
    assert MODULES, "no Terraform fixtures found"
    assert sorted(p for p in EQUIVALENTS.glob("*/*") if p.is_dir()) == [equivalent(m) for m in MODULES]


@pytest.mark.parametrize("module", [m for m in MODULES if m.parent.name == "good"], ids=lambda m: m.name)
def test_good_equivalents_have_no_error_or_warning(module: Path) -> None:
    keys, result = document_keys(equivalent(module))
    assert result.errors == []
    assert [k for k in keys if k.severity in GATED] == []


@pytest.mark.parametrize("module", [m for m in MODULES if m.parent.name == "bad"], ids=lambda m: m.name)
def test_bad_equivalents_have_what_they_seed(module: Path) -> None:
    keys, result = document_keys(equivalent(module))
    assert result.errors == []
    assert [k for k in keys if k.severity in GATED], "a bad fixture without an error or warning"
    assert not [k for k in keys if k.subject.startswith("?")], "findings outside every application"


@pytest.mark.parametrize("module", modules())
def test_parity_with_the_api_json(module: Path) -> None:
    expected, _ = document_keys(equivalent(module))
    actual, result = terraform_keys(module, expected)
    assert result.errors == []
    assert _difference([k for k in actual if k.rule not in TERRAFORM_ONLY], expected) == ([], [])


def test_terraform_only_rules_are_the_terraform_rules() -> None:
    assert {rule.id for rule in catalogue() if rule.name.startswith("terraform-")} == TERRAFORM_ONLY


@pytest.mark.parametrize("module", modules())
def test_findings_are_located_in_the_tf_files(module: Path) -> None:
    result = terraform_keys(module)[1]
    assert result.files and result.errors == []
    assert result.findings or module.parent.name == "good"
    for finding in result.findings:
        file = Path(finding.file)
        assert file.name.endswith((".tf", ".tf.json")) and file.parent == module, finding
        lines = file.read_text(encoding="utf-8").splitlines()
        assert 1 <= finding.line <= finding.end_line <= len(lines), finding
        assert finding.path.startswith(("/resource/", "/data/")), finding


def _difference(actual: list[Key], expected: list[Key]) -> tuple[list[Key], list[Key]]:
    """(only in the Terraform findings, only in the JSON findings), as multisets."""
    only_actual, only_expected = list(actual), []
    for key in expected:
        if key in only_actual:
            only_actual.remove(key)
        else:
            only_expected.append(key)
    return only_actual, only_expected


ORGANIZATION_SCOPED = {
    "variable": {"organization_id": {"type": "string"}},
    "data": {"pingone_role": {"identity_data_admin": {"name": "Identity Data Admin"}}},
    "resource": {
        "pingone_application": {"deployer": {
            "environment_id": "${var.environment_id}", "name": "CI deployer", "enabled": True,
            "oidc_options": {"type": "WORKER", "grant_types": ["CLIENT_CREDENTIALS"],
                             "token_endpoint_auth_method": "CLIENT_SECRET_BASIC"},
        }},
        "pingone_application_role_assignment": {"deployer_identity_data_admin": {
            "environment_id": "${var.environment_id}", "application_id": "${pingone_application.deployer.id}",
            "role_id": "${data.pingone_role.identity_data_admin.id}",
            "scope_organization_id": "${var.organization_id}",
        }},
    },
}


def test_an_unknown_scope_id_leaves_the_scope_type_checked(tmp_path: Path) -> None:
    """Configurations give the organization id as a variable; the scope type is what P1L735 judges."""
    (tmp_path / "main.tf.json").write_text(json.dumps(ORGANIZATION_SCOPED), encoding="utf-8")
    wanted = Key("P1L735", "error", "application CI deployer", "/roleAssignments/0/scope/type")
    keys, result = terraform_keys(tmp_path, [wanted])
    assert result.errors == []
    assert wanted in keys
    at = "/resource/pingone_application_role_assignment/deployer_identity_data_admin/scope_organization_id"
    assert [f.path for f in result.findings if f.rule == "P1L735"] == [at]


def test_a_scope_type_finding_points_at_the_scope_attribute() -> None:
    module = TERRAFORM / "bad" / "worker-broad-roles"
    lines = (module / "main.tf").read_text(encoding="utf-8").splitlines()
    scoped = [f for f in terraform_keys(module)[1].findings if f.rule == "P1L733"]
    assert scoped
    assert all(lines[f.line - 1].lstrip().startswith("scope_organization_id") for f in scoped), scoped
