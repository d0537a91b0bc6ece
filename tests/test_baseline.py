"""Baselines: matched by fingerprint, so they survive reformatting and reordering; stale entries
are listed and pruned; old and malformed baseline files are rejected with a clear line."""

from __future__ import annotations

import copy
import json
import shutil

import pytest
import yaml
from click.testing import CliRunner

from p1lint.baseline import BaselineError, Entry, apply_baseline, load_baseline, write_baseline
from p1lint.cli import cli
from tests.support import FIXTURES, lint

APPS = [
    {"id": "7c0e8d9a-0000-4000-8000-000000000001", "name": "Partner portal", "type": "WEB_APP",
     "protocol": "OPENID_CONNECT", "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"],
     "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC", "pkceEnforcement": "S256_REQUIRED",
     "redirectUris": ["https://portal.example.com/ok", "https://portal.example.com/cb#one",
                      "http://portal.example.com/plain"]},
    {"name": "Expenses", "type": "WEB_APP", "protocol": "OPENID_CONNECT",
     "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"],
     "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC", "pkceEnforcement": "S256_REQUIRED",
     "redirectUris": ["https://expenses.example.com/cb#two"]},
]


def _reordered(apps):
    moved = copy.deepcopy(apps)[::-1]
    for app in moved:
        app["redirectUris"].reverse()
    return moved


REWRITES = {
    "re-indented JSON": lambda path, apps: path.write_text(json.dumps(apps, indent=8, sort_keys=True)),
    "one line of JSON": lambda path, apps: path.write_text(json.dumps(apps, separators=(",", ":"))),
    "reordered applications and list elements": lambda path, apps: path.write_text(json.dumps(_reordered(apps))),
    "an element removed before the offending ones": lambda path, apps: path.write_text(json.dumps(
        [{**apps[0], "redirectUris": apps[0]["redirectUris"][1:]}, apps[1]])),
}


@pytest.fixture
def written(tmp_path):
    path = tmp_path / "apps.json"
    path.write_text(json.dumps(APPS, indent=2))
    findings = lint(path).findings
    baseline = tmp_path / "baseline.json"
    write_baseline(baseline, findings)
    assert len(findings) >= 4
    return path, baseline, findings


@pytest.mark.parametrize("rewrite", REWRITES, ids=list(REWRITES))
def test_the_baseline_survives(written, rewrite):
    path, baseline, findings = written
    REWRITES[rewrite](path, APPS)
    filtered = apply_baseline(lint(path).findings, load_baseline(baseline), baseline)
    assert filtered.findings == []
    assert filtered.suppressed == len(findings)
    assert all(f.suppression == "external" for f in filtered.accepted)


def test_the_baseline_survives_yaml_to_json(tmp_path):
    yaml_path, json_path = tmp_path / "apps.yaml", tmp_path / "apps.json"
    yaml_path.write_text(yaml.safe_dump(APPS))
    json_path.write_text(json.dumps(APPS))
    from_yaml = {(f.rule, f.fingerprint) for f in lint(yaml_path).findings}
    from_json = {(f.rule, f.fingerprint) for f in lint(json_path).findings}
    paths_yaml = {(f.rule, f.application_name, f.path) for f in lint(yaml_path).findings}
    assert paths_yaml == {(f.rule, f.application_name, f.path) for f in lint(json_path).findings}
    # the file name is part of the identity; everything else is the same
    assert len(from_yaml) == len(from_json) and from_yaml != from_json


def test_a_changed_value_is_a_new_finding_and_its_old_entry_is_stale(written):
    path, baseline, _ = written
    changed = copy.deepcopy(APPS)
    changed[1]["redirectUris"] = ["https://expenses.example.com/cb#three"]
    path.write_text(json.dumps(changed))
    filtered = apply_baseline(lint(path).findings, load_baseline(baseline), baseline)
    assert [(f.rule, f.application_name) for f in filtered.findings] == [("P1L102", "Expenses")]
    assert [(e.rule, e.application) for e in filtered.stale] == [("P1L102", "Expenses")]


def test_fingerprints_never_depend_on_a_secret(tmp_path):
    first, second = copy.deepcopy(APPS[:1]), copy.deepcopy(APPS[:1])
    first[0]["redirectUris"] = ["https://portal.example.com/cb?client_secret=hunter2#x"]
    second[0]["redirectUris"] = ["https://portal.example.com/cb?client_secret=swordfish#x"]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "apps.json").write_text(json.dumps(first))
    (tmp_path / "b" / "apps.json").write_text(json.dumps(second))
    (tmp_path / "a" / ".git").mkdir()
    (tmp_path / "b" / ".git").mkdir()  # two repositories: the same repository-relative file
    one = {(f.rule, f.fingerprint) for f in lint(tmp_path / "a" / "apps.json").findings}
    other = {(f.rule, f.fingerprint) for f in lint(tmp_path / "b" / "apps.json").findings}
    assert one == other


