"""Options of a CI gate: --no-suppress, --show-suppressed, --exit-zero, --statistics, and
`p1lint expr` speaking in the rule ids and names of `check`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from p1lint.cli import cli

APP = """\
name: Partner portal
type: WEB_APP
protocol: OPENID_CONNECT
grantTypes: [AUTHORIZATION_CODE]
responseTypes: [CODE]
tokenEndpointAuthMethod: CLIENT_SECRET_BASIC
pkceEnforcement: S256_REQUIRED
redirectUris:
  # p1lint: ignore[P1L102] the partner's proxy strips it; ticket 42
  - https://partner.example.com/cb#x
  - https://partner.example.com/other#y
"""


@pytest.fixture
def app(tmp_path):
    path = tmp_path / "app.yaml"
    path.write_text(APP)
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def _fragments(result):
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "P1L102"]


def test_suppressed_findings_are_hidden_shown_on_request_and_reported_without_suppression(app):
    hidden = run("check", "--format", "json", "--select", "P1L102", app)
    assert [f["line"] for f in _fragments(hidden)] == [11]
    shown = run("check", "--format", "json", "--select", "P1L102", "--show-suppressed", app)
    marked = {f["line"]: (f.get("suppression"), f.get("justification")) for f in _fragments(shown)}
    assert marked == {10: ("inSource", "the partner's proxy strips it; ticket 42"), 11: (None, None)}
    assert hidden.exit_code == shown.exit_code == 1
    everything = run("check", "--format", "json", "--select", "P1L102", "--no-suppress", app)
    assert [(f["line"], "suppression" in f) for f in _fragments(everything)] == [(10, False), (11, False)]


def test_sarif_records_inline_suppressions_with_their_reason(app):
    result = run("check", "--format", "sarif", "--select", "P1L102", app)
    results = json.loads(result.stdout)["runs"][0]["results"]
    suppressions = [r.get("suppressions") for r in results]
    assert suppressions == [[{"kind": "inSource", "justification": "the partner's proxy strips it; ticket 42"}], None]
    assert result.exit_code == 1


def test_exit_zero_keeps_findings_but_not_errors(app, tmp_path):
    assert run("check", "--exit-zero", app).exit_code == 0
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    assert run("check", "--exit-zero", app, str(broken)).exit_code == 2


def test_statistics_count_findings_per_rule(app):
    result = run("check", "--statistics", "--select", "P1L102,P1L301", app)
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["1", "P1L102", "error", "redirect-uri-no-fragment"] in rows
    assert ["1", "suppressed"] in rows
    assert result.exit_code == 1


def test_expr_names_the_rules_of_check_and_ignores_by_id_or_name():
    from p1lint.commands.expr import rules_by_code

    rules = rules_by_code()
    shown = run("expr", "${user.name.given")
    assert shown.exit_code == 1
    rule = rules["syntax-error"]
    assert f" {rule.id} error " in shown.stdout and f"[{rule.name}]" in shown.stdout
    for key in (rule.id, rule.name):
        assert run("expr", "--ignore", key, "${user.name.given").exit_code == 0
    assert run("expr", "--ignore", "P1L9999", "${user.name.given").exit_code == 2
