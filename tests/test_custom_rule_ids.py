"""A team's own rules (`--rules`) take an id prefix of their own (`ACME001`): selected, listed,
explained and reported like p1lint's, linked to their first reference when they name no `docs`;
an id of p1lint's own prefix (`P1L`) in a `--rules` directory is a load error at its `id`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from tests.test_report_formats import SARIF_SCHEMA
from tests.test_rule_loading import VALID

REFERENCE = "https://wiki.example.com/naming"
FRAGMENT_APP = {"name": "billing", "protocol": "OPENID_CONNECT", "type": "WEB_APP", "enabled": True,
                "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"],
                "redirectUris": ["https://app.example.com/cb#x"], "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC"}


def rules_directory(tmp_path: Path, text: str = VALID.replace("ACME990", "ACME001")) -> str:
    directory = tmp_path / "team-rules"
    directory.mkdir(exist_ok=True)
    (directory / "prefix.yaml").write_text(text, encoding="utf-8")
    return str(directory)


@pytest.fixture
def app(tmp_path: Path) -> str:
    path = tmp_path / "app.json"
    path.write_text(json.dumps(FRAGMENT_APP, indent=2), encoding="utf-8")
    return str(path)


def check(*args: str):
    return CliRunner().invoke(cli, ["check", "--no-config", "--no-cache", *args])


def test_select_by_the_teams_prefix_runs_its_rules_only(tmp_path, app):
    result = check("--rules", rules_directory(tmp_path), "--select", "ACME", "--format", "json", app)
    assert result.exit_code == 0, result.output  # a warning, below --fail-on error
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["name"], finding["docs"]) == ("ACME001", "custom-name-prefix", REFERENCE)


def test_the_teams_rules_run_beside_p1lints_and_ignore_by_prefix_takes_them_out(tmp_path, app):
    rules = rules_directory(tmp_path)
    both = {f["rule"] for f in json.loads(check("--rules", rules, "--format", "json", app).stdout)["findings"]}
    assert {"ACME001", "P1L102"} <= both
    without = json.loads(check("--rules", rules, "--ignore", "ACME", "--format", "json", app).stdout)
    assert "ACME001" not in {f["rule"] for f in without["findings"]} and "P1L102" in {
        f["rule"] for f in without["findings"]}


def test_a_custom_rule_in_sarif_links_its_reference_and_the_tool_links_p1lints_reference(tmp_path, app):
    result = check("--rules", rules_directory(tmp_path), "--select", "ACME001,P1L102", "--format", "sarif", app)
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert rules["ACME001"]["helpUri"] == REFERENCE
    assert rules["ACME001"]["shortDescription"]["text"] == "Application names start with the team prefix"
    assert rules["P1L102"]["helpUri"].startswith(driver["informationUri"] + "#")
    assert driver["informationUri"].endswith("rules.md")


def test_docs_named_in_the_rule_file_win_over_the_first_reference(tmp_path, app):
    text = VALID.replace("ACME990", "ACME001").replace("given:", "docs: https://rules.example.com/acme001\ngiven:")
    result = check("--rules", rules_directory(tmp_path, text), "--select", "ACME", "--format", "json", app)
    assert [f["docs"] for f in json.loads(result.stdout)["findings"]] == ["https://rules.example.com/acme001"]


def test_the_teams_rules_are_listed_and_explained(tmp_path):
    rules = rules_directory(tmp_path)
    listed = CliRunner().invoke(cli, ["rules", "--rules", rules])
    assert listed.exit_code == 0 and [line for line in listed.output.splitlines() if line.startswith("ACME001")]
    explained = CliRunner().invoke(cli, ["rule", "--rules", rules, "acme001"])
    assert explained.exit_code == 0 and explained.output.startswith("ACME001 custom-name-prefix")


@pytest.mark.parametrize("taken", ["P1L990", "P1L102"])  # free today, or a built-in's
def test_a_p1l_id_in_a_rules_directory_is_a_load_error_at_its_id(tmp_path, app, taken):
    rules = rules_directory(tmp_path, VALID.replace("ACME990", taken))
    result = check("--rules", rules, app)
    assert result.exit_code == 2 and result.stdout == ""
    [error] = result.stderr.splitlines()
    assert error.startswith(f"{Path(rules) / 'prefix.yaml'}:1:5: id: the id prefix P1L belongs to p1lint's own rules")
