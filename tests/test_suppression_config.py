"""Suppressions in the configuration: `[[tool.p1lint.suppress]]` (and `[[suppress]]` of
p1lint.toml) with a rule, a target, a reason and an optional expiry date, through the command line."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from p1lint.cli import cli

APP = """\
name: Partner portal
id: 5f0c6c7e-0b8a-4a41-9d7e-2f4b8c1d9e10
type: WEB_APP
protocol: OPENID_CONNECT
grantTypes: [AUTHORIZATION_CODE]
responseTypes: [CODE]
tokenEndpointAuthMethod: CLIENT_SECRET_BASIC
pkceEnforcement: S256_REQUIRED
redirectUris:
  - https://partner.example.com/cb#x
  - https://partner.example.com/other#y
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "apps").mkdir()
    (tmp_path / "apps" / "portal.yaml").write_text(APP)
    return tmp_path


def configure(project, *tables, name="pyproject.toml"):
    prefix = "tool.p1lint." if name == "pyproject.toml" else ""
    header = "[tool.p1lint]\nprofile = \"recommended\"\n\n" if name == "pyproject.toml" else ""
    body = "".join(f"[[{prefix}suppress]]\n{table}\n" for table in tables)
    (project / name).write_text(header + body)
    return project / name


def run(project, *args, config="pyproject.toml"):
    arguments = ["check", "--config", str(project / config), "--format", "json", *args]
    return CliRunner().invoke(cli, arguments)


def findings(result, rule="P1L102"):
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] == rule]


def fragment_lines(result):
    return [(f["line"], f.get("suppression"), f.get("justification")) for f in findings(result)]


def test_an_entry_by_files_and_value_path_suppresses_one_finding(project, monkeypatch):
    monkeypatch.chdir(project)
    configure(project, 'rule = "P1L102"\nfiles = "apps/*.yaml"\n'
                       "path = '/redirectUris[=\"https://partner.example.com/cb#x\"]'\nreason = \"ticket 42\"\n")
    shown = run(project, "--show-suppressed", "--select", "P1L102", "apps")
    assert fragment_lines(shown) == [(10, "external", "ticket 42"), (11, None, None)]
    assert "1 findings suppressed by the configuration" in shown.stderr
    assert fragment_lines(run(project, "--select", "P1L102", "apps")) == [(11, None, None)]
    assert [line for line, *_ in fragment_lines(run(project, "--no-suppress", "--select", "P1L102", "apps"))] == [10, 11]


@pytest.mark.parametrize("target", [
    'application = "Partner portal"', 'application = "5f0c6c7e-0b8a-4a41-9d7e-2f4b8c1d9e10"',
    'files = ["other/*.json", "**/portal.yaml"]', 'path = "/redirectUris"',
])
def test_each_target_and_a_rule_by_name_or_prefix(project, target):
    for rule in ("redirect-uri-no-fragment", "P1L1", "p1l10"):
        configure(project, f'rule = "{rule}"\n{target}\nreason = "accepted"\n')
        assert fragment_lines(run(project, "--select", "P1L102", str(project / "apps"))) == [], (rule, target)


@pytest.mark.parametrize("target", [
    'application = "Billing"', 'files = "other/*.yaml"', "path = '/redirectUris[=\"https://elsewhere\"]'",
    'path = "/redirect"',
])
def test_a_target_that_does_not_match_suppresses_nothing(project, target):
    configure(project, f'rule = "P1L102"\n{target}\nreason = "accepted"\n')
    assert len(fragment_lines(run(project, "--select", "P1L102", str(project / "apps")))) == 2


def test_p1lint_toml_takes_the_same_tables(project):
    configure(project, 'rule = "P1L102"\napplication = "Partner portal"\nreason = "accepted"\n', name="p1lint.toml")
    assert fragment_lines(run(project, "--select", "P1L102", str(project / "apps"), config="p1lint.toml")) == []


def test_sarif_records_configuration_suppressions_as_external(project):
    configure(project, 'rule = "P1L102"\npath = "/redirectUris"\nreason = "ticket 42"\n')
    sarif = CliRunner().invoke(cli, ["check", "--config", str(project / "pyproject.toml"), "--format", "sarif",
                                     "--select", "P1L102", str(project / "apps")])
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert [r["suppressions"] for r in results] == [[{"kind": "external", "justification": "ticket 42"}]] * 2
    assert sarif.exit_code == 0


TABLE_ERRORS = [
    ('rule = "P1L102"\npath = "/redirectUris"\n', 5, 1, "suppress: missing 'reason': every suppression says why"),
    ('rule = "P1L102"\npath = "/x"\nreason = "   "\n', 8, 1, "suppress: reason: expected a non-empty string"),
    ('rule = "P1L102"\npath = "/x"\nreason = "r"\nexpires = "June"\n', 9, 1,
     "suppress: expires: 'June' is not a date such as 2026-06-30"),
    ('rule = "P1L102"\npath = "/x"\nreason = "r"\nexpires = 2026-06-30T10:00:00\n', 9, 1,
     "suppress: expires: expected a date such as 2026-06-30"),
    ('rule = "P1L102"\npath = "/x"\nreason = "r"\n  target = "x"\n', 9, 3,
     "suppress: unknown key 'target'; use rule, files, application, path, reason, expires"),
    ('rule = "P1L102"\nreason = "r"\n', 5, 1, "suppress: give a target: files, application or path"),
    ('rule = "P1L102"\nfiles = "../elsewhere/*.yaml"\nreason = "r"\n', 7, 1,
     "suppress: files: '../elsewhere/*.yaml' is not below the configuration's directory"),
    ('rule = "ACME999"\npath = "/x"\nreason = "r"\n', 5, 1, "suppress: no rule matches ACME999"),
]


