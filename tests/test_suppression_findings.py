"""What is reported about suppressions: a comment without a reason, a comment or configuration
entry that suppressed nothing (judged only where the run could see it), selectable and ignorable
like any rule."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from tests.support import lint

APP = """\
name: {name}
type: WEB_APP
protocol: OPENID_CONNECT
grantTypes: [AUTHORIZATION_CODE]
responseTypes: [CODE]
tokenEndpointAuthMethod: CLIENT_SECRET_BASIC
pkceEnforcement: S256_REQUIRED
redirectUris:
  {comment}
  - {uri}
"""
FRAGMENT = "https://partner.example.com/cb#x"
CLEAN = "https://partner.example.com/cb"


def write(path, comment="", uri=FRAGMENT, name="Partner portal"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(APP.format(comment=comment, uri=uri, name=name))
    return path


def about(result, name):
    return [(f.line, f.column, f.message) for f in result.findings if f.name == name]


def test_a_comment_without_a_reason_is_reported_at_the_comment(tmp_path):
    path = write(tmp_path / "app.yaml", "# p1lint: ignore[P1L102]")
    result = lint(path)
    assert [(line, column) for line, column, _ in about(result, "suppression-without-reason")] == [(9, 3)]
    assert [f.line for f in result.findings if f.rule == "P1L102"] == [10]  # it suppresses nothing
    assert about(result, "unused-suppression") == []


def test_a_comment_that_suppressed_nothing_names_its_unused_rules(tmp_path):
    path = write(tmp_path / "app.yaml", "# p1lint: ignore[P1L102, redirect-uri-dangerous-scheme] both accepted", uri=FRAGMENT)
    [(line, column, message)] = about(lint(path), "unused-suppression")
    assert (line, column) == (9, 3) and message.startswith("redirect-uri-dangerous-scheme suppressed nothing")
    fixed = write(tmp_path / "app.yaml", "# p1lint: ignore[P1L102] accepted", uri=CLEAN)
    assert [message.split(" ")[0] for _, _, message in about(lint(fixed), "unused-suppression")] == ["P1L102"]


def test_a_used_comment_is_not_reported(tmp_path):
    path = write(tmp_path / "app.yaml", "# p1lint: ignore[P1L102] accepted")
    result = lint(path)
    assert about(result, "unused-suppression") == about(result, "suppression-without-reason") == []
    assert result.suppressed == 1


def run(*args):
    return CliRunner().invoke(cli, ["check", "--no-config", "--format", "json", *map(str, args)])


def rules_of(result):
    return [(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]]


def test_a_comment_for_a_rule_that_did_not_run_is_not_judged(tmp_path):
    path = write(tmp_path / "app.yaml", "# p1lint: ignore[P1L102, P1L301] accepted", uri=CLEAN)
    assert ("P1L031", 9) in rules_of(run("--select", "P1L102,P1L031", path))
    assert rules_of(run("--select", "P1L301,P1L031", path)) == [("P1L301", 6), ("P1L031", 9)]
    assert rules_of(run("--select", "P1L2,P1L031", path)) == []  # neither P1L102 nor P1L301 ran


def test_the_rules_about_suppressions_are_ignored_and_selected_like_any(tmp_path):
    path = write(tmp_path / "app.yaml", "# p1lint: ignore[P1L102]", uri=FRAGMENT)
    assert ("P1L030", 9) in rules_of(run(path))
    assert ("P1L030", 9) not in rules_of(run("--ignore", "suppression-without-reason", path))
    assert rules_of(run("--select", "P1L030", path)) == [("P1L030", 9)]


def test_with_no_suppress_nothing_is_judged_unused(tmp_path):
    path = write(tmp_path / "app.yaml", "# p1lint: ignore[P1L102] accepted", uri=CLEAN)
    assert ("P1L031", 9) in rules_of(run("--select", "P1L102,P1L031", path))
    assert rules_of(run("--no-suppress", "--select", "P1L102,P1L031", path)) == []


def test_the_identity_of_a_finding_about_a_comment_survives_moved_lines(tmp_path):
    path = write(tmp_path / "app.yaml", "# p1lint: ignore[P1L102]")
    before = [f.fingerprint for f in lint(path).findings if f.rule == "P1L030"]
    path.write_text("# a new first line\n" + path.read_text())
    moved = [f for f in lint(path).findings if f.rule == "P1L030"]
    assert [f.line for f in moved] == [10] and [f.fingerprint for f in moved] == before != [""]


@pytest.fixture
def repository(tmp_path):
    """Two applications with a fragment each; the configuration suppresses the first one's."""
    write(tmp_path / "apps" / "portal.yaml")
    write(tmp_path / "apps" / "legacy" / "billing.yaml", name="Billing")
    write(tmp_path / "apps" / "legacy" / "shop.yaml", uri=CLEAN, name="Shop")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.p1lint]\n\n"
        '[[tool.p1lint.suppress]]\nrule = "P1L102"\nfiles = "apps/portal.yaml"\nreason = "used"\n\n'
        '[[tool.p1lint.suppress]]\nrule = "P1L102"\nfiles = "apps/legacy/*.yaml"\napplication = "Shop"\n'
        'reason = "stale: the shop has no fragment any more"\n\n'
        '[[tool.p1lint.suppress]]\nrule = "P1L102"\napplication = "Retired app"\nreason = "stale too"\n')
    return tmp_path


