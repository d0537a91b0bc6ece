"""The HTML report (`--format html`): parsed and checked structurally against the JSON report of
the same run; self-contained (nothing from the network); every value from the input escaped;
no secret in it, code frames included."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from p1lint.documents.sources import read_source
from p1lint.html.codeframes import redacted_lines
from tests.html_support import Element, parse_page
from tests.support import FIXTURES, ROOT
from tests.test_suppression_config import APP

ACME = FIXTURES / "environments" / "acme" / "snapshot.yaml"
HOSTILE = FIXTURES / "bad" / "report-hostile-names.json"


def check(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "p1lint", "check", "--no-cache", "--no-config", *arguments],
                          capture_output=True, text=True, check=False, cwd=cwd)


def reports(tmp_path: Path, *inputs: str, cwd: Path | None = None) -> tuple[Element, str, dict]:
    """The HTML report (parsed, and as text) and the JSON report of one run over `inputs`."""
    page = tmp_path / "report.html"
    result = check("--format", f"html={page}", "--format", "json", *inputs, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    text = page.read_text(encoding="utf-8")
    return parse_page(text), text, json.loads(result.stdout)


def counts(tree: Element) -> dict[str, str]:
    return {total.attrs["data-total"]: total.find("span", class_="count").text()
            for total in tree.find_all("li", class_="total")}


def test_the_totals_are_those_of_the_run(tmp_path):
    tree, _, document = reports(tmp_path, str(ACME))
    summary = document["summary"]
    assert counts(tree) == {"error": str(summary["errors"]), "warning": str(summary["warnings"]),
                            "info": str(summary["infos"])}
    assert summary["errors"] > 0 and summary["warnings"] > 0


def test_each_finding_shows_its_rule_message_location_link_and_frame(tmp_path):
    tree, _, document = reports(tmp_path, str(ACME))
    articles = tree.find("section", id="findings").find_all("article", class_="finding")
    assert len(articles) == len(document["findings"])
    for article, finding in zip(articles, document["findings"], strict=True):
        assert article.attrs["data-severity"] == finding["severity"]
        link = article.find("a", class_="rule")
        assert link.text() == f"{finding['rule']} {finding['name']}" and link.attrs["href"] == finding["docs"]
        assert article.find("p", class_="message").text() == finding["message"]
        assert article.find("span", class_="location").text() == f"{finding['file']}:{finding['line']}:{finding['column']}"
        marked = [row.find("span", class_="ln").text() for row in article.find_all("span", class_="marked")]
        assert marked[0] == str(finding["line"])


def test_the_code_frame_shows_the_lines_of_the_input(tmp_path):
    tree, _, _ = reports(tmp_path, str(ACME))
    lines = ACME.read_text(encoding="utf-8").splitlines()
    article = tree.find("section", id="findings").find_all("article", class_="finding")[0]
    for row in article.find_all("span", class_="frame-line"):
        number = int(row.find("span", class_="ln").text())
        assert row.text() == f"{number}{lines[number - 1]}"


def bars(tree: Element, title: str) -> dict[str, int]:
    figure = next(f for f in tree.find_all("figure", class_="chart") if f.find("figcaption").text() == title)
    return {bar.attrs["data-label"]: int(bar.find("text", class_="value").text()) for bar in figure.find_all("g", class_="bar")}


def test_the_charts_count_every_finding_by_category_and_by_application(tmp_path):
    tree, _, document = reports(tmp_path, str(ACME))
    findings = document["findings"]
    by_category = bars(tree, "Findings by category")
    assert sum(by_category.values()) == len(findings)
    assert {"access", "policies", "requests"} <= by_category.keys()
    by_application = bars(tree, "Findings by application")
    assert sum(by_application.values()) == len(findings)
    named = [f["application_name"] for f in findings if f["application_name"]]
    top = max(set(named), key=named.count)
    assert by_application[top] == named.count(top)


def test_the_applications_are_ranked_by_risk_with_what_they_are(tmp_path):
    tree, _, document = reports(tmp_path, str(ACME))
    cards = tree.find("section", id="applications").find_all("article", class_="app-card")
    with_findings = {f["application_id"] for f in document["findings"] if f["application_id"]}
    assert {card.find("p", class_="id").text() for card in cards} == with_findings
    risks = [int(card.find("p", class_="counts").text().split()[1]) for card in cards]
    assert risks == sorted(risks, reverse=True)
    snapshot = yaml.safe_load(ACME.read_text(encoding="utf-8"))
    roles = {role["id"]: role["name"] for role in snapshot["roles"]}
    for card in cards:
        application = next(a for a in snapshot["applications"] if a["id"] == card.find("p", class_="id").text())
        facts = dict(zip([dt.text() for dt in card.find_all("dt")], [dd.text() for dd in card.find_all("dd")], strict=True))
        assert facts["type"] == f"{application['type']} / {application['protocol']}"
        assert facts["grants"] == ", ".join(application.get("grantTypes", [])) or "—"
        assert facts["client authentication"] == application.get("tokenEndpointAuthMethod", "—")
        expected_roles = [f"{roles.get(a['role']['id'], a['role']['id'])} at {a['scope']['type']}"
                          for a in application.get("roleAssignments", [])]
        assert facts["roles"] == (", ".join(dict.fromkeys(expected_roles)) or "—")


def test_the_page_loads_nothing_from_anywhere(tmp_path):
    tree, _, _ = reports(tmp_path, str(ACME))
    policy = tree.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in policy and "http" not in policy and "unsafe-inline" not in policy
    assert tree.find_all("link") == [] and tree.find_all("img") == [] and tree.find_all("iframe") == []
    assert all("src" not in element.attrs for element in tree.elements())
    assert [element.tag for element in tree.elements() if element.tag == "script"] == ["script"]


def test_coverage_names_the_checks_a_snapshot_lacked_the_context_for(tmp_path):
    snapshot = yaml.safe_load(ACME.read_text(encoding="utf-8"))
    del snapshot["groups"], snapshot["actor"]
    lacking = tmp_path / "lacking.yaml"
    lacking.write_text(yaml.safe_dump(snapshot), encoding="utf-8")
    tree, _, _ = reports(tmp_path, str(lacking))
    stderr = check("--format", "json", str(lacking)).stderr
    line = next(line for line in stderr.splitlines() if "not checked, for lack of context" in line)
    rows = tree.find("section", id="coverage").find_all("tr")[1:]
    shown = "; ".join(f"{row.find_all('td')[0].text()} ({', '.join(rule.split()[0] for rule in row.find_all('td')[1].text().split(', '))})"
                      for row in rows)
    assert line.endswith(f"in the snapshot: {shown}")
    assert "actor (" in shown and "groups (" in shown


# --- every value escaped ------------------------------------------------------------------------

HOSTILE_NAME = "a<b>\"c'&d.json"


def test_every_value_from_the_input_is_shown_as_text(tmp_path):
    copy = tmp_path / HOSTILE_NAME
    shutil.copy(HOSTILE, copy)
    tree, text, document = reports(tmp_path, HOSTILE_NAME, cwd=tmp_path)
    application = json.loads(HOSTILE.read_text(encoding="utf-8"))
    assert text.count("<script") == 1 and "<img" not in text and "<svg onload" not in text
    assert not [name for element in tree.elements() for name in element.attrs if name.startswith("on")]
    assert not [value for element in tree.elements() for value in element.attrs.values()
                if (value or "").strip().lower().startswith("javascript:")]
    card = tree.find("article", class_="app-card")
    assert card.find("h3").text() == f"#1 {application['name']}"
    locations = [span.text() for span in tree.find("section", id="findings").find_all("span", class_="location")]
    assert locations == [f"{HOSTILE_NAME}:{f['line']}:{f['column']}" for f in document["findings"]]
    messages = [p.text() for p in tree.find_all("p", class_="message")]
    assert messages == [f["message"] for f in document["findings"]]
    frames = "\n".join(pre.text() for pre in tree.find_all("pre", class_="code-frame"))
    assert application["redirectUris"][1] in frames


def test_a_docs_link_that_is_not_a_web_or_file_url_is_shown_as_text(tmp_path):
    from p1lint.html.filters import safe_href

    assert safe_href("javascript:alert(1)") == "" and safe_href(" https://a.example/x") == ""
    assert safe_href("https://docs.example.com/rules.md#p1l102") == "https://docs.example.com/rules.md#p1l102"
    assert safe_href("file:///usr/share/p1lint/rules.md#p1l102").startswith("file:")


# --- no secret ----------------------------------------------------------------------------------

def test_code_frames_hide_secret_values_of_every_shape(tmp_path):
    source = tmp_path / "app.yaml"
    source.write_text(
        "name: Worker\n"
        "clientSecret: PLANTED-SECRET-ONE\n"
        "secret:\n"
        "  secret: PLANTED-SECRET-TWO\n"
        "  previous: {secret: PLANTED-SECRET-THREE}\n"
        "privateKey: |\n"
        "  -----BEGIN PRIVATE KEY-----\n"
        "  MIIPLANTEDKEYMATERIAL\n"
        "  -----END PRIVATE KEY-----\n"
        "jwks: '{\"keys\": [{\"kty\": \"oct\", \"k\": \"PLANTED-SYMMETRIC\"}]}'\n"
        "homePageUrl: https://user:PLANTED-PASSWORD@home.example.com/\n"
        "description: the secret is PLANTED-SECRET-ONE\n", encoding="utf-8")
    lines = redacted_lines(read_source(str(source)))
    assert len(lines) == 12 and lines[0] == "name: Worker"
    assert not [line for line in lines if "PLANTED" in line]
    assert lines[1] == "clientSecret: [redacted]" and lines[2] == "secret: [redacted]"
    assert lines[10] == "homePageUrl: https://[redacted]@home.example.com/"


def test_code_frames_hide_key_material_under_keys_not_named_like_secrets(tmp_path):
    source = tmp_path / "app.yaml"
    source.write_text(
        "name: Worker\n"
        "description: |\n"
        "  -----BEGIN RSA PRIVATE KEY-----\n"
        "  MIIPLANTEDKEYMATERIALONE\n"
        "  PLANTEDKEYMATERIALTWO==\n"
        "  -----END RSA PRIVATE KEY-----\n"
        "notes: \"-----BEGIN PRIVATE KEY-----\\nPLANTEDINLINE\\n-----END PRIVATE KEY-----\"\n"
        "homePageUrl: https://home.example.com/\n", encoding="utf-8")
    lines = redacted_lines(read_source(str(source)))
    assert len(lines) == 8 and lines[0] == "name: Worker" and lines[7] == "homePageUrl: https://home.example.com/"
    assert not [line for line in lines if "PLANTED" in line]


def test_the_report_of_committed_secrets_shows_none_of_them(tmp_path):
    from tests.test_secret_output import SECRET_FIXTURES, SECRETS

    _, text, document = reports(tmp_path, *map(str, SECRET_FIXTURES))
    assert {f["rule"] for f in document["findings"]} >= {"P1L750", "P1L752"}
    assert "[redacted]" in text
    assert [s for s in SECRETS for fragment in (s, s[:12], s[-12:]) if fragment in text] == []


# --- start-up -----------------------------------------------------------------------------------

def test_a_plain_check_does_not_import_the_template_engine():
    script = ("import sys\nfrom p1lint.cli import main\nsys.argv = ['p1lint', 'check', '--no-cache', sys.argv[1]]\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\n"
              "print('\\n' + ' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe'))))")
    run = subprocess.run([sys.executable, "-c", script, str(ROOT / "examples/pingone/partner-portal.json")],
                         capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == ""


# --- suppressed findings ------------------------------------------------------------------------


def test_suppressed_findings_are_listed_with_their_reason_and_expiry_and_not_counted(tmp_path):
    (tmp_path / "portal.yaml").write_text(APP, encoding="utf-8")
    (tmp_path / "p1lint.toml").write_text(
        '[[suppress]]\nrule = "P1L102"\npath = \'/redirectUris[="https://partner.example.com/cb#x"]\'\n'
        'reason = "the partner\'s proxy strips it; <ticket> 42"\nexpires = 2999-12-31\n\n'
        '[[suppress]]\nrule = "P1L301"\napplication = "Partner portal"\nreason = "shared secret until Q3"\n',
        encoding="utf-8")
    page = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "p1lint", "check", "--no-cache", "--config", "p1lint.toml",
                             "--format", f"html={page}", "--format", "json", "--show-suppressed", "portal.yaml"],
                            capture_output=True, text=True, check=False, cwd=tmp_path)
    document = json.loads(result.stdout)
    tree = parse_page(page.read_text(encoding="utf-8"))
    rows = [[cell.text() for cell in row.find_all("td")] for row in tree.find("section", id="suppressed").find_all("tr")[1:]]
    suppressed = [f for f in document["findings"] if f.get("suppression")]
    assert [(f["rule"], f["justification"], f.get("expires", "—")) for f in suppressed] == [
        ("P1L301", "shared secret until Q3", "—"), ("P1L102", "the partner's proxy strips it; <ticket> 42", "2999-12-31")]
    assert [(row[0].split()[0], row[5], row[6]) for row in rows] == [
        (f["rule"], f["justification"], f.get("expires", "—")) for f in suppressed]
    assert all(row[4] == "configuration or baseline" for row in rows)
    shown = [f for f in document["findings"] if not f.get("suppression")]
    assert counts(tree)["error"] == str(sum(f["severity"] == "error" for f in shown)) == "1"
    assert len(tree.find("section", id="findings").find_all("article")) == len(shown)


TERRAFORM = """\
variable "redirect_uris" {
  type = list(string)
}

