"""Per-file ignores and severity overrides: in the configuration and on the command line, as
ruff users expect them, through every format."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.fileignores import applies, file_ignore, without_ignored
from p1lint.selection import active_rules
from p1lint.severity_overrides import SeverityOverride
from tests.support import FIXTURES, catalogue

WORKER = FIXTURES / "good" / "worker-client-secret-basic.yaml"  # one P1L301 info finding


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    for folder in ("envs/dev", "envs/prod"):
        (tmp_path / folder).mkdir(parents=True)
        shutil.copy(WORKER, tmp_path / folder / "worker.yaml")
    monkeypatch.chdir(tmp_path / "envs")
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", *args])


def found(result):
    return sorted((f["file"], f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"])


def test_per_file_ignores_globs_are_relative_to_the_configuration(project):
    (project / "p1lint.toml").write_text('[per-file-ignores]\n"envs/dev/*.yaml" = ["P1L301"]\n')
    assert found(run("dev", "prod")) == [("prod/worker.yaml", "P1L301", "info")]


def test_a_glob_without_a_slash_matches_the_file_name_anywhere(project):
    (project / "p1lint.toml").write_text('[per-file-ignores]\n"worker.yaml" = ["symmetric-client-authentication"]\n')
    assert found(run("dev", "prod")) == []


def test_a_negated_glob_applies_to_the_other_files(project):
    (project / "pyproject.toml").write_text(
        '[tool.p1lint.per-file-ignores]\n"!envs/prod/**" = ["P1L3"]\n')
    assert found(run("dev", "prod")) == [("prod/worker.yaml", "P1L301", "info")]


def test_extend_per_file_ignores_adds_to_the_configuration(project):
    (project / "p1lint.toml").write_text('per-file-ignores = {"envs/dev/*" = ["P1L301"]}\n')
    assert found(run("--extend-per-file-ignores", "prod/*:P1L301", "dev", "prod")) == []
    replaced = run("--per-file-ignores", "prod/*:P1L301", "dev", "prod")  # the command line's replaces
    assert found(replaced) == [("dev/worker.yaml", "P1L301", "info")]


def test_a_per_file_ignore_naming_no_rule_is_a_configuration_error_at_its_place(project):
    (project / "p1lint.toml").write_text('fail-on = "info"\n\n[per-file-ignores]\n  "dev/*" = ["P1L9999"]\n')
    result = run("dev")
    assert result.exit_code == 2
    assert f"{project / 'p1lint.toml'}:4:3: per-file-ignores: no rule matches P1L9999" in result.stderr


def test_a_bad_command_line_entry_is_a_usage_error(project):
    assert run("--per-file-ignores", "dev/*", "dev").exit_code == 2
    unknown = run("--per-file-ignores", "dev/*:nope-rule", "dev")
    assert unknown.exit_code == 2 and "--per-file-ignores: no rule matches nope-rule" in unknown.stderr


def test_matching_is_by_name_or_absolute_path(tmp_path):
    entry = file_ignore("dev/*.json", ["P1L3"], str(tmp_path))
    assert applies(entry, str(tmp_path / "dev" / "a.json"))
    assert not applies(entry, str(tmp_path / "prod" / "a.json"))
    assert applies(file_ignore("a.json", ["P1L3"], str(tmp_path)), str(tmp_path / "x" / "y" / "a.json"))
    assert not applies(file_ignore("!a.json", ["P1L3"], str(tmp_path)), str(tmp_path / "a.json"))


def test_suppressed_findings_of_an_ignored_rule_are_left_out_too(project):
    from tests.support import lint

    result = lint(project / "envs" / "dev" / "worker.yaml")
    entries = [file_ignore("worker.yaml", ["P1L301"], str(project))]
    assert result.findings and without_ignored(result.findings, entries) == []
    assert without_ignored(result.findings, [file_ignore("other.yaml", ["P1L301"], str(project))]) == result.findings


# --- severity overrides


def test_a_severity_override_applies_before_fail_on(project):
    assert run("dev").exit_code == 0  # an info finding does not fail the run
    (project / "p1lint.toml").write_text('[severity]\nP1L301 = "error"\n')
    result = run("dev")
    assert result.exit_code == 1
    assert found(result) == [("dev/worker.yaml", "P1L301", "error")]


def test_an_override_by_name_and_a_more_specific_one(project):
    (project / "p1lint.toml").write_text(
        '[severity]\nP1L3 = "error"\nsymmetric-client-authentication = "warning"\n')
    assert found(run("dev")) == [("dev/worker.yaml", "P1L301", "warning")]


def test_the_command_line_override_replaces_the_configuration(project):
    (project / "p1lint.toml").write_text('[severity]\nP1L301 = "error"\n')
    assert found(run("--severity", "P1L301=warning", "dev")) == [("dev/worker.yaml", "P1L301", "warning")]


def test_an_override_wins_over_the_profile():
    rules = catalogue()
    by_profile = {a.rule.id: a.severity for a in active_rules(rules, "fapi2")}
    assert "P1L301" not in by_profile  # fapi2 turns it off
    assert "P1L407" not in {a.rule.id for a in active_rules(rules, "recommended")}
    overrides = [SeverityOverride("P1L301", "warning"), SeverityOverride("fapi2-par-required", "info")]
    fapi2 = {a.rule.id: a.severity for a in active_rules(rules, "fapi2", severities=overrides)}
    recommended = {a.rule.id: a.severity for a in active_rules(rules, "recommended", severities=overrides)}
    assert fapi2["P1L301"] == recommended["P1L301"] == "warning"
    assert recommended["P1L407"] == "info"
    prefix = active_rules(rules, "recommended", severities=[SeverityOverride("P1L4", "info")])
    assert "P1L407" not in {a.rule.id for a in prefix}  # a prefix changes only the rules that run
    assert {a.severity for a in prefix if a.rule.id.startswith("P1L4")} == {"info"}
    ignored = active_rules(rules, "recommended", ignore=["P1L301"], severities=overrides)
    assert "P1L301" not in {a.rule.id for a in ignored}  # --ignore still decides


def test_an_override_naming_no_rule_is_an_error_at_its_place(project):
    (project / "p1lint.toml").write_text('[severity]\nP1L301 = "error"\n"no-such-rule" = "info"\n')
    result = run("dev")
    assert result.exit_code == 2
    assert f"{project / 'p1lint.toml'}:3:1: severity: no rule matches no-such-rule" in result.stderr


def test_an_override_with_a_bad_level_is_an_error_at_its_place(project):
    (project / "p1lint.toml").write_text('[tool.p1lint.severity]\n')
    (project / "p1lint.toml").write_text('profile = "strict"\n[severity]\n   P1L301 = "fatal"\n')
    result = run("dev")
    assert result.exit_code == 2
    assert f"{project / 'p1lint.toml'}:3:4: severity: P1L301: Input should be 'error', 'warning' or 'info'" \
        in result.stderr


@pytest.mark.parametrize("output_format", ["text", "sarif", "junit", "github", "gitlab", "markdown", "json-lines"])
def test_the_overridden_severity_is_shown_in_every_format(project, output_format):
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", output_format, "--severity",
                                      "P1L301=error", "--fail-on", "error", "dev"])
    assert result.exit_code == 1
    shown = {"text": " P1L301 error ", "sarif": '"level": "error"', "junit": "P1L301", "github": "::error",
             "gitlab": '"severity": "critical"', "markdown": "error", "json-lines": '"severity": "error"'}
    assert shown[output_format] in result.stdout
    if output_format == "sarif":
        rule = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
        assert {r["id"]: r["defaultConfiguration"]["level"] for r in rule}["P1L301"] == "error"
