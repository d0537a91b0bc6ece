"""A Terraform plan linted as its environment: findings in the plan JSON, naming the resource they
are about; `--changed-only` reports only on what the plan creates or updates, with the rest of the
plan as their context; the plan's secrets are never printed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from p1lint.findings import Finding
from tests.support import FIXTURES, lint

PLAN = FIXTURES / "terraform" / "plan" / "release.json"
APPS = "/resource/pingone_application"
SECRETS = (
    "p1plan~Wq7Zr2Kx9.Bv4Nm8Tc1Hd6Fs3Gj0Ae5Lu",  # pingone_application_secret.directory_sync
    "c2VjcmV0LWdvb2dsZS1wbGF5LWRlY3J5cHRpb24ta2V5",  # a sensitive variable: Google Play decryption key
    "dmVyaWZpY2F0aW9uLWtleS1mb3ItdGhlLWZpZWxkLWFwcA==",
)
FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")


def found(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in findings}


def p1lint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "p1lint", "check", *args], input=stdin,
                          capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def everything() -> list[Finding]:
    return lint(PLAN).findings


@pytest.fixture(scope="module")
def changed() -> list[Finding]:
    return lint(PLAN, changed_only=True).findings


def test_findings_point_at_the_planned_values(everything):
    http = [f for f in everything if f.rule == "P1L103"]
    assert [(f.path, f.line, f.column) for f in http] == [
        (f"{APPS}/portal/oidc_options/redirect_uris/0", 1126, 15)]
    line = PLAN.read_text().splitlines()[http[0].line - 1]
    assert line[http[0].column - 1:http[0].end_column - 1] == '"http://portal.acme.example/callback"'


def test_findings_name_the_resource_address(everything):
    by_path = {f.path: f.message for f in everything}
    assert by_path[f"{APPS}/portal/oidc_options/redirect_uris/0"].startswith("pingone_application.portal: ")
    partner = [m for p, m in by_path.items() if p.startswith(f'{APPS}/module.partner_apps["crm"].this/')]
    assert partner and all(m.startswith('module.partner_apps["crm"].pingone_application.this: ') for m in partner)


def test_every_planned_resource_is_checked(everything):
    assert ("P1L202", f"{APPS}/storefront/oidc_options/grant_types/0") in found(everything)  # no-op
    assert ("P1L300", f"{APPS}/directory_sync/oidc_options/token_endpoint_auth_method") in found(everything)


def test_deleted_resources_are_not_checked(everything):
    assert not [f for f in everything if "intranet" in f.path or "intranet" in f.message]


def test_changed_only_reports_on_created_and_updated_resources(everything, changed):
    assert changed and set(changed) < set(everything)
    reported = {f.path.split("/")[3] for f in changed}
    assert reported == {"portal", "directory_sync", "field_service", 'module.partner_apps["crm"].this',
                        "portal_orders"} & reported
    assert not [f for f in changed if "/storefront" in f.path]
    dropped = {f.path.split("/")[3] for f in set(everything) - set(changed)}
    assert dropped == {"storefront"}


def test_environment_checks_see_the_unchanged_resources(changed):
    """The new application repeats the name of one the plan leaves as it is: reported at the new
    one, which comes after it in the environment."""
    repeated = [f for f in changed if f.rule == "P1L700"]
    assert [f.path for f in repeated] == [f'{APPS}/module.partner_apps["crm"].this/name']
    assert "pingone_application.storefront" in repeated[0].message


def test_changed_only_leaves_other_documents_alone():
    application = FIXTURES / "bad" / "grants-legacy-storefront-spa.json"
    assert found(lint(application, changed_only=True).findings) == found(lint(application).findings)


def test_the_command_line_option(tmp_path):
    result = p1lint("--format", "json", "--changed-only", str(PLAN))
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert paths and not [p for p in paths if "/storefront" in p]
    assert any("/storefront" in f["path"] for f in json.loads(p1lint("--format", "json", str(PLAN)).stdout)[
        "findings"])


@pytest.mark.parametrize("name", ["plan.json", "tfplan", "release-2026-08-04.out.json"])
def test_a_plan_is_recognised_by_its_content(tmp_path, name):
    path = tmp_path / name
    path.write_text(PLAN.read_text())
    assert found(lint(path).findings) == found(lint(PLAN).findings)


def test_a_plan_on_standard_input():
    result = p1lint("--format", "json", "--stdin-filename", "plan.json", "-", stdin=PLAN.read_text())
    report = json.loads(result.stdout)
    assert {f["file"] for f in report["findings"]} == {"plan.json"}
    assert any(f["rule"] == "P1L103" for f in report["findings"])


def test_terraform_state_is_not_a_plan(tmp_path):
    state = {"format_version": "1.0", "terraform_version": "1.9.8", "values": {"root_module": {}}}
    path = tmp_path / "state.json"
    path.write_text(json.dumps(state))
    result = lint(path)
    assert not result.findings and "not a PingOne document" in result.errors[0].message


def test_a_plan_without_pingone_resources_has_no_findings(tmp_path):
    plan = {"format_version": "1.2", "terraform_version": "1.9.8", "planned_values": {"root_module": {}},
            "resource_changes": [{"address": "null_resource.x", "mode": "managed", "type": "null_resource",
                                  "name": "x", "change": {"actions": ["create"], "before": None,
                                                          "after": {"triggers": None}}}]}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    result = lint(path)
    assert (result.findings, result.errors) == ([], [])


def test_an_unsupported_plan_format_is_an_input_error(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"format_version": "2.0", "resource_changes": []}))
    result = p1lint(str(path))
    assert result.returncode == 2
    assert "format_version '2.0' is not supported" in result.stderr


def test_the_fixture_holds_the_secrets():
    text = PLAN.read_text()
    assert all(secret in text for secret in SECRETS)


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("changed_only", [(), ("--changed-only",)])
def test_the_plan_secrets_are_never_printed(output_format, changed_only):
    result = p1lint("--format", output_format, "--fail-on", "info", *changed_only, str(PLAN))
    assert result.returncode == 1
    for secret in SECRETS:
        for fragment in (secret, secret[:12], secret[-12:]):
            assert fragment not in result.stdout and fragment not in result.stderr


def test_a_compact_plan_has_the_same_findings_on_its_one_line(tmp_path):
    compact = tmp_path / "release.json"
    compact.write_text(json.dumps(json.loads(PLAN.read_text()), separators=(",", ":")))
    findings = lint(compact).findings
    assert {(f.rule, f.path) for f in findings} == found(lint(PLAN).findings)
    assert {f.line for f in findings} == {1}


def test_lint_of_a_directory_with_a_plan(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.json").write_text(PLAN.read_text())
    result = lint(tmp_path)
    assert found(result.findings) == found(lint(PLAN).findings)
    assert not result.skipped


def test_expectations_name_no_secret():
    expected = Path(__file__).parent / "expectations" / "terraform" / "plan" / "release.json.expected.json"
    text = expected.read_text()
    assert not any(secret in text for secret in SECRETS)


def test_a_plan_of_provider_0x_blocks(tmp_path):
    """Provider 0.x plans write nested blocks as one-element lists (and absent ones as empty lists)."""
    after = {"environment_id": "e", "name": "Portal", "id": None, "saml_options": [], "external_link_options": [],
             "oidc_options": [{"type": "WEB_APP", "grant_types": ["AUTHORIZATION_CODE"], "response_types": ["CODE"],
                               "token_endpoint_authn_method": "CLIENT_SECRET_BASIC", "cors_settings": [],
                               "redirect_uris": ["http://portal.example.com/cb"]}]}
    entry = {"address": "pingone_application.portal", "mode": "managed", "type": "pingone_application",
             "name": "portal", "provider_name": "registry.terraform.io/pingidentity/pingone",
             "change": {"actions": ["create"], "before": None, "after": after, "after_unknown": {"id": True},
                        "before_sensitive": False, "after_sensitive": {}}}
    options = {key: {"constant_value": value} for key, value in after["oidc_options"][0].items() if value != []}
    configuration = {"root_module": {"resources": [
        {"address": "pingone_application.portal", "mode": "managed", "type": "pingone_application",
         "name": "portal", "expressions": {"environment_id": {"constant_value": "e"},
                                           "name": {"constant_value": "Portal"}, "oidc_options": [options]}}]}}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"format_version": "1.0", "terraform_version": "1.3.0", "resource_changes": [entry],
                                "configuration": configuration}, indent=2))
    findings = lint(path).findings
    http = [f for f in findings if f.rule == "P1L103"]
    assert [f.path for f in http] == [f"{APPS}/portal/oidc_options/0/redirect_uris/0"]
    assert http[0].message.startswith("pingone_application.portal: ")


# --- findings at the .tf attributes the plan was made from -------------------------------------

CONFIGURATION = PLAN.parent / "configuration"
TF = "/resource/pingone_application"


@pytest.fixture(scope="module")
def planned_here(tmp_path_factory) -> Path:
    """The plan beside the configuration it was planned from (where `terraform show` is run)."""
    root = tmp_path_factory.mktemp("release")
    shutil.copytree(CONFIGURATION, root, dirs_exist_ok=True)
    shutil.copyfile(PLAN, root / "release.json")
    return root


def test_findings_on_a_plan_point_at_the_tf_attribute(planned_here):
    plan_only = {(f.rule, f.message) for f in lint(PLAN).findings}
    findings = lint(planned_here / "release.json").findings
    assert {(f.rule, f.message) for f in findings} == plan_only  # the same findings, addresses named
    http = [f for f in findings if f.rule == "P1L103"]
    assert [(Path(f.file).name, f.path) for f in http] == [("main.tf", f"{TF}/portal/oidc_options/redirect_uris/1")]
    line = (planned_here / "main.tf").read_text().splitlines()[http[0].line - 1]
    assert line[http[0].column - 1:http[0].end_column - 1] == '"http://portal.acme.example/callback"'
    assert http[0].message.startswith("pingone_application.portal: ")


def test_a_string_position_holds_in_the_tf_text_when_the_value_is_written_there(planned_here):
    findings = [f for f in lint(planned_here / "release.json").findings if f.rule == "P1L202"]
    assert [(f.path, f.end_line - f.line) for f in findings] == [(f"{TF}/storefront/oidc_options/grant_types/0", 0)]
    line = (planned_here / "main.tf").read_text().splitlines()[findings[0].line - 1]
    assert line[findings[0].column - 1:findings[0].end_column - 1] == '"IMPLICIT"'


def test_a_module_instance_points_into_the_module_source(planned_here):
    repeated = [f for f in lint(planned_here / "release.json", changed_only=True).findings if f.rule == "P1L700"]
    assert [(f.file, f.path) for f in repeated] == [
        (str(planned_here / "modules" / "partner-app" / "main.tf"), f"{TF}/this/name")]
    assert repeated[0].message.startswith('module.partner_apps["crm"].pingone_application.this: ')
    line = (planned_here / "modules" / "partner-app" / "main.tf").read_text().splitlines()[repeated[0].line - 1]
    assert line.strip() == "name           = var.name"  # the expression the planned value comes from


def test_a_value_the_tf_does_not_write_is_at_its_block(planned_here):
    portal = [f for f in lint(planned_here / "release.json").findings if f.rule == "P1L444"
              and f.message.startswith("pingone_application.portal:")]
    assert [f.path for f in portal] == [f"{TF}/portal"]
    line = (planned_here / "main.tf").read_text().splitlines()[portal[0].line - 1]
    assert line.startswith('resource "pingone_application" "portal"')


def test_a_configuration_other_than_the_planned_one_keeps_the_plan_places(planned_here, tmp_path):
    """A `.tf` block that writes other attributes than the plan's configuration says is not what
    was planned: its findings stay in the plan."""
    shutil.copytree(planned_here, tmp_path, dirs_exist_ok=True)
    main = tmp_path / "main.tf"
    main.write_text(main.read_text().replace('  description    = "Self-service portal for customers"\n', ""))
    findings = lint(tmp_path / "release.json").findings
    portal = {Path(f.file).name for f in findings if f.message.startswith("pingone_application.portal:")}
    storefront = {Path(f.file).name for f in findings if f.message.startswith("pingone_application.storefront:")}
    assert (portal, storefront) == ({"release.json"}, {"main.tf"})


def test_a_remote_module_keeps_the_plan_places(planned_here, tmp_path):
    plan = json.loads(PLAN.read_text())
    plan["configuration"]["root_module"]["module_calls"]["partner_apps"]["source"] = "acme/partner-app/pingone"
    shutil.copytree(planned_here, tmp_path, dirs_exist_ok=True)
    (tmp_path / "release.json").write_text(json.dumps(plan, indent=2))
    files = {Path(f.file).name for f in lint(tmp_path / "release.json").findings if f.message.startswith("module.")}
    assert files == {"release.json"}


def test_inline_suppressions_in_the_tf_file_apply_to_the_plan_findings(planned_here, tmp_path):
    shutil.copytree(planned_here, tmp_path, dirs_exist_ok=True)
    main = tmp_path / "main.tf"
    main.write_text(main.read_text().replace('"http://portal.acme.example/callback",',
                                             '"http://portal.acme.example/callback", # p1lint: ignore[P1L103] test'))
    result = lint(tmp_path / "release.json")
    assert not [f for f in result.findings if f.rule == "P1L103"] and result.suppressed == 1


def test_the_results_cache_sees_tf_files_placed_beside_a_plan(tmp_path):
    """A plan's places depend on files outside it: a cached run must not keep them."""
    root, cache = tmp_path / "release", tmp_path / "cache"
    root.mkdir()
    plan = json.loads(PLAN.read_text())  # without the secret, whose expiry check reads the clock
    plan["resource_changes"] = [c for c in plan["resource_changes"] if c["type"] != "pingone_application_secret"]
    (root / "release.json").write_text(json.dumps(plan, indent=2))
    args = ("--format", "json", "--cache-dir", str(cache), str(root / "release.json"))
    before = {Path(f["file"]).name for f in json.loads(p1lint(*args).stdout)["findings"]}
    shutil.copytree(CONFIGURATION, root, dirs_exist_ok=True)
    after = {Path(f["file"]).name for f in json.loads(p1lint(*args).stdout)["findings"]}
    assert (before, after) == ({"release.json"}, {"main.tf"})


def test_a_plan_placed_in_its_tf_files_is_one_file_checked(planned_here):
    """Findings placed in the .tf files beside a plan are problems of the one file checked; the
    root module's files are named as the plan is (no `./`)."""
    run = subprocess.run([sys.executable, "-m", "p1lint", "check", "--no-cache", "release.json"],
                         cwd=planned_here, capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    places = {line.split(":", 1)[0] for line in run.stdout.splitlines() if ": P1L" in line}
    assert places == {"main.tf", "modules/partner-app/main.tf"}
    assert run.stdout.rstrip().endswith(" in 1 file.")
