"""The command line: exit codes, formats, selection, standard input, rule listing and explanation."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from tests.support import FIXTURES

GOOD = str(FIXTURES / "good" / "worker-client-credentials.json")
FRAGMENT_APP = {
    "name": "Portal", "enabled": True, "protocol": "OPENID_CONNECT", "type": "WEB_APP",
    "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"], "pkceEnforcement": "S256_REQUIRED",
    "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC",
    "redirectUris": ["https://portal.example.com/cb#"],
    "corsSettings": {"behavior": "ALLOW_NO_ORIGINS"},
}


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture
def bad_file(tmp_path):
    path = tmp_path / "portal.json"
    path.write_text(json.dumps(FRAGMENT_APP, indent=2))
    return str(path)


def test_clean_file_exits_zero():
    result = run("check", GOOD)
    assert result.exit_code == 0
    assert "No problems found in 1 file." in result.output


def test_check_is_the_default_command(bad_file):
    assert run(bad_file).exit_code == 1


def test_text_output_line_format(bad_file):
    result = run("check", "--no-color", "--select", "P1L102", bad_file)
    first = result.output.splitlines()[0]
    assert first.startswith(f"{bad_file}:15:5: P1L102 error ")
    assert first.endswith("[redirect-uri-no-fragment]")


def test_json_output_contract(bad_file):
    result = run("check", "--format", "json", "--select", "P1L102", bad_file)
    document = json.loads(result.output)
    assert set(document) == {"version", "findings", "errors", "summary"}
    [finding] = document["findings"]
    assert set(finding) == {"rule", "name", "severity", "message", "file", "path", "line", "column",
                            "end_line", "end_column", "docs", "application_id", "application_name", "fingerprint"}
    where = (finding["line"], finding["column"], finding["end_line"], finding["end_column"])
    assert (finding["rule"], finding["path"], where) == ("P1L102", "/redirectUris/0", (15, 5, 15, 5 + len(json.dumps(FRAGMENT_APP["redirectUris"][0]))))
    assert document["summary"] == {"files": 1, "files_with_findings": 1, "unreadable": 0, "errors": 1,
                                   "warnings": 0, "infos": 0, "input_errors": 0,
                                   "configuration_findings": 0}
    assert document["errors"] == []


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ((), 1),
        (("--fail-on", "error"), 1),
        (("--ignore", "P1L102"), 0),
        (("--ignore", "P1L1"), 0),
        (("--ignore", "redirect-uri-no-fragment"), 0),
        (("--select", "P1L0"), 0),
        (("--select", "P1L1", "--ignore", "P1L10"), 0),
        (("--select", "P1L102", "--ignore", "P1L1"), 1),  # the longer pattern wins
        (("--select", "P1L0,P1L102"), 1),
    ],
)
def test_exit_codes_follow_selection(bad_file, options, code):
    assert run("check", *options, bad_file).exit_code == code


def test_unknown_selector_is_a_usage_error(bad_file):
    result = run("check", "--select", "P1L9999", bad_file)
    assert result.exit_code == 2
    assert "no rule matches P1L9999" in result.output


def test_fail_on_info_counts_infos(tmp_path):
    app = dict(FRAGMENT_APP, redirectUris=["https://portal.example.com/cb"], enabled=False)
    path = tmp_path / "app.json"
    path.write_text(json.dumps(app))
    assert run("check", "--fail-on", "error", str(path)).exit_code == 0


def test_input_errors_exit_two_and_other_files_are_checked(tmp_path, bad_file):
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    result = run("check", "--format", "json", str(broken), bad_file)
    assert result.exit_code == 2
    assert f"{broken}:1:2: invalid JSON" in result.stderr
    assert json.loads(result.stdout)["summary"]["files"] == 1  # files linted; the other is on stderr
    assert json.loads(result.stdout)["findings"]


def test_stdin_named_twice_is_read_once():
    result = run("check", "--select", "P1L102", "-", "-", input=json.dumps(FRAGMENT_APP))
    assert result.exit_code == 1
    assert "could not be checked" not in result.output


def test_bad_rules_directory_exits_two(tmp_path, bad_file):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "x.yaml").write_text("id: nope\n")
    result = run("check", "--rules", str(tmp_path / "rules"), bad_file)
    assert result.exit_code == 2
    assert "x.yaml:1:5: id:" in result.stderr


def test_stdin_with_display_name():
    text = json.dumps(FRAGMENT_APP)
    result = run("check", "--stdin-filename", "portal.json", "--select", "P1L102", "-", input=text)
    assert result.exit_code == 1
    assert result.output.startswith("portal.json:1:")


def test_quiet_prints_findings_only(bad_file):
    result = run("check", "--quiet", "--select", "P1L102", bad_file)
    assert "Found" not in result.output
    assert len(result.output.splitlines()) == 1


def test_color_only_when_forced(bad_file, monkeypatch):
    assert "\x1b[" not in run("check", bad_file).output
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run("check", bad_file).output
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", bad_file).output


def test_rules_lists_every_rule():
    result = run("rules", "--format", "json")
    rows = json.loads(result.output)
    assert result.exit_code == 0
    assert {"id", "name", "severity", "title"} == set(rows[0])
    assert "redirect-uri-no-fragment" in {row["name"] for row in rows}


@pytest.mark.parametrize("key", ["P1L102", "p1l102", "redirect-uri-no-fragment"])
def test_rule_explains_by_id_or_name(key):
    result = run("rule", key)
    assert result.exit_code == 0
    for heading in ("What it checks:", "Why:", "References:", "Bad:", "Good:", "Docs: "):
        assert heading in result.output
    assert "→ URI " in result.output  # the bad example's real finding


def test_unknown_rule_exits_two():
    result = run("rule", "ACME999")
    assert result.exit_code == 2


def test_misspelt_rule_names_get_a_suggestion(bad_file):
    assert "did you mean 'redirect-uri-no-fragment'?" in run("rule", "redirect-uri-fragment").stderr
    result = run("check", "--ignore", "redirect-uri-nofragment", bad_file)
    assert result.exit_code == 2 and "did you mean 'redirect-uri-no-fragment'?" in result.stderr


def test_usage_error_exits_two():
    assert run("check", "--format", "xml", GOOD).exit_code == 2
    assert run("check").exit_code == 2


def test_version():
    from p1lint import __version__

    assert run("--version").output.strip().endswith(__version__)


def test_module_entry_point_reads_stdin():
    completed = subprocess.run(
        [sys.executable, "-m", "p1lint", "check", "--select", "P1L102", "-"],
        input=json.dumps(FRAGMENT_APP), capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 1
    assert completed.stdout.startswith("<stdin>:1:")


def test_expr_reports_diagnostics_with_a_caret():
    result = run("expr", "${user.email.substring(0, 1)}")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("<expression>:1:14: P1L803 error ") and lines[0].endswith("[expression-disabled-feature]")
    assert lines[2] == "    " + " " * 13 + "^"


def test_expr_prints_the_ast_of_a_valid_expression():
    result = run("expr", "--ast", "${#string.upperCase(user.name.given)}")
    assert result.exit_code == 0
    assert result.output.strip() == "(template (#string.upperCase (. (. user name) given)))"


def test_expr_custom_attributes():
    assert "unknown-attribute" in run("expr", "${user.employeeNumber}").output
    assert run("expr", "--custom-attribute", "employeeNumber", "${user.employeeNumber}").output == ""


def test_check_custom_attributes(tmp_path):
    app = dict(FRAGMENT_APP, redirectUris=["https://portal.example.com/cb"],
               attributeMappings=[{"name": "sub", "value": "${user.id}", "required": True},
                                  {"name": "employee", "value": "${user.employeeNumber}"}])
    path = tmp_path / "app.json"
    path.write_text(json.dumps(app))
    assert "P1L806" in run("check", "--select", "P1L806", str(path)).output
    assert "P1L806" not in run("check", "--select", "P1L806", "--custom-attribute", "employeeNumber", str(path)).output


HOSTILE_TITLE = "Disabled\x1b[2J\u202e::error::forged\u2028\x85"


@pytest.fixture
def hostile_rules(tmp_path):
    from tests.support import ROOT

    text = (ROOT / "rules" / "lifecycle" / "application-disabled.yaml").read_text()
    text = text.replace("id: P1L760", "id: ACME999").replace("name: application-disabled", "name: hostile-title")
    text = text.replace("title: Application is disabled", "title: " + json.dumps(HOSTILE_TITLE))
    text = text.replace("description: >\n", "description: |\n  ::error::forged description\n", 1)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "hostile.yaml").write_text(text)
    return str(tmp_path / "rules")


def assert_escaped(output: str) -> None:
    assert not any(char in output for char in "\x1b\u202e\u2028\x85")
    assert not any(line.lstrip().startswith("::") for line in output.splitlines())


def test_rule_listing_escapes_custom_titles(hostile_rules):
    result = run("rules", "--rules", hostile_rules)
    assert result.exit_code == 0, result.output
    listed = [line for line in result.output.splitlines() if line.startswith("ACME999")]
    assert len(listed) == 1 and "\\x1b[2J\\u202e::error::forged\\u2028\\x85" in listed[0]
    assert_escaped(result.output)


def test_rule_explanation_escapes_custom_text(hostile_rules):
    result = run("rule", "--rules", hostile_rules, "ACME999")
    assert result.exit_code == 0, result.output
    assert "\\u202e" in result.output
    assert_escaped(result.output)


def test_no_standard_error_line_starts_a_workflow_command(tmp_path):
    directory = tmp_path / "::set-env name=X::y"
    directory.mkdir()
    (directory / "::error::x.json").write_text("{")
    result = subprocess.run([sys.executable, "-m", "p1lint", "check", "::set-env name=X::y/::error::x.json"],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "invalid JSON" in result.stderr
    assert not any(line.lstrip().startswith("::") for line in (result.stdout + result.stderr).splitlines())
