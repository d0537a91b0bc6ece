"""Each format against its schema or a real parser of it: a failed run never looks clean, JUnit
follows --fail-on, SARIF validates against the official 2.1.0 schema and GitHub's requirements,
GitLab Code Quality has its fields, GitHub annotations respect the per-step limits."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import junitparser
import pytest

from p1lint.findings import Finding, InputError
from p1lint.reporters import REPORTERS, Outcome, make_reporter, report
from p1lint.reporters.markdown import FINDINGS_HEADER
from p1lint.reporters.rulehelp import rule_help_source
from p1lint.selection import ActiveRule
from tests.html_support import parse_page
from tests.support import catalogue

SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
RULES = [ActiveRule(rule, rule.spec.severity) for rule in catalogue()]


def finding(rule: str = "P1L102", severity: str = "error", file: str = "apps/a.json", path: str = "/redirectUris/0",
            line: int = 3, message: str = "URI contains a fragment") -> Finding:
    name = next(active.rule.name for active in RULES if active.rule.id == rule)
    return Finding(rule, name, severity, message, file, path, line, 5, line, 20,  # type: ignore[arg-type]
                   f"https://docs.example/rules.md#{rule.lower()}-{name}")


BROKEN = InputError("apps/broken.json", 2, 7, "invalid JSON: Expecting ',' delimiter")
FINDINGS = [finding(), finding("P1L760", "info", "apps/b.yaml", "", 1, "application is disabled")]
CHECKED = ("apps/a.json", "apps/b.yaml", "apps/clean.json", "apps/broken.json")


def render(name: str, findings=FINDINGS, errors=(BROKEN,), checked=CHECKED, fail_on="error") -> str:
    stream = io.StringIO()
    outcome = Outcome(len(checked), len(errors), tuple(errors), tuple(checked), fail_on, 1.25,
                      rule_help_source(RULES))
    report(make_reporter(name, stream, color=False, quiet=False), findings, outcome)
    return stream.getvalue()


# --- a failed run never looks clean --------------------------------------------------------------

def _json_error(out: str) -> dict:
    return json.loads(out)["errors"][0]


FAILURE_SHOWN = {
    "text": lambda out: "1 file could not be checked" in out and "No problems found in 3 files" not in out,
    "full": lambda out: "1 file could not be checked" in out and "No problems found in 3 files" not in out,
    "json": lambda out: _json_error(out) == {"file": "apps/broken.json", "line": 2, "column": 7,
                                             "message": BROKEN.message},
    "json-lines": lambda out: {"type": "error", "file": "apps/broken.json", "line": 2, "column": 7,
                               "message": BROKEN.message} in [json.loads(line) for line in out.splitlines()],
    "sarif": lambda out: (json.loads(out)["runs"][0]["invocations"][0]["executionSuccessful"] is False
                          and json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
                          ["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 7}),
    "junit": lambda out: junitparser.JUnitXml.fromstring(out.encode()).errors == 1,
    "github": lambda out: out.splitlines()[0] == (
        "::error file=apps/broken.json,line=2,col=7,title=p1lint could not check this::"
        "invalid JSON: Expecting ',' delimiter"),
    "gitlab": lambda out: [issue["check_name"] for issue in json.loads(out)].count("p1lint/input-error") == 1,
    "markdown": lambda out: "## Could not be checked" in out and "| apps/broken.json | 2:7 |" in out,
    "html": lambda out: [cell.text() for cell in parse_page(out).find("section", id="not-checked").find_all("td")]
    == ["apps/broken.json", "2:7", BROKEN.message],
}


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_shows_what_could_not_be_checked(name):
    assert FAILURE_SHOWN[name](render(name))


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_a_failed_run_without_findings_does_not_look_clean(name):
    out = render(name, findings=[])
    assert FAILURE_SHOWN[name](out)
    assert "No problems found in 3 files" not in out


def test_the_text_summary_counts_files_with_problems_of_those_checked():
    assert render("text", errors=(), checked=CHECKED[:3]).splitlines()[-1] == (
        "Found 2 problems (1 error, 0 warnings, 1 info) in 2 of 3 files.")


# --- JUnit, parsed by junitparser and ElementTree ------------------------------------------------

def test_junit_follows_fail_on_and_has_a_passing_case_per_clean_file():
    xml = junitparser.JUnitXml.fromstring(render("junit").encode())
    suites = {suite.name: suite for suite in xml}
    assert list(suites) == list(CHECKED)
    assert (xml.tests, xml.failures, xml.errors, xml.time) == (4, 1, 1, 1.25)
    [failing] = list(suites["apps/a.json"])
    assert [type(result) for result in failing.result] == [junitparser.Failure]
    [info] = list(suites["apps/b.yaml"])
    assert info.is_passed and "P1L760" in info.system_out  # below --fail-on error: shown, not failed
    [clean] = list(suites["apps/clean.json"])
    assert clean.is_passed and clean.name == "no findings"
    [broken] = list(suites["apps/broken.json"])
    assert [type(result) for result in broken.result] == [junitparser.Error]


def test_junit_fail_on_info_fails_every_finding():
    xml = junitparser.JUnitXml.fromstring(render("junit", errors=(), fail_on="info").encode())
    assert (xml.tests, xml.failures, xml.errors) == (4, 2, 0)


def test_junit_test_cases_are_unique():
    twice = [finding(message="one"), finding(message="two"), finding(message="three")]
    root = ElementTree.fromstring(render("junit", findings=twice, errors=()).encode())
    names = [(case.get("classname"), case.get("name")) for case in root.iter("testcase")]
    assert len(names) == len(set(names)) == 6  # three findings and three clean files
    suite = junitparser.JUnitXml.fromstring(render("junit", findings=twice, errors=()).encode())
    assert suite.failures == 3


# --- SARIF: the official schema and GitHub's requirements ----------------------------------------

def sarif(findings=FINDINGS, errors=(BROKEN,)) -> dict:
    log = json.loads(render("sarif", findings, errors))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def test_sarif_validates_against_the_official_schema():
    assert sarif()["version"] == "2.1.0"
    assert sarif(findings=[], errors=())["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_sarif_rules_carry_what_github_code_scanning_reads():
    run = sarif()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_id = {rule.rule.id: rule.rule.spec for rule in RULES}
    for rule in rules:
        spec = by_id[rule["id"]]
        assert rule["shortDescription"]["text"] == " ".join(spec.title.split())
        assert rule["fullDescription"]["text"] == spec.description.strip()
        assert spec.rationale.strip() in rule["help"]["text"]
        assert spec.rationale.strip() in rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        assert len(rule["properties"]["tags"]) <= 20  # GitHub's limit of tags per rule
    fragment = next(rule for rule in rules if rule["id"] == "P1L102")
    assert fragment["properties"]["tags"] == ["security", "redirect-uris"]
    assert 0.0 < float(fragment["properties"]["security-severity"]) <= 10.0
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)
        assert result["partialFingerprints"]
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_fingerprints_ignore_line_and_message():
    moved = finding(line=40, message="reworded")
    first = sarif([finding()])["runs"][0]["results"][0]["partialFingerprints"]
    second = sarif([moved])["runs"][0]["results"][0]["partialFingerprints"]
    assert first == second


def test_non_security_rules_have_no_security_severity():
    run = sarif([finding("P1L002", path="/enabled")])["runs"][0]
    [rule] = run["tool"]["driver"]["rules"]
    assert rule["properties"]["tags"] == ["structure"] and "security-severity" not in rule["properties"]


# --- GitLab Code Quality -------------------------------------------------------------------------

def test_gitlab_code_quality_fields():
    issues = json.loads(render("gitlab"))
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["path"], str) and issue["location"]["lines"]["begin"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    by_rule = {issue["check_name"].split()[0]: issue for issue in issues}
    assert by_rule["P1L760"]["severity"] == "info"
    assert by_rule["P1L102"]["severity"] in {"major", "critical", "blocker"}
    assert by_rule["P1L102"]["location"] == {"path": "apps/a.json", "lines": {"begin": 3}}


# --- GitHub annotations --------------------------------------------------------------------------

def test_github_annotations_respect_the_per_step_limits_most_severe_first():
    many = ([finding("P1L760", "info", path=f"/{i}", line=i + 1) for i in range(15)]
            + [finding(path=f"/e{i}", line=i + 1) for i in range(12)]
            + [finding("P1L220", "warning", path=f"/w{i}", line=i + 1) for i in range(3)])
    lines = render("github", many, errors=()).splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    kinds = [line[2:].split(" ", 1)[0] for line in annotations]
    assert kinds.count("error") == 10 and kinds.count("warning") == 3 and kinds.count("notice") == 10
    assert kinds[:13] == ["error"] * 10 + ["warning"] * 3  # the most severe first
    summary = annotations[-1]
    assert summary.startswith("::notice title=p1lint::") and "8 findings not annotated" in summary
    plain = lines[len(annotations):]
    assert len(plain) == 8 and all(not line.startswith("::") for line in plain)


def test_github_input_errors_take_error_annotations_first():
    errors = tuple(InputError(f"apps/{i}.json", 1, 1, "invalid JSON") for i in range(3))
    annotations = render("github", [finding(path=f"/e{i}") for i in range(10)], errors).splitlines()
    assert [line.startswith("::error file=apps/") and "could not check" in line for line in annotations[:3]] == [True] * 3
    assert sum(line.startswith("::error") for line in annotations) == 10


# --- Markdown ------------------------------------------------------------------------------------

def test_markdown_escapes_html_and_markdown_in_errors_and_file_names():
    hostile = InputError("apps/<img src=x onerror=alert(1)>#[x](javascript:y).json", 1, 1, "**bold** <b>")
    out = render("markdown", [finding(file=hostile.file)], (hostile,))
    assert "<img" not in out and "<b>" not in out and "](javascript" not in out
    assert "\\*\\*bold\\*\\*" in out and "&lt;b&gt;" in out
    assert "### apps/&lt;img src=x onerror=alert\\(1\\)&gt;\\#\\[x\\]\\(javascript\\:y\\).json" in out


# --- every format names the application of each finding ------------------------------------------

APPLICATION = ("Partner portal", "7c0e8d9a-0000-4000-8000-000000000001")
ABOUT = [finding()._replace(application_name=APPLICATION[0], application_id=APPLICATION[1]),
         finding("P1L760", "info", "apps/b.yaml", "", 1, "application is disabled")._replace(
             application_id="0d4f-only-an-id")]
LABELS = ["application Partner portal, 7c0e8d9a-0000-4000-8000-000000000001", "application 0d4f-only-an-id"]


def _github_messages(out: str) -> list[str]:
    """The message of each annotation, unescaped as the runner does (`%25`, `%0D`, `%0A`)."""
    commands = [re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line) for line in out.splitlines()]
    return [m[3].replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%") for m in commands if m]


def _markdown_cells(out: str) -> list[dict[str, str]]:
    """The rows of the findings tables, as header -> cell (cells split at unescaped `|`)."""
    header = [cell.strip() for cell in FINDINGS_HEADER.strip("|").split("|")]
    rows = [line for line in out.splitlines() if re.match(r"\| \d+:\d+ \|", line)]
    return [dict(zip(header, (cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip("|"))), strict=True))
            for row in rows]


def _html_applications(out: str) -> list[str]:
    """The application each finding card names: its name (the card's own text) and its id."""
    labels = []
    for card in parse_page(out).find("section", id="findings").find_all("article", class_="finding"):
        shown = card.find("span", class_="app")
        name = "".join(part for part in shown.children if isinstance(part, str)).strip()
        ids = [element.text() for element in shown.find_all("span", class_="id")]
        labels.append(f"application {', '.join(p for p in (name, *ids) if p)}")
    return labels


NAMED_APPLICATION = {
    "text": lambda out: [line for line in out.splitlines() if " P1L" in line],
    "full": lambda out: [line for line in out.splitlines() if " P1L" in line],  # a frame is read from disk
    "json": lambda out: [f"application {', '.join(p for p in (f['application_name'], f['application_id']) if p)}"
                         for f in json.loads(out)["findings"]],
    "json-lines": lambda out: [f"application {', '.join(p for p in (r['application_name'], r['application_id']) if p)}"
                               for r in map(json.loads, out.splitlines()) if r["type"] == "finding"],
    "sarif": lambda out: [f"application {', '.join(p for p in (r['properties']['applicationName'], r['properties']['applicationId']) if p)}"
                          for r in sarif(ABOUT, ())["runs"][0]["results"]],
    "junit": lambda out: [case.result[0].message if case.result else case.system_out
                          for suite in junitparser.JUnitXml.fromstring(out.encode()) for case in suite
                          if case.name != "no findings"],
    "github": _github_messages,
    "gitlab": lambda out: [issue["description"] for issue in json.loads(out)],
    "markdown": lambda out: [f"application {row['application']}" for row in _markdown_cells(out)],
    "html": _html_applications,
}


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_names_the_application_of_each_finding(name):
    shown = NAMED_APPLICATION[name](render(name, ABOUT, errors=()))
    assert len(shown) == 2
    for text, label in zip(sorted(shown, key=lambda t: "0d4f" in t), LABELS, strict=True):
        assert label in text, (name, text)


def test_junit_shows_a_suppressed_finding_as_skipped_not_failed():
    suppressed = ABOUT[0]._replace(suppression="external", justification="ticket SEC-42")
    xml = junitparser.JUnitXml.fromstring(render("junit", [suppressed], errors=(), checked=CHECKED[:1]).encode())
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == (1, 0, 0, 1)
    [case] = list(next(iter(xml)))
    assert case.is_skipped and case.result[0].message == "suppressed: ticket SEC-42"


# --- findings about the configuration are not counted as an input file with findings -------------

def test_findings_about_the_configuration_are_counted_apart_in_every_summary():
    entry = finding("P1L031", "warning", "pyproject.toml", "/tool/p1lint/suppress/0", 12, "P1L102 suppressed nothing")
    stream = io.StringIO()
    outcome = Outcome(3, 0, (), CHECKED[:3], "error", 0.5, rule_help_source(RULES), configuration=("pyproject.toml",))
    findings = [*FINDINGS[:1], entry]
    report(make_reporter("text", stream, color=False, quiet=False), findings, outcome)
    assert stream.getvalue().splitlines()[-1] == (
        "Found 2 problems (1 error, 1 warning, 0 infos) in 1 of 3 files and in pyproject.toml.")
    for name in ("json", "json-lines"):
        stream = io.StringIO()
        report(make_reporter(name, stream, color=False, quiet=False), findings, outcome)
        summary = [json.loads(line) for line in stream.getvalue().splitlines()][-1] if name == "json-lines" else (
            json.loads(stream.getvalue())["summary"])
        assert (summary["files"], summary["files_with_findings"], summary["configuration_findings"]) == (3, 1, 1)
    stream = io.StringIO()
    report(make_reporter("markdown", stream, color=False, quiet=False), findings, outcome)
    assert "| 3 | 1 | 0 | 1 | 1 | 0 |" in stream.getvalue()
    assert "1 finding is about the configuration (pyproject.toml), not an input file." in stream.getvalue()
