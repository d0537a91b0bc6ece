"""Every output format renders the same findings faithfully and escapes what it must."""

from __future__ import annotations

import io
import json
from xml.etree import ElementTree

import pytest

from p1lint.findings import Finding
from p1lint.reporters import REPORTERS, Outcome, make_reporter, report
from tests.html_support import parse_page

FINDINGS = [
    Finding("P1L102", "redirect-uri-no-fragment", "error", 'URI "https://a/cb#x" contains a fragment, 100%',
            "apps/a.json", "/redirectUris/0", 3, 5, 3, 23, "https://docs/rules.md#p1l102"),
    Finding("P1L720", "application-disabled", "info", "line one\nline two: done",
            "/abs/b.yaml", "", 1, 1, 9, 2, "https://docs/rules.md#p1l720"),
]


def render(name: str, findings=FINDINGS, files: int = 2, **outcome) -> str:
    stream = io.StringIO()
    report(make_reporter(name, stream, color=False, quiet=False), findings, Outcome(files, **outcome))
    return stream.getvalue()


def test_text():
    lines = render("text").splitlines()
    assert lines[0] == 'apps/a.json:3:5: P1L102 error URI "https://a/cb#x" contains a fragment, 100% [redirect-uri-no-fragment]'
    assert lines[-1] == "Found 2 problems (1 error, 0 warnings, 1 info) in 2 of 2 files."


def test_text_without_findings():
    assert render("text", [], 3) == "No problems found in 3 files.\n"


def test_json():
    document = json.loads(render("json"))
    shown = {k: v for k, v in FINDINGS[0]._asdict().items() if k not in ("suppression", "justification", "expires")}
    assert document["findings"][0] == shown
    assert list(document["findings"][1])[6:10] == ["line", "column", "end_line", "end_column"]
    assert (document["findings"][1]["end_line"], document["findings"][1]["end_column"]) == (9, 2)
    assert document["summary"] == {"files": 2, "files_with_findings": 2, "unreadable": 0, "errors": 1,
                                   "warnings": 0, "infos": 1, "input_errors": 0,
                                   "configuration_findings": 0}
    assert document["errors"] == []


def test_github_annotations_escape_data_and_properties():
    lines = render("github").splitlines()
    assert lines[0] == (
        "::error file=apps/a.json,line=3,endLine=3,col=5,endColumn=23,title=P1L102 redirect-uri-no-fragment::"
        'URI "https://a/cb#x" contains a fragment, 100%25 (https://docs/rules.md#p1l102)'
    )
    assert lines[1].startswith("::notice file=/abs/b.yaml,line=1,col=1,title=P1L720 application-disabled::line one%0Aline two: done")


@pytest.mark.parametrize(
    ("span", "properties"),
    [
        ((3, 5, 3, 23), "line=3,endLine=3,col=5,endColumn=23"),
        ((3, 5, 3, 5), "line=3,endLine=3,col=5,endColumn=5"),  # an empty value (YAML `key:`)
        ((3, 5, 9, 2), "line=3,col=5"),  # columns only on one line; no end below the start
    ],
)
def test_github_annotations_give_the_end_of_a_value_on_one_line(span, properties):
    line, column, end_line, end_column = span
    finding = FINDINGS[0]._replace(line=line, column=column, end_line=end_line, end_column=end_column)
    assert render("github", [finding]).split(" ", 1)[1].startswith(f"file=apps/a.json,{properties},title=")


