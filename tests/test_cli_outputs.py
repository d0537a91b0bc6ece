"""Where reports go: `-o FILE`, several formats in one run (`--format text --format sarif=out.sarif`),
files written whole, and finding links that point at the configured documentation."""

from __future__ import annotations

import json
import os
from pathlib import Path

import junitparser
import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from tests.test_cli import FRAGMENT_APP


def run(*args: str):
    return CliRunner().invoke(cli, ["check", "--no-config", "--select", "P1L102", *args])


@pytest.fixture
def inputs(tmp_path):
    bad = tmp_path / "portal.json"
    bad.write_text(json.dumps(FRAGMENT_APP, indent=2))
    broken = tmp_path / "broken.json"
    broken.write_text("{\n  \"name\": \n")
    return str(bad), str(broken)


def test_several_formats_in_one_run(tmp_path, inputs):
    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    result = run("--format", "text", "--format", f"sarif={sarif}", "--format", f"junit={junit}", inputs[0])
    assert result.exit_code == 1
    assert "P1L102" in result.stdout and "Found 1 problem" in result.stdout
    assert [r["ruleId"] for r in json.loads(sarif.read_text())["runs"][0]["results"]] == ["P1L102"]
    assert junitparser.JUnitXml.fromfile(str(junit)).failures == 1


def test_output_file_takes_the_format_without_a_file(tmp_path, inputs):
    out = tmp_path / "report.json"
    result = run("--format", "json", "-o", str(out), *inputs)
    assert result.exit_code == 2 and result.stdout == ""
    document = json.loads(out.read_text())
    assert [f["rule"] for f in document["findings"]] == ["P1L102"]
    assert [error["file"] for error in document["errors"]] == [inputs[1]]


@pytest.mark.parametrize("how", ["text=FILE", "full=FILE", "-o FILE", "-o FILE --quiet"])
def test_a_text_report_file_holds_the_input_errors_too(tmp_path, inputs, how):
    out = tmp_path / "report.txt"
    given = how.replace("FILE", str(out)).split()
    result = run(*(given if how.startswith("-o") else ["--format", *given]), *inputs)
    assert result.exit_code == 2 and result.stdout == ""
    lines = out.read_text().splitlines()
    error = f"{inputs[1]}:3:1: invalid JSON: Expecting value"
    assert error in result.stderr.splitlines() and error in lines  # on standard error, and in the report
    assert lines[0].startswith(f"{inputs[0]}:") and " P1L102 error " in lines[0]
    following = lines[lines.index(error) + 1:]
    assert following == ([] if "--quiet" in given else
                         ["1 file could not be checked (see above).", "", "Found 1 problem (1 error, 0 warnings, "
                          "0 infos) in 1 file."])


def test_a_text_report_on_standard_output_leaves_input_errors_to_standard_error(inputs):
    result = run(*inputs)
    assert result.exit_code == 2
    assert "invalid JSON" in result.stderr and "invalid JSON" not in result.stdout


def test_two_reports_to_one_place_are_a_usage_error(inputs):
    result = run("--format", "text", "--format", "json", inputs[0])
    assert result.exit_code == 2 and "two formats would be written to standard output" in result.stderr


def test_an_unknown_format_is_a_usage_error(inputs):
    result = run("--format", "xml=out.xml", inputs[0])
    assert result.exit_code == 2 and "unknown format 'xml'" in result.output


def test_a_report_file_that_cannot_be_written_fails_the_run_and_keeps_the_others(tmp_path, inputs):
    good = tmp_path / "good.json"
    result = run("--format", f"json={good}", "--format", f"sarif={tmp_path / 'missing' / 'x.sarif'}", inputs[0])
    assert result.exit_code == 2 and "cannot write" in result.stderr
    assert json.loads(good.read_text())["findings"]


def test_report_files_are_replaced_whole(tmp_path, inputs, monkeypatch):
    out = tmp_path / "report.json"
    out.write_text("old report")
    out.chmod(0o640)

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    result = run("--format", f"json={out}", inputs[0])
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert out.read_text() == "old report" and sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["portal.json", "broken.json", "report.json"])  # no temporary file left behind
    monkeypatch.undo()
    assert run("--format", f"json={out}", inputs[0]).exit_code == 1
    assert json.loads(out.read_text())["findings"] and oct(out.stat().st_mode & 0o777) == "0o640"


def test_docs_url_points_finding_links_at_a_published_reference(inputs):
    url = "https://git.example.com/p1lint/blob/v1/docs/rules.md"
    document = json.loads(run("--format", "json", "--docs-url", url, inputs[0]).stdout)
    assert document["findings"][0]["docs"] == f"{url}#p1l102-redirect-uri-no-fragment"


def test_the_default_docs_link_is_the_shipped_reference(inputs):
    docs = json.loads(run("--format", "json", inputs[0]).stdout)["findings"][0]["docs"]
    page, anchor = docs.split("#")
    path = Path(page.removeprefix("file://"))
    assert page.startswith("file://") and anchor == "p1l102-redirect-uri-no-fragment"
    assert "\n### P1L102 redirect-uri-no-fragment\n" in path.read_text(encoding="utf-8")


def test_docs_url_from_the_configuration(tmp_path, inputs, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "p1lint.toml").write_text('docs-url = "https://docs.example.org/p1lint/rules.md"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "P1L102", inputs[0]])
    assert json.loads(result.stdout)["findings"][0]["docs"].startswith("https://docs.example.org/p1lint/rules.md#")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://x.example/rules.md#top", "ftp://x/y"])
def test_docs_url_must_be_a_web_page(inputs, url):
    result = run("--docs-url", url, inputs[0])
    assert result.exit_code == 2 and "--docs-url must be an http(s) URL" in result.stderr
