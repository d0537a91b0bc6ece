"""`p1lint diff`: each kind of change on its pair of fixtures (the kinds asserted, not the
words), findings introduced and fixed, formats, `--fail-on`, bad input and secrets."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.diff.kinds import CHANGE_KINDS, KINDS
from tests.support import FIXTURES, ROOT

PAIRS = FIXTURES / "diff"
KIND_PAIRS = sorted(p.parent for p in PAIRS.glob("kinds/*/old"))
TERRAFORM_PAIRS = sorted(p.parent for p in PAIRS.glob("terraform/*/old"))
REVIEW = PAIRS / "review"


def run(*args: str):
    return CliRunner().invoke(cli, ["diff", "--no-config", *args])


def diff_json(old: Path | str, new: Path | str, *args: str) -> dict:
    result = run("--format", "json", str(old), str(new), *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def kinds(document: dict) -> list[str]:
    return [change["kind"] for change in document["changes"]]


@pytest.mark.parametrize("pair", [*KIND_PAIRS, *TERRAFORM_PAIRS], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_pair_shows_exactly_its_kind_of_change(pair):
    document = diff_json(pair / "old", pair / "new")
    assert kinds(document) == [pair.name]
    assert document["errors"] == []
    assert document["changes"][0]["severity"] == KINDS[pair.name].severity


SYMMETRIC = {"jwks-changed", "client-secret-changed", "policy-assignments-reordered"}  # a change either way


@pytest.mark.parametrize("pair", [p for p in KIND_PAIRS if p.name not in SYMMETRIC], ids=lambda p: p.name)
def test_the_reverse_of_a_pair_is_not_the_same_change(pair):
    """Strengthening is not reported as weakening: the reverse shows no change of the pair's kind
    (an addition reversed is a removal, reported only for applications)."""
    document = diff_json(pair / "new", pair / "old")
    assert pair.name not in kinds(document)


def test_every_kind_has_a_fixture_pair_and_every_pair_a_kind():
    assert sorted(p.name for p in KIND_PAIRS) == sorted(kind.id for kind in CHANGE_KINDS)


def test_kind_ids_are_unique_and_kebab_case():
    ids = [kind.id for kind in CHANGE_KINDS]
    assert len(ids) == len(set(ids))
    assert all(part.isalnum() and part.islower() for kind in ids for part in kind.split("-"))


def test_client_authentication_ranks_every_method_of_the_model():
    from typing import get_args

    from p1lint.diff.fields import CLIENT_AUTHENTICATION_STRENGTH
    from p1lint.models.enums import TokenEndpointAuthMethod

    assert set(CLIENT_AUTHENTICATION_STRENGTH) == set(get_args(TokenEndpointAuthMethod))


def test_ranked_fields_name_values_of_the_model():
    from typing import get_args

    from p1lint.diff.fields import NOT_SET, RANKED
    from p1lint.models import enums

    model = {"pkceEnforcement": enums.PkceEnforcement, "parRequirement": enums.ParRequirement,
             "accessControl.role.type": enums.AccessRoleType, "accessControl.group.type": enums.GroupPolicyType}
    for ranked in RANKED:
        if ranked.field in model:
            assert set(ranked.ranks) - {NOT_SET} == set(get_args(model[ranked.field])), ranked.field


def test_review_snapshots_show_their_changes_and_the_finding_introduced():
    document = diff_json(REVIEW / "old" / "snapshot.yaml", REVIEW / "new" / "snapshot.yaml")
    assert sorted(kinds(document)) == ["cors-origin-added", "par-weakened", "policy-assignment-removed",
                                       "redirect-uri-added", "role-assignment-widened"]
    assert [f["rule"] for f in document["introduced"]] == ["P1L103"]
    assert document["fixed"] == []


def test_a_change_says_where_it_is_written_and_the_host():
    document = diff_json(REVIEW / "old" / "snapshot.yaml", REVIEW / "new" / "snapshot.yaml")
    added = next(c for c in document["changes"] if c["kind"] == "redirect-uri-added")
    assert added["host"] == "portal-preview.northwind-apps.example.net"
    assert added["file"].endswith("new/snapshot.yaml")
    text = (REVIEW / "new" / "snapshot.yaml").read_text().splitlines()[added["line"] - 1]
    assert text[added["column"] - 1:].startswith("http://portal-preview")
    removed = next(c for c in document["changes"] if c["kind"] == "policy-assignment-removed")
    assert removed["file"].endswith("old/snapshot.yaml")


def test_findings_fixed_and_introduced_are_matched_by_fingerprint(tmp_path):
    app = json.loads((PAIRS / "kinds" / "redirect-uri-added" / "old" / "application.json").read_text())
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    app["redirectUris"] = ["https://suppliers.example.com/oauth2/callback", "http://suppliers.example.com/cb"]
    old.write_text(json.dumps(app))
    app["redirectUris"] = ["https://suppliers.example.com/oauth2/callback", "https://suppliers.example.com/cb#x"]
    new.write_text(json.dumps(app, indent=4))  # reformatted: positions move, identities do not
    document = diff_json(old, new)
    assert [f["rule"] for f in document["fixed"]] == ["P1L103"]
    assert [f["rule"] for f in document["introduced"]] == ["P1L102"]
    assert kinds(document) == ["redirect-uri-added"]


def test_the_same_input_twice_reports_nothing():
    snapshot = REVIEW / "old" / "snapshot.yaml"
    result = run(str(snapshot), str(snapshot))
    assert result.exit_code == 0
    assert "0 security-relevant changes" in result.stdout


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("info", 1)])
def test_fail_on_counts_changes(fail_on, code):
    pair = PAIRS / "kinds" / "pkce-weakened"
    assert run("--fail-on", fail_on, str(pair / "old"), str(pair / "new")).exit_code == code


def test_fail_on_above_every_change_exits_zero():
    pair = PAIRS / "kinds" / "sign-off-uri-added"  # info, and no finding introduced
    assert run("--fail-on", "warning", str(pair / "old"), str(pair / "new")).exit_code == 0
    assert run("--fail-on", "info", str(pair / "old"), str(pair / "new")).exit_code == 1


def test_a_changed_secret_is_reported_without_its_values():
    pair = PAIRS / "kinds" / "client-secret-changed"
    values = [json.loads((pair / side / "application.json").read_text())["secret"]["secret"]
              for side in ("old", "new")]
    for output_format in ("text", "json", "markdown", "html"):
        result = run("--format", output_format, str(pair / "old"), str(pair / "new"))
        assert "client-secret-changed" in result.stdout
        assert not any(value in result.output for value in values)


def test_credentials_in_an_added_uri_are_redacted(tmp_path):
    app = json.loads((PAIRS / "kinds" / "redirect-uri-added" / "old" / "application.json").read_text())
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(app))
    app["redirectUris"].append("https://user:hunter2hunter2@evil.example/cb?client_secret=s3cr3tvalue")
    new.write_text(json.dumps(app))
    for output_format in ("text", "json", "markdown", "html"):
        result = run("--format", output_format, str(old), str(new))
        assert "hunter2" not in result.output and "s3cr3tvalue" not in result.output
        assert "evil.example" in result.output


def test_markdown_escapes_values(tmp_path):
    app = json.loads((PAIRS / "kinds" / "redirect-uri-added" / "old" / "application.json").read_text())
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(app))
    app["name"] = "<img src=x onerror=alert(1)> @admins | [x](javascript:y)"
    app["redirectUris"].append("https://example.com/cb?<b>|*x*")
    new.write_text(json.dumps(app))
    document = run("--format", "markdown", str(old), str(new)).stdout
    assert "<img" not in document and "@admins" not in document and "](javascript" not in document
    assert "&lt;img" in document and "redirect-uri-added" in document
    row = next(line for line in document.splitlines() if "redirect-uri-added" in line)
    assert row.count(" | ") == 4  # no cell split by a `|` of the input


def test_output_file(tmp_path):
    pair = PAIRS / "kinds" / "jwks-changed"
    target = tmp_path / "diff.json"
    result = run("--format", "json", "-o", str(target), str(pair / "old"), str(pair / "new"))
    assert result.exit_code == 0 and result.stdout == ""
    assert kinds(json.loads(target.read_text())) == ["jwks-changed"]


def test_bad_input_is_an_error_at_its_place(tmp_path):
    good = PAIRS / "kinds" / "pkce-weakened" / "old" / "application.json"
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "name": "x",\n  "type": \n}\n')
    result = run(str(good), str(broken))
    assert result.exit_code == 2
    assert f"{broken}:4:1:" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("arguments", [["only-one.json"], ["a", "b", "c"], ["-", "x.json"]])
def test_wrong_arguments_exit_two(arguments):
    result = run(*arguments)
    assert result.exit_code == 2
    assert result.stderr.startswith("p1lint: ")


def test_a_missing_input_exits_two(tmp_path):
    good = PAIRS / "kinds" / "pkce-weakened" / "old"
    result = run(str(good), str(tmp_path / "absent.json"))
    assert result.exit_code == 2
    assert "absent.json" in result.stderr


def readme_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Reviewing a change: p1lint diff", 1)[1].split("\n## ", 1)[0]


def test_the_readme_shows_the_real_output_of_the_review_diff():
    block = readme_section().split("```console\n", 1)[1].split("```", 1)[0]
    command, *shown = block.rstrip("\n").split("\n")
    arguments = command.removeprefix("$ p1lint ").split()
    result = subprocess.run([sys.executable, "-m", "p1lint", *arguments], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 1, result.stderr
    assert result.stdout.rstrip("\n").split("\n") == shown


def test_the_readme_lists_every_kind_with_its_severity():
    rows = [line for line in readme_section().splitlines() if line.startswith("| `")]
    assert rows == [f"| `{kind.id}` | {kind.severity} | {kind.title} |" for kind in CHANGE_KINDS]


class _Page(HTMLParser):
    """The change cards, the finding cards and every resource reference of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.kinds: list[str] = []
        self.findings: list[str] = []
        self.references: list[str] = []
        self.elements: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        self.elements.append(tag)
        classes = (found.get("class") or "").split()
        if "change" in classes:
            self.kinds.append(found["data-kind"])
        elif tag == "article" and "finding" in classes:
            self.findings.append(found["data-severity"])
        self.references += [found[name] for name in ("src", "href") if name in found and tag != "a"]