def test_sarif_relative_uris_are_percent_encoded():
    spaced = FINDINGS[0]._replace(file="dir with space/ä.json")
    location = json.loads(render("sarif", [spaced]))["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "dir%20with%20space/%C3%A4.json"


def test_sarif():
    log = json.loads(render("sarif"))
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["P1L102", "P1L720"]
    first, second = run["results"]
    assert (first["ruleId"], first["level"]) == ("P1L102", "error")
    location = first["locations"][0]["physicalLocation"]
    region = {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 23}
    assert location == {"artifactLocation": {"uri": "apps/a.json"}, "region": region}
    assert second["level"] == "note"
    assert second["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 1, "endLine": 9, "endColumn": 2}
    assert second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file:///abs/b.yaml"


def test_junit_is_valid_xml_with_one_case_per_finding():
    root = ElementTree.fromstring(render("junit").split("\n", 1)[1])
    assert root.get("tests") == "2"
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == ["apps/a.json", "/abs/b.yaml"]
    failure = suites[0].find("testcase/failure")
    assert failure.get("message") == FINDINGS[0].message


EMPTY_OUTPUT_CHECKS = {
    "text": lambda out: out == "No problems found in 0 files.\n",
    "full": lambda out: out == "No problems found in 0 files.\n",
    "json": lambda out: json.loads(out)["findings"] == [],
    "sarif": lambda out: json.loads(out)["runs"][0]["results"] == [],
    "junit": lambda out: ElementTree.fromstring(out.split("\n", 1)[1]).get("tests") == "0",
    "github": lambda out: out == "",
    "markdown": lambda out: "| 0 | 0 | 0 | 0 | 0 | 0 |" in out and "## Findings" not in out,
    "gitlab": lambda out: json.loads(out) == [],
    "json-lines": lambda out: [json.loads(line)["type"] for line in out.splitlines()] == ["summary"],
    "html": lambda out: ([total.find("span", class_="count").text() for total in parse_page(out).find_all("li", class_="total")]
                         == ["0", "0", "0"] and parse_page(out).find_all("article", class_="finding") == []),
}


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_handles_no_findings(name):
    assert EMPTY_OUTPUT_CHECKS[name](render(name, [], 0))


def test_markdown_report_groups_rules_and_files():
    text = render("markdown")
    assert "| 2 | 2 | 0 | 1 | 0 | 1 |" in text  # checked, with findings, not checked, errors, warnings, infos
    rules = text.split("## Rules")[1].split("## Findings")[0]
    assert rules.index("P1L102") < rules.index("P1L720")  # errors first
    assert "### apps/a.json" in text and "| 3:5 | P1L102 | error |" in text
    assert "100%" in text and "line one line two" in text  # cells stay on one line


def test_control_characters_never_reach_the_terminal():
    hostile = FINDINGS[0]._replace(file="apps/\x1b[2Ja.json", message="bad\x1b]0;title\x07 value")
    for name in ("text", "github", "markdown", "junit", "html"):
        output = render(name, [hostile])
        assert "\x1b" not in output and "\x07" not in output
        assert "\\x1b" in output
    ElementTree.fromstring(render("junit", [hostile]).split("\n", 1)[1])  # still well-formed XML


HOSTILE_TEXT = "a\u202eb\u2066c\u0085d\u009be\u2028f\u2029g\u200bh\ufeffi\ufffej\uffffk\udcffl\U000e0041m"
INVISIBLE = "\u202e\u2066\u0085\u009b\u2028\u2029\u200b\ufeff\ufffe\uffff\udcff\U000e0041"


@pytest.mark.parametrize("name", ["text", "github", "markdown", "junit"])
def test_bidi_c1_separators_invisible_and_unpaired_characters_are_escaped(name):
    hostile = FINDINGS[0]._replace(file=f"apps/{HOSTILE_TEXT}.json", message=f"bad {HOSTILE_TEXT}")
    output = render(name, [hostile])
    assert not any(char in output for char in INVISIBLE)
    assert "\\u202e" in output and "\\x85" in output and "\\udcff" in output
    output.encode("utf-8")  # no lone surrogate is left to fail the output stream


def test_junit_stays_well_formed_xml_with_noncharacters_and_surrogates():
    hostile = FINDINGS[0]._replace(file="a\udcff\ufffe.json", message="m\uffff\ud800\x00", path="/x\ufffe")
    root = ElementTree.fromstring(render("junit", [hostile]).split("\n", 1)[1].encode("utf-8"))
    assert root.find("testsuite").get("name") == "a\\udcff\\ufffe.json"
    assert root.find("testsuite/testcase/failure").get("message") == "m\\uffff\\ud800\\x00"


@pytest.mark.parametrize("file", ["::error::x.json", "  ::set-env name=A::b.json", "##[error]x.json", "##vso[task.setvariable]x"])
def test_no_line_of_text_output_starts_a_workflow_command(file):
    output = render("text", [FINDINGS[0]._replace(file=file)])
    assert not any(line.lstrip().startswith(("::", "##")) for line in output.splitlines())


@pytest.mark.parametrize("file", ["::error::x.json", "a,b:c%0A.json"])
def test_github_properties_are_escaped(file):
    line = render("github", [FINDINGS[0]._replace(file=file)]).splitlines()[0]
    properties = line.split(" ", 1)[1].split("::", 1)[0]
    assert properties.startswith("file=") and properties.count(",") == 5
    assert properties.split(",")[0] == "file=" + file.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")


def test_markdown_escapes_html_links_images_and_mentions():
    message = 'see <script>alert(1)</script> [click](javascript:alert(1)) ![x](https://evil/p.png) @org/team *bold* `code`'
    row = render("markdown", [FINDINGS[0]._replace(message=message)]).splitlines()[-1]
    assert "<" not in row and "&lt;script&gt;" in row
    assert "](" not in row and "javascript:" not in row and "https:" not in row
    assert "@org" not in row and "@&#8203;org/team" in row
    assert "\\*bold\\*" in row and "\\`code\\`" in row


def test_markdown_links_only_plain_http_documentation():
    hostile = FINDINGS[0]._replace(docs="javascript:alert(1)")
    text = render("markdown", [hostile, FINDINGS[1]])
    assert "](javascript" not in text and "javascript\\:alert\\(1\\)" in text
    assert "[P1L720 application-disabled](https://docs/rules.md#p1l720)" in text


IDENTIFIED = FINDINGS[0]._replace(application_id="7c0e8d9a-0000-4000-8000-000000000001",
                                  application_name="Partner portal", fingerprint="0123456789abcdef")


def test_the_application_and_fingerprint_are_shown():
    assert "(application Partner portal, 7c0e8d9a-0000-4000-8000-000000000001) [redirect-uri-no-fragment]" in render(
        "text", [IDENTIFIED])
    finding = json.loads(render("json", [IDENTIFIED]))["findings"][0]
    assert (finding["application_id"], finding["application_name"], finding["fingerprint"]) == (
        IDENTIFIED.application_id, "Partner portal", "0123456789abcdef")
    [result] = json.loads(render("sarif", [IDENTIFIED]))["runs"][0]["results"]
    assert result["partialFingerprints"] == {"p1lint/v1": "0123456789abcdef"}
    assert result["properties"]["applicationName"] == "Partner portal"


def test_a_suppressed_finding_shown_is_not_counted():
    suppressed = IDENTIFIED._replace(suppression="inSource", justification="ticket 42")
    lines = render("text", [suppressed]).splitlines()
    assert lines[0].endswith("(suppressed: ticket 42) [redirect-uri-no-fragment]")
    assert lines[-1] == "No problems found in 2 files."
    [result] = json.loads(render("sarif", [suppressed]))["runs"][0]["results"]
    assert result["suppressions"] == [{"kind": "inSource", "justification": "ticket 42"}]