def unused_entries(repository, *paths, select="P1L102,P1L031"):
    result = CliRunner().invoke(cli, ["check", "--config", str(repository / "pyproject.toml"), "--format",
                                      "json", "--select", select, *map(str, paths)])
    found = json.loads(result.stdout)["findings"]
    return sorted(f["path"] for f in found if f["rule"] == "P1L031")


def test_a_run_over_the_configurations_directory_judges_every_entry(repository, monkeypatch):
    monkeypatch.chdir(repository)
    assert unused_entries(repository, ".") == ["/tool/p1lint/suppress/1", "/tool/p1lint/suppress/2"]
    assert unused_entries(repository, repository) == ["/tool/p1lint/suppress/1", "/tool/p1lint/suppress/2"]


def test_a_run_on_some_files_judges_only_entries_whose_files_were_all_read(repository):
    legacy = repository / "apps" / "legacy"
    assert unused_entries(repository, repository / "apps" / "portal.yaml") == []  # entry 0 used
    assert unused_entries(repository, legacy / "billing.yaml") == []  # shop.yaml not read: not judged
    assert unused_entries(repository, legacy / "billing.yaml", legacy / "shop.yaml") == ["/tool/p1lint/suppress/1"]
    assert unused_entries(repository, legacy) == ["/tool/p1lint/suppress/1"]
    assert unused_entries(repository, repository / "apps") == ["/tool/p1lint/suppress/1"]  # not its directory


def test_an_entry_whose_rule_did_not_run_is_not_judged(repository):
    assert unused_entries(repository, repository, select="P1L301,P1L031") == []


def test_an_unused_entry_is_reported_at_its_table(repository):
    result = CliRunner().invoke(cli, ["check", "--config", str(repository / "pyproject.toml"), "--format",
                                      "json", "--select", "P1L102,P1L031", str(repository)])
    entry = next(f for f in json.loads(result.stdout)["findings"] if f["path"] == "/tool/p1lint/suppress/2")
    assert (entry["file"], entry["line"], entry["column"]) == (str(repository / "pyproject.toml"), 14, 1)
    assert entry["message"].startswith("P1L102 suppressed nothing in this run")


# --- a comment naming no rule; the configuration suppressing findings about comments -------------

