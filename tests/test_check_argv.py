"""The click-free reading of `p1lint check` (`p1lint.check_argv`) is held to click's: the same
options, and for every command line it reads, the settings click would pass to `run_check` and
the same options counted as given; what it cannot read as click would, it leaves to click."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys

import click
import pytest
from click.core import ParameterSource

import p1lint.commands.check as check_command
from p1lint import check_argv
from p1lint.cli import cli
from tests.support import FIXTURES, ROOT

APP = str(FIXTURES / "good" / "worker-client-credentials.json")
READ = [  # command lines the table reads
    ["check", APP],
    [APP],
    ["check", "--no-config", APP, APP],
    ["check", "--format", "json", "--no-cache", APP],
    ["check", "--format=sarif=out.sarif", "--format", "text", "-o", "report.txt", APP],
    ["check", "--select", "P1L1,P1L2", "--select=P1L3", "--ignore", "P1L301", APP],
    ["check", "--extend-select", "P1L9", "--extend-ignore", "P1L7", APP],
    ["check", "--fail-on", "warning", "--profile", "strict", "-q", "--no-color", APP],
    ["check", "--rules", "rules", "--rules=more", "--custom-domain", "auth.example.com", APP],
    ["check", "--stdin-filename", "app.json", "-", "--custom-attribute", "a,b", "--custom-attribute", "c"],
    ["check", "--actor", "missing.yaml", "--baseline", "b.json", "--write-baseline", "w.json", APP],
    ["check", "--no-suppress", "--show-suppressed", "--exit-zero", "--statistics", "--update-baseline", APP],
    ["check", "--regex-budget", "0.5", "--changed-only", "--max-file-size", "10MiB", "--strict-unknowns", APP],
    ["check", "--max-file-size=4096", "--regex-budget=1e1", "--cache-dir", "cache", "--jobs", "3", APP],
    ["check", "-j", "1", "--severity", "P1L301=error", "--per-file-ignores", "*.json:P1L3", APP],
    ["check", "--extend-per-file-ignores", "!apps/*.json:P1L1", APP],
    ["check", "--fail-on", "info", "--fail-on", "error", APP],  # the last one wins
    ["check", "--exclude", "old", "--extend-exclude=*.tf.json", "--no-respect-gitignore", APP],
    ["check", "--force-exclude", "--respect-gitignore", "--isolated", APP],
    ["check", "--force-exclude", "--no-force-exclude", APP],
    ["check", "--", "--not-an-option.json"],
    ["check", "-", "--format", "json"],
]
DECLINED = [  # command lines left to click (some are errors, in click's words)
    [], ["check"], ["--version"], ["--help"], ["-h"], ["check", "--help", APP], ["rules"], ["rule", "P1L101"],
    ["check", "--bogus", APP], ["check", "--form", "json", APP], ["check", "--fail-on", "fatal", APP],
    ["check", "--fail-on"], ["check", APP, "--select"], ["check", "--select", "--ignore", APP],
    ["check", "--quiet=yes", APP], ["check", "-qj2", APP], ["check", "-ofile", APP],
    ["check", "--jobs", "0", APP], ["check", "--jobs", "two", APP], ["check", "--regex-budget", "0", APP],
    ["check", "--regex-budget", "-1", APP], ["check", "--max-file-size", "lots", APP],
    ["check", "--format", "nonsense", APP], ["check", "--severity", "P1L301", APP],
    ["check", "--per-file-ignores", "nocolon", APP], ["check", "--output", ".", APP],
    ["check", "--baseline", str(FIXTURES), APP], ["check", "--config", "p1lint.toml", APP],
    ["check", "--pull", APP], ["check", "--region", "EU", APP], ["check", "--timeout", "3", APP],
    ["check", "--exclude", "", APP], ["check", "--force-exclude=yes", APP],
]
CONFIGURATIONS = [  # each read by the table, as click reads it
    'profile = "strict"\nfail-on = "warning"\nformat = "json"\n',
    'select = ["P1L1", "P1L3"]\nignore = ["P1L301"]\nregex-budget = 1.5\ndocs-url = "https://example.com/r"\n',
    'max-file-size = "10MiB"\nrules = ["rules"]\ncustom-attributes = ["a"]\nstrict-unknowns = true\n',
    '[severity]\nP1L301 = "error"\n\n[per-file-ignores]\n"*.json" = ["P1L3"]\n',
    'exclude = ["old", "*.tf.json"]\nextend-exclude = ["tmp"]\n',
    'respect-gitignore = false\nforce-exclude = true\n',
    'baseline = "baseline.json"\ncustom-domain = "auth.example.com"\n\n[[suppress]]\nrule = "P1L301"\n'
    'files = ["*.json"]\nreason = "known"\n',
]


def click_reading(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """What click's `check` passes to `run_check` (None: it does not get there), and the options
    whose value came from the command line, the environment or the configuration."""
    seen: list[tuple[object, object]] = []

    def record(paths: list[str], **options: object) -> int:
        context = click.get_current_context()
        given = {name for name in options if context.get_parameter_source(name)
                 not in (ParameterSource.DEFAULT, None)}
        seen.append(((paths, options), frozenset(given)))
        return 0

    monkeypatch.setattr(check_command, "run_check", record)
    with contextlib.suppress(click.ClickException, click.exceptions.Exit, SystemExit):
        cli.main(argv, prog_name="p1lint", standalone_mode=False)
    return seen[0] if seen else (None, None)


def table_reading(argv: list[str]) -> tuple[object, object]:
    found = check_argv.read(argv)
    return (None, None) if found is None else ((found.paths, found.options), found.given)


def test_the_table_has_the_options_of_click_check():
    params = {param.name: param for param in cli.commands["check"].params}
    for option in check_argv.OPTIONS:
        param = params.pop(option.name)
        assert tuple(param.opts) == option.flags
        assert tuple(param.secondary_opts) == option.off
        assert bool(getattr(param, "is_flag", False)) == (option.read is None)
        assert param.multiple == option.multiple
        if option.read is None:
            assert param.default is bool(option.default) or (param.default is click.core.UNSET
                                                             and not option.default)
        elif not option.multiple:
            assert param.default == option.default or (param.default is click.core.UNSET and option.default is None)
    assert sorted(flag for param in params.values() for flag in param.opts) == sorted(
        ["paths", *check_argv.NO_CONFIG, *check_argv.CLICK_ONLY])


def test_the_table_knows_the_commands_and_choices_of_click():
    assert tuple(cli.commands) == check_argv.COMMANDS
    group = {flag for param in cli.params for flag in param.opts} | {"--help", "-h"}
    assert set(check_argv.GROUP_OPTIONS) == group


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "rules").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(check_argv.CACHE_DIR_VARIABLE, raising=False)
    return tmp_path


@pytest.mark.parametrize("argv", READ)
def test_a_command_line_the_table_reads_gives_clicks_settings(project, monkeypatch, argv):
    assert table_reading(argv)[0] is not None
    assert table_reading(argv) == click_reading(argv, monkeypatch)


@pytest.mark.parametrize("argv", DECLINED)
def test_a_command_line_the_table_cannot_read_is_left_to_click(project, argv):
    assert check_argv.read(argv) is None


def test_the_cache_directory_variable_is_read_with_a_configuration(project, monkeypatch):
    (project / "p1lint.toml").write_text('profile = "strict"\n')
    monkeypatch.setenv(check_argv.CACHE_DIR_VARIABLE, "from-environment")
    argv = ["check", APP]
    assert table_reading(argv)[0] is not None
    assert table_reading(argv) == click_reading(argv, monkeypatch)


@pytest.mark.parametrize("text", CONFIGURATIONS)
@pytest.mark.parametrize("argv", [["check", APP], ["check", "--profile", "recommended", "-q", APP],
                                  ["check", "--no-config", APP]])
def test_a_configuration_gives_the_settings_click_gives(project, monkeypatch, text, argv):
    (project / "p1lint.toml").write_text(text)
    assert table_reading(argv)[0] is not None
    assert table_reading(argv) == click_reading(argv, monkeypatch)


@pytest.mark.parametrize("text", ['profil = "strict"\n', 'jobs = 2\n', 'profile = "lenient"\n'])
def test_a_bad_configuration_is_left_to_click(project, text):
    (project / "p1lint.toml").write_text(text)
    assert check_argv.read(["check", APP]) is None


def test_a_common_check_does_not_import_click(tmp_path):
    """The installed command's path: the results cache, then the table, then `check`."""
    script = ("import json, sys\nfrom p1lint.entry import main\nsys.argv = ['p1lint', *sys.argv[1:]]\n"
              "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
              "print(json.dumps({'code': code, 'click': 'click' in sys.modules}))\n")
    run = subprocess.run([sys.executable, "-c", script, "check", "--no-config", "--no-cache", APP],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(run.stdout.strip().splitlines()[-1]) == {"code": 0, "click": False}
