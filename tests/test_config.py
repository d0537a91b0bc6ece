"""Configuration files: discovery, precedence under the command line, and every kind of mistake."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.config import find_config, load_config
from tests.support import FIXTURES

WORKER = FIXTURES / "good" / "worker-client-secret-basic.yaml"  # one P1L301 info finding


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "apps").mkdir()
    shutil.copy(WORKER, tmp_path / "apps" / "worker.yaml")
    monkeypatch.chdir(tmp_path / "apps")
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, list(args))


def rules_of(result):
    return [finding["rule"] for finding in json.loads(result.stdout)["findings"]]


def test_settings_apply_from_a_parent_directory(project):
    (project / "p1lint.toml").write_text('ignore = ["P1L301"]\nformat = "json"\n')
    assert rules_of(run("check", "worker.yaml")) == []


def test_command_line_wins_over_the_file(project):
    (project / "p1lint.toml").write_text('fail-on = "info"\nformat = "json"\n')
    assert run("check", "worker.yaml").exit_code == 1
    assert run("check", "--fail-on", "error", "worker.yaml").exit_code == 0


def test_pyproject_table(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.p1lint]\nselect = ["P1L0"]\nformat = "json"\n')
    assert rules_of(run("check", "worker.yaml")) == []


def test_pyproject_without_a_table_is_not_a_configuration(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(project / "apps") is None


def test_search_stops_at_the_repository_root(project):
    (project.parent / "p1lint.toml").write_text('profile = "fapi2"\n')
    try:
        assert find_config(project / "apps") is None
    finally:
        (project.parent / "p1lint.toml").unlink()


def test_no_config_and_explicit_config(project, tmp_path_factory):
    (project / "p1lint.toml").write_text('ignore = ["P1L301"]\n')
    other = tmp_path_factory.mktemp("elsewhere") / "custom.toml"
    other.write_text('select = ["P1L0"]\n')
    assert "P1L301" in run("check", "--no-config", "worker.yaml").stdout
    assert "P1L301" not in run("check", "--config", str(other), "worker.yaml").stdout


def test_rule_directories_are_relative_to_the_file(project):
    (project / "team-rules").mkdir()
    assert load_config(_write(project, 'rules = ["team-rules"]\n'))["rule_dirs"] == [str(project / "team-rules")]


def test_profile_applies_to_the_rules_listing(project):
    (project / "p1lint.toml").write_text('profile = "fapi2"\nformat = "sarif"\n')
    listing = json.loads(run("rules", "--format", "json").stdout)
    assert {row["name"]: row["severity"] for row in listing}["fapi2-private-key-jwt"] == "error"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('profil = "strict"\n', ":1:1: unknown setting 'profil'; did you mean 'profile'?"),
        ('\nprofile = "loose"\n', ":2:1: profile: Input should be"),
        ('select = "P1L1"\n', ":1:1: select: Input should be a valid list"),
        ('format = "xml"\n', ":1:1: format: Value error, unknown format 'xml'"),
        ("profile = [\n", ":1:1: invalid TOML"),
        ('a = 1\nb = = 2\n', ":2:5: invalid TOML"),
    ],
)
def test_bad_configuration_is_located_and_exits_two(project, text, expected):
    path = _write(project, text)
    result = run("check", "worker.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}{expected}"), result.stderr


def _write(project, text):
    path = project / "p1lint.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize("entry", ["/", "..", "../elsewhere", "team-rules/../../x"])
def test_rule_directories_outside_the_repository_are_refused(project, entry):
    path = _write(project, f'profile = "strict"\nrules = ["team-rules", "{entry}"]\n')
    result = run("check", "worker.yaml")
    assert result.exit_code == 2
    column = f'rules = ["team-rules", "{entry}"]'.index(f'"{entry}"') + 1
    assert result.stderr.startswith(f"{path}:2:{column}: rules: '{entry}' is outside the repository"), result.stderr
    assert "--rules" in result.stderr


def test_a_symbolic_link_out_of_the_repository_is_refused(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (project / "linked").symlink_to(outside, target_is_directory=True)
    result = run("check", "--config", str(_write(project, 'rules = ["linked"]\n')), "worker.yaml")
    assert result.exit_code == 2 and "'linked' is outside the repository" in result.stderr


def test_rule_directories_anywhere_in_the_repository_are_fine(project):
    (project / "ci" / "rules").mkdir(parents=True)
    (project / "apps" / "p1lint.toml").write_text('rules = ["../ci/rules"]\n')
    assert load_config(project / "apps" / "p1lint.toml")["rule_dirs"] == [str(project / "ci" / "rules")]


def test_the_command_line_may_name_any_rule_directory(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside-rules")
    shutil.copy(FIXTURES.parent / "rules" / "overview" / "application-name-blank.yaml", outside / "x.yaml")
    (outside / "x.yaml").write_text((outside / "x.yaml").read_text().replace("P1L701", "ACME998").replace(
        "name: application-name-blank", "name: custom-blank-name"))
    result = run("check", "--rules", str(outside), "--select", "ACME998", "worker.yaml")
    assert result.exit_code == 0, result.stderr