@pytest.mark.parametrize("named, unknown", [
    ("P1L102, P1L10Z", "P1L10Z is no rule's id or name"),
    ("P1L102, redirect-uri-no-fragmnet, ACME001", "redirect-uri-no-fragmnet, ACME001 are no rule's id or name"),
    ("p1l102, P1L102", "p1l102 is no rule's id or name"),  # ids are written as the catalogue writes them
])
def test_a_comment_naming_no_rule_is_reported_whatever_ran(tmp_path, named, unknown):
    path = write(tmp_path / "app.yaml", f"# p1lint: ignore[{named}] accepted")
    for selected in ("P1L102,P1L031", "P1L301,P1L031"):  # whether or not P1L102 ran
        found = [f for f in json.loads(run("--select", selected, path).stdout)["findings"] if f["rule"] == "P1L031"]
        assert [(f["line"], f["column"]) for f in found] == [(9, 3)]
        assert found[0]["message"].startswith(f"{unknown} in this run"), found[0]["message"]
    assert ("P1L102", 10) not in rules_of(run("--select", "P1L102,P1L031", path))  # the known name suppresses


def test_a_comment_naming_no_rule_and_one_unused_says_both(tmp_path):
    path = write(tmp_path / "app.yaml", "# p1lint: ignore[P1L102, P1L10Z] accepted", uri=CLEAN)
    [finding] = [f for f in json.loads(run("--select", "P1L102,P1L031", path).stdout)["findings"]]
    assert finding["message"].startswith("P1L10Z is no rule's id or name; P1L102 suppressed nothing in this run")


def configured(tmp_path, *tables):
    (tmp_path / "p1lint.toml").write_text("".join(f"[[suppress]]\n{table}\n" for table in tables))
    return ["--config", str(tmp_path / "p1lint.toml")]


@pytest.mark.parametrize("rule, comment", [
    ("P1L031", "# p1lint: ignore[P1L102] fixed long ago"),
    ("unused-suppression", "# p1lint: ignore[P1L102] fixed long ago"),
    ("P1L030", "# p1lint: ignore[P1L102]"),
])
def test_a_configuration_entry_suppresses_findings_about_comments(tmp_path, rule, comment):
    legacy = write(tmp_path / "legacy" / "app.yaml", comment, uri=CLEAN)
    current = write(tmp_path / "current" / "app.yaml", comment, uri=CLEAN)
    options = configured(tmp_path, f'rule = "{rule}"\nfiles = ["legacy/**"]\nreason = "legacy exports, cleaned up in Q3"')
    result = CliRunner().invoke(cli, ["check", *options, "--select", "P1L102,P1L03", "--format", "json",
                                      "--show-suppressed", str(legacy), str(current)])
    expected = "P1L030" if rule == "P1L030" else "P1L031"
    shown = sorted((f["file"], f["rule"], f.get("suppression")) for f in json.loads(result.stdout)["findings"])
    assert shown == [(str(current), expected, None), (str(legacy), expected, "external")]


def test_an_entry_for_findings_about_comments_that_suppressed_nothing_is_reported(tmp_path):
    legacy = write(tmp_path / "legacy" / "app.yaml", "# p1lint: ignore[P1L102] still needed")  # used
    options = configured(tmp_path, 'rule = "P1L031"\nfiles = ["legacy/**"]\nreason = "cleaned up in Q3"')
    result = CliRunner().invoke(cli, ["check", *options, "--select", "P1L102,P1L03", "--format", "json",
                                      str(legacy)])
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["file"], finding["path"], finding["rule"]) == (str(tmp_path / "p1lint.toml"), "/suppress/0",
                                                                   "P1L031")
    assert finding["message"].startswith("P1L031 suppressed nothing in this run")


def test_the_summary_counts_an_entrys_finding_apart_from_the_input_files(repository, monkeypatch):
    monkeypatch.chdir(repository)
    result = CliRunner().invoke(cli, ["check", "--config", "pyproject.toml", "--select", "P1L102,P1L031", "."])
    # portal.yaml's fragment suppressed, billing.yaml's reported; entries 1 and 2 unused
    assert result.stdout.splitlines()[-1] == (
        "Found 3 problems (1 error, 2 warnings, 0 infos) in 1 of 3 files and in pyproject.toml.")
