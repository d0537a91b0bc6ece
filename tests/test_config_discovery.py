"""Which configuration applies to a run started in a nested folder of a repository: the closest to
the working directory, upwards to the repository root (one per run, never merged); `--config`
overrides the search and `--isolated` ignores every file; the results cache follows the file in
effect."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from tests.cache_support import p1lint
from tests.support import FIXTURES

WORKER = FIXTURES / "good" / "worker-client-secret-basic.yaml"  # one P1L301 info finding


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """repo/teams/payments/envs/prod/worker.yaml, run from envs/prod (three levels below the root)."""
    root = tmp_path / "repo"
    nested = root / "teams" / "payments" / "envs" / "prod"
    nested.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True) if shutil.which("git") else (root / ".git").mkdir()
    shutil.copy(WORKER, nested / "worker.yaml")
    monkeypatch.chdir(nested)
    return root


def severities(*args: str) -> dict[str, str]:
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", *args, "worker.yaml"])
    assert result.exit_code in (0, 1), result.output
    return {finding["rule"]: finding["severity"] for finding in json.loads(result.stdout)["findings"]}


def test_the_repository_root_configuration_applies_three_levels_down(repository):
    (repository / "p1lint.toml").write_text('[severity]\nP1L301 = "warning"\n')
    assert severities() == {"P1L301": "warning"}


def test_the_closest_configuration_wins_and_is_not_merged(repository):
    (repository / "p1lint.toml").write_text('ignore = ["P1L301"]\n')
    (repository / "teams" / "payments" / "p1lint.toml").write_text('[severity]\nP1L301 = "error"\n')
    assert severities() == {"P1L301": "error"}  # the root's `ignore` does not apply


@pytest.mark.parametrize("name", ["p1lint.toml", ".p1lint.toml"])
def test_a_pyproject_without_a_table_is_passed_over(repository, name):
    (repository / "teams" / "pyproject.toml").write_text('[project]\nname = "payments"\n')
    (repository / name).write_text('[severity]\nP1L301 = "warning"\n')
    assert severities() == {"P1L301": "warning"}


def test_a_pyproject_table_in_a_nested_folder_applies(repository):
    (repository / "p1lint.toml").write_text('ignore = ["P1L301"]\n')
    (repository / "teams" / "payments" / "envs" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.p1lint.severity]\nP1L301 = "error"\n')
    assert severities() == {"P1L301": "error"}


def test_nothing_above_the_repository_root_applies(repository):
    (repository.parent / "p1lint.toml").write_text('ignore = ["P1L301"]\n')
    assert severities() == {"P1L301": "info"}


def test_config_overrides_the_search_and_isolated_ignores_it(repository, tmp_path):
    (repository / "p1lint.toml").write_text('ignore = ["P1L301"]\n')
    elsewhere = tmp_path / "ci.toml"
    elsewhere.write_text('[severity]\nP1L301 = "error"\n')
    assert severities() == {}
    assert severities("--config", str(elsewhere)) == {"P1L301": "error"}
    assert severities("--isolated") == {"P1L301": "info"}
    assert severities("--no-config") == {"P1L301": "info"}


def test_a_bad_configuration_found_upwards_is_located(repository):
    (repository / "teams" / "p1lint.toml").write_text('profile = "strict"\nfail-on = "eror"\n')
    result = CliRunner().invoke(cli, ["check", "--no-cache", "worker.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{repository / 'teams' / 'p1lint.toml'}:2:1: fail-on: ")


def test_a_re_run_from_a_nested_folder_reads_an_edited_root_configuration(repository, tmp_path):
    cache, cwd = tmp_path / "cache", repository / "teams" / "payments" / "envs" / "prod"
    (repository / "p1lint.toml").write_text('fail-on = "info"\n')
    first = p1lint("check", "worker.yaml", cache=cache, cwd=cwd)
    again = p1lint("check", "worker.yaml", cache=cache, cwd=cwd, importtime=True)
    assert again.shown == first.shown and again.heavy() == []  # replayed
    (repository / "p1lint.toml").write_text('fail-on = "error"\n')
    edited = p1lint("check", "worker.yaml", cache=cache, cwd=cwd)
    assert (first.code, edited.code) == (1, 0) and b"P1L301" in edited.stdout
    (repository / "teams" / "p1lint.toml").write_text('ignore = ["P1L301"]\n')  # a closer one appears
    closer = p1lint("check", "worker.yaml", cache=cache, cwd=cwd)
    assert b"P1L301" not in closer.stdout and closer.code == 0