def test_entries_are_counted(written):
    path, baseline, findings = written
    duplicated = copy.deepcopy(APPS)
    duplicated.append(copy.deepcopy(APPS[0]))  # the same application twice: twice the findings
    path.write_text(json.dumps(duplicated))
    filtered = apply_baseline(lint(path).findings, load_baseline(baseline), baseline)
    assert filtered.suppressed == len(findings) and filtered.findings


def test_a_format_1_baseline_is_refused_with_a_way_forward(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"version": 1, "findings": [
        {"file": "a.json", "rule": "P1L102", "path": "/redirectUris/0", "message": "m"}]}))
    with pytest.raises(BaselineError, match="--write-baseline") as raised:
        load_baseline(path)
    assert str(raised.value).startswith(f"{path}:1:1: baseline format 1")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [('{"findings": [', ":2:1: invalid baseline"), ("[]", "expected"),
     ('{"version": 2, "findings": [{"fingerprint": "a"}]}', "lacks 'rule'")],
)
def test_malformed_baselines(tmp_path, text, fragment):
    path = tmp_path / "baseline.json"
    path.write_text(text.replace("[", "[\n", 1) if fragment.startswith(":2") else text)
    with pytest.raises(BaselineError, match=fragment.lstrip(":")) as raised:
        load_baseline(path)
    assert str(raised.value).startswith(str(path))


def test_command_line_round_trip(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "bad" / "cors-expense-spa.json", "app.json")
    runner = CliRunner()
    written = runner.invoke(cli, ["check", "--write-baseline", "base.json", "app.json"])
    entries = json.loads((tmp_path / "base.json").read_text())["findings"]
    assert written.exit_code == 0 and entries and all(set(e) == set(Entry._fields) for e in entries)
    clean = runner.invoke(cli, ["check", "--baseline", "base.json", "--format", "json", "app.json"])
    assert (clean.exit_code, json.loads(clean.stdout)["findings"]) == (0, [])
    assert "findings accepted by the baseline" in clean.stderr
    missing = runner.invoke(cli, ["check", "--baseline", "nope.json", "app.json"])
    assert missing.exit_code == 2 and missing.stderr.startswith("nope.json:1:1: cannot read baseline")


def test_stale_entries_are_listed_and_pruned_by_update(written, monkeypatch):
    path, baseline, _ = written
    monkeypatch.chdir(path.parent)
    path.write_text(json.dumps(APPS[:1]))  # Expenses is gone: its entry is stale
    runner = CliRunner()
    listed = runner.invoke(cli, ["check", "--baseline", str(baseline), str(path)])
    assert listed.exit_code == 0
    assert "no longer matched in" in listed.stderr and "P1L102 at /1/redirectUris/0 (Expenses)" in listed.stderr
    before = len(load_baseline(baseline))
    updated = runner.invoke(cli, ["check", "--baseline", str(baseline), "--update-baseline", str(path)])
    assert updated.exit_code == 0 and "pruned from" in updated.stderr and "(Expenses)" in updated.stderr
    left = load_baseline(baseline)
    assert len(left) < before and all(e.application != "Expenses" for e in left)
    again = runner.invoke(cli, ["check", "--baseline", str(baseline), str(path)])
    assert again.exit_code == 0 and "no longer matched" not in again.stderr


def test_update_needs_a_baseline(tmp_path):
    result = CliRunner().invoke(cli, ["check", "--update-baseline", str(FIXTURES / "good" / "single-page-app.json")])
    assert result.exit_code == 2 and "--update-baseline needs --baseline" in result.stderr


def test_sarif_shows_accepted_findings_as_external_suppressions(written, monkeypatch):
    path, baseline, findings = written
    result = CliRunner().invoke(cli, ["check", "--baseline", str(baseline), "--format", "sarif", str(path)])
    assert result.exit_code == 0
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert len(results) == len(findings)
    assert all(r["suppressions"][0]["kind"] == "external" for r in results)
    assert {r["partialFingerprints"]["p1lint/v1"] for r in results} == {f.fingerprint for f in findings}


def test_paths_match_from_any_directory_and_spelling(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "bad" / "cors-expense-spa.json", tmp_path / "app.json")
    shutil.copy(FIXTURES / "bad" / "cors-expense-spa.json", tmp_path / "sub" / "app.json")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    runner.invoke(cli, ["check", "--write-baseline", "base.json", "app.json"])
    absolute = runner.invoke(cli, ["check", "--baseline", "base.json", str(tmp_path / "app.json")])
    assert absolute.exit_code == 0
    monkeypatch.chdir(tmp_path / "sub")
    other_file = runner.invoke(cli, ["check", "--baseline", "../base.json", "app.json"])
    assert other_file.exit_code == 1  # sub/app.json is not the file the baseline accepted
    same_file = runner.invoke(cli, ["check", "--baseline", "../base.json", "../app.json"])
    assert same_file.exit_code == 0


def test_unwritable_baseline_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["check", "--write-baseline", str(tmp_path / "no" / "dir.json"),
                                      str(FIXTURES / "good" / "single-page-app.json")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'no' / 'dir.json'}:1:1: cannot write baseline")
