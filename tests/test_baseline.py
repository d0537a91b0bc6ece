"""Baselines: written, applied (counted, line-independent), and rejected when malformed."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from p1lint.baseline import BaselineError, Key, apply_baseline, load_baseline
from p1lint.cli import cli
from p1lint.findings import Finding
from tests.support import FIXTURES

BASE = Path.cwd()


def finding(line: int, message: str = "m", rule: str = "P1L102") -> Finding:
    return Finding(rule, "n", "error", message, "apps/a.json", "/redirectUris/0", line, 5, line, 9, "d")


def test_matching_ignores_lines_but_not_messages():
    accepted = Counter([Key.of(finding(3), BASE)])
    filtered = apply_baseline([finding(30), finding(31, message="other")], accepted, BASE)
    assert (filtered.findings, filtered.suppressed, filtered.unmatched) == ([finding(31, message="other")], 1, 0)


def test_entries_are_counted():
    accepted = Counter([Key.of(finding(3), BASE)])
    filtered = apply_baseline([finding(3), finding(4)], accepted, BASE)
    assert (len(filtered.findings), filtered.suppressed) == (1, 1)


def test_stale_entries_are_counted():
    accepted = Counter([Key.of(finding(3), BASE), Key.of(finding(3, rule="P1L999"), BASE)])
    assert apply_baseline([finding(3)], accepted, BASE).unmatched == 1


@pytest.mark.parametrize(
    ("text", "fragment"),
    [('{"findings": [', ":2:1: invalid baseline"), ("[]", "expected"), ('{"findings": [{"file": "a"}]}', "lacks 'rule'")],
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
    assert written.exit_code == 0 and json.loads((tmp_path / "base.json").read_text())["findings"]
    clean = runner.invoke(cli, ["check", "--baseline", "base.json", "--format", "json", "app.json"])
    assert (clean.exit_code, json.loads(clean.stdout)["findings"]) == (0, [])
    assert "findings accepted by the baseline" in clean.stderr
    missing = runner.invoke(cli, ["check", "--baseline", "nope.json", "app.json"])
    assert missing.exit_code == 2 and missing.stderr.startswith("nope.json:1:1: cannot read baseline")


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