resource "pingone_application" "portal" {
  environment_id = "c2a9cf6f-bdf5-4fd0-a82c-fd435399dfa8"
  name           = "Portal"
  oidc_options = {
    type                       = "WEB_APP"
    grant_types                = ["AUTHORIZATION_CODE"]
    response_types             = ["CODE"]
    token_endpoint_auth_method = "PRIVATE_KEY_JWT"
    redirect_uris              = var.redirect_uris
  }
}
"""


def test_coverage_lists_the_values_a_terraform_configuration_does_not_settle(tmp_path):
    (tmp_path / "main.tf").write_text(TERRAFORM, encoding="utf-8")
    page = tmp_path / "report.html"
    result = check("--strict-unknowns", "--format", f"html={page}", "--format", "json", "main.tf", cwd=tmp_path)
    unknown = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "P1L020"]
    table = parse_page(page.read_text(encoding="utf-8")).find("table", class_="unknown-values")
    rows = [[cell.text() for cell in row.find_all("td")] for row in table.find_all("tr")[1:]]
    assert rows == [[f"main.tf:{f['line']}:{f['column']}", "Portal", f["message"]] for f in unknown]
    assert len(rows) == 1 and "P1L102 (redirect-uri-no-fragment)" in rows[0][2]


def test_findings_read_from_standard_input_have_no_frame_even_when_a_file_has_its_name(tmp_path):
    (tmp_path / "portal.yaml").write_text("# another version of the file\n" + APP, encoding="utf-8")
    page = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "p1lint", "check", "--no-cache", "--no-config", "--stdin-filename",
                             "portal.yaml", "--format", f"html={page}", "-"],
                            input=APP, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    tree = parse_page(page.read_text(encoding="utf-8"))
    locations = [span.text() for span in tree.find("section", id="findings").find_all("span", class_="location")]
    assert locations and all(location.startswith("portal.yaml:") for location in locations)
    assert tree.find_all("pre", class_="code-frame") == []


def test_a_long_line_is_shown_around_the_finding_s_column(tmp_path):
    tree, _, document = reports(tmp_path, str(ACME))
    lines = ACME.read_text(encoding="utf-8").splitlines()
    far = [f for f in document["findings"] if f["column"] > 200]
    assert far
    articles = tree.find("section", id="findings").find_all("article", class_="finding")
    for article, finding in zip(articles, document["findings"], strict=True):
        if finding in far:
            row = next(r for r in article.find_all("span", class_="marked")
                       if r.find("span", class_="ln").text() == str(finding["line"]))
            shown = row.text()[len(str(finding["line"])):]
            assert shown.startswith("…") and len(shown) <= 240
            assert lines[finding["line"] - 1][finding["column"] - 1 : finding["column"] + 19] in shown