@pytest.mark.parametrize("table, line, column, message", TABLE_ERRORS)
def test_a_bad_entry_is_reported_at_its_place_with_exit_2(project, table, line, column, message):
    good = 'rule = "P1L102"\npath = "/redirectUris"\nreason = "fine"\n'
    config = configure(project, good, table)  # the second table's header is line 9 (5 + 4)
    result = run(project, str(project / "apps"))
    assert result.exit_code == 2 and result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{config}:{line + 4}:{column}: {message}"), first
    assert "Traceback" not in result.stderr


def test_a_config_with_a_bad_entry_in_an_inline_array_is_located_at_the_setting(project):
    (project / "p1lint.toml").write_text('profile = "recommended"\nsuppress = [{rule = "P1L102", path = "/x"}]\n')
    result = run(project, str(project / "apps"), config="p1lint.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{project / 'p1lint.toml'}:2:1: suppress: missing 'reason'")


@pytest.fixture
def frozen(monkeypatch):
    """The day of the run, as a test sets it (never the real date)."""
    day = {"today": date(2026, 6, 30)}
    monkeypatch.setattr("p1lint.functions.suppressions.clock_today", lambda: day["today"])
    return day


def test_an_entry_suppresses_through_its_expiry_day_then_is_reported(project, frozen):
    config = configure(project, 'rule = "P1L102"\npath = "/redirectUris"\nreason = "until the migration"\n'
                                "expires = 2026-06-30\n")
    on_the_day = run(project, "--show-suppressed", "--select", "P1L102,expired-suppression", str(project / "apps"))
    assert [s for _, s, _ in fragment_lines(on_the_day)] == ["external", "external"]
    assert findings(on_the_day, "P1L032") == []
    frozen["today"] = date(2026, 7, 1)
    after = run(project, "--select", "P1L102,expired-suppression", str(project / "apps"))
    assert [s for _, s, _ in fragment_lines(after)] == [None, None]
    [expired] = findings(after, "P1L032")
    assert (expired["file"], expired["line"], expired["column"]) == (str(config), 4, 1)
    assert "expired on 2026-06-30" in expired["message"] and expired["path"] == "/tool/p1lint/suppress/0"


def test_the_results_cache_follows_the_date(project, frozen):
    """The same files, options and cache on two days: the unit's result is not the one kept the
    day before, when the entry still suppressed."""
    configure(project, 'rule = "P1L102"\npath = "/redirectUris"\nreason = "r"\nexpires = 2026-06-30\n')
    before = run(project, "--select", "P1L102", str(project / "apps"))
    assert fragment_lines(before) == [] and before.exit_code == 0
    frozen["today"] = date(2026, 7, 2)
    after = run(project, "--select", "P1L102", str(project / "apps"))
    assert len(fragment_lines(after)) == 2 and after.exit_code == 1


def test_a_run_with_an_entry_that_may_expire_is_not_replayed(project, frozen, capsys, monkeypatch):
    from p1lint.cache.replay import replay

    monkeypatch.chdir(project)
    argv = ["check", "--config", "pyproject.toml", "--select", "P1L102", "apps"]
    configure(project, 'rule = "P1L102"\npath = "/redirectUris"\nreason = "r"\n')
    assert replay(argv) is None  # nothing recorded yet; remembers the command line's key
    CliRunner().invoke(cli, argv)
    assert replay(argv) == 0  # recorded: a configuration without expiry dates is replayed
    configure(project, 'rule = "P1L102"\npath = "/redirectUris"\nreason = "r"\nexpires = 2026-06-30\n')
    assert replay(argv) is None
    CliRunner().invoke(cli, argv)
    assert replay(argv) is None


def test_the_results_cache_keeps_configuration_suppressed_findings(project):
    configure(project, 'rule = "P1L102"\npath = "/redirectUris"\nreason = "ticket 42"\n')
    arguments = ("--show-suppressed", "--select", "P1L102", str(project / "apps"))
    first, again = run(project, *arguments), run(project, *arguments)
    assert fragment_lines(again) == fragment_lines(first) == [(10, "external", "ticket 42"), (11, "external", "ticket 42")]
    assert again.stderr == first.stderr


def test_the_readmes_example_is_a_valid_configuration(tmp_path):
    from p1lint.config import load_config
    from tests.support import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8").split("### Suppressions in the configuration")[1]
    example = text.split("```toml\n")[1].split("```")[0]
    (tmp_path / "pyproject.toml").write_text("[tool.p1lint]\n" + example)
    [entry] = load_config(tmp_path / "pyproject.toml")["suppressions"]
    assert (entry.rule, entry.files, entry.application, entry.expires) == (
        "redirect-uri-no-fragment", ("exports/partners/*.json",), "Partner portal", "2026-06-30")
    assert entry.path == '/redirectUris[="https://partner.example.com/cb#done"]' and entry.line == 2