def test_html_shows_every_change_and_finding_and_loads_nothing():
    old, new = REVIEW / "old" / "snapshot.yaml", REVIEW / "new" / "snapshot.yaml"
    page = _Page()
    page.feed(run("--format", "html", str(old), str(new)).stdout)
    assert page.kinds == kinds(diff_json(old, new))
    assert page.findings == ["error"]  # the one finding introduced
    assert page.references == [] and "script" in page.elements and "iframe" not in page.elements


def test_html_escapes_values(tmp_path):
    app = json.loads((PAIRS / "kinds" / "redirect-uri-added" / "old" / "application.json").read_text())
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(app))
    app["name"] = "<script>alert(1)</script>"
    app["redirectUris"].append("https://example.com/cb?<img src=x onerror=alert(2)>")
    new.write_text(json.dumps(app))
    document = run("--format", "html", str(old), str(new)).stdout
    assert "<script>alert" not in document and "<img" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document


def test_the_actor_file_bounds_the_role_assignments_of_both_sides(tmp_path):
    """A Terraform configuration names no actor: with `--actor`, a role assignment the actor may
    not make is a finding introduced, beside the change."""
    environment = "${pingone_environment.prod.id}"
    worker = {"environment_id": environment, "name": "Automation", "enabled": True,
              "oidc_options": {"type": "WORKER", "grant_types": ["CLIENT_CREDENTIALS"],
                               "token_endpoint_auth_method": "CLIENT_SECRET_BASIC"}}
    roles = {"pingone_role": {"identity_admin": {"name": "Identity Data Admin"},
                              "configuration_read_only": {"name": "Configuration Read Only"}}}
    assignment = {"environment_id": environment, "application_id": "${pingone_application.worker.id}",
                  "role_id": "${data.pingone_role.identity_admin.id}", "scope_environment_id": environment}
    for side, resources in (("old", {}), ("new", {"pingone_application_role_assignment": {"identity": assignment}})):
        (tmp_path / side).mkdir()
        module = {"resource": {"pingone_application": {"worker": worker}, **resources}, "data": roles}
        (tmp_path / side / "main.tf.json").write_text(json.dumps(module))
    actor = {"type": "USER", "id": "u1", "roleAssignments": [
        {"role": {"id": "data.pingone_role.configuration_read_only"},
         "scope": {"id": "pingone_environment.prod", "type": "ENVIRONMENT"}}]}
    (tmp_path / "actor.json").write_text(json.dumps(actor))
    plain = diff_json(tmp_path / "old", tmp_path / "new")
    bounded = diff_json(tmp_path / "old", tmp_path / "new", "--actor", str(tmp_path / "actor.json"))
    assert kinds(plain) == kinds(bounded) == ["role-assignment-added"]
    assert "P1L734" not in [f["rule"] for f in plain["introduced"]]
    assert "P1L734" in [f["rule"] for f in bounded["introduced"]]
