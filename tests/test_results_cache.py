"""The results cache, through the real command line: a re-run on unchanged files prints the same
bytes and exits with the same code as the full run, without importing the linter; anything that
changed is linted again."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from tests.cache_support import BAD, FIXTURES, GOOD, MALFORMED, ROOT, age, environment, p1lint

CASES = {
    "text, findings": ["--format", "text", BAD],
    "json, findings": ["--format", "json", BAD],
    "junit, findings": ["--format", "junit", BAD],
    "text, clean": ["--format", "text", GOOD],
    "json, clean": ["--format", "json", GOOD],
    "text, malformed": [MALFORMED, BAD],
    "json, malformed": ["--format", "json", MALFORMED, FIXTURES / "invalid" / "binary.json"],
    "a snapshot directory": [FIXTURES / "environments" / "acme-directory"],
    "a Terraform directory": ["--format", "json", FIXTURES / "terraform" / "bad" / "mappings-and-policies"],
    "quiet, failing on infos": ["--quiet", "--fail-on", "info", GOOD],
    "a selection": ["--select", "P1L814", "--format", "json", BAD],
}


# SARIF explains each rule from its rule file: a re-run reads them, so it is not replayed
NOT_REPLAYED = {
    "sarif, findings": ["--format", "sarif", BAD],
    "sarif, clean": ["--format", "sarif", GOOD],
    "sarif, malformed": ["--format", "sarif", FIXTURES / "invalid" / "wrong-root.json", GOOD],
}
WALL_TIME = re.compile(r' time="[0-9.]+"')  # JUnit's time of the run


@pytest.mark.parametrize("arguments", CASES.values(), ids=list(CASES))
def test_a_re_run_prints_the_same_without_importing_the_linter(arguments, tmp_path):
    first = p1lint("check", *arguments, cache=tmp_path)
    again = p1lint("check", *arguments, cache=tmp_path, importtime=True)
    assert WALL_TIME.sub("", str(again.shown)) == WALL_TIME.sub("", str(first.shown))
    assert "p1lint.cache.replay" in again.modules
    assert again.heavy() == []


@pytest.mark.parametrize("arguments", NOT_REPLAYED.values(), ids=list(NOT_REPLAYED))
def test_a_re_run_of_sarif_prints_the_same(arguments, tmp_path):
    first = p1lint("check", *arguments, cache=tmp_path)
    assert p1lint("check", *arguments, cache=tmp_path).shown == first.shown


def test_the_default_command_is_replayed_too(tmp_path):
    first = p1lint(BAD, cache=tmp_path)
    again = p1lint(BAD, cache=tmp_path, importtime=True)
    assert (again.shown, again.heavy()) == (first.shown, [])


def test_exit_codes_of_a_replay_are_those_of_the_run(tmp_path):
    codes = {}
    for name, arguments in {"findings": [BAD], "clean": [GOOD], "malformed": [MALFORMED]}.items():
        p1lint("check", *arguments, cache=tmp_path)
        again = p1lint("check", *arguments, cache=tmp_path, importtime=True)
        assert again.heavy() == []
        codes[name] = again.code
    assert codes == {"findings": 1, "clean": 0, "malformed": 2}


def test_a_re_run_prints_the_transcript_of_the_run_without_decoding_a_finding(tmp_path):
    arguments = ["check", BAD, MALFORMED]
    first = p1lint(*arguments, cache=tmp_path)
    again = p1lint(*arguments, cache=tmp_path, importtime=True)
    assert again.shown == first.shown and first.code == 2 and first.stdout and first.stderr
    assert "p1lint.cache.transcript" in again.modules
    assert again.modules.isdisjoint({"p1lint.cache.codec", "p1lint.findings", "p1lint.reporters", "typing"})


def rewrite_transcripts(cache, transcript):
    """Replace the transcript of every run record of `cache` (None: remove it)."""
    for entry in cache.rglob("run-*.json"):
        data = json.loads(entry.read_text())
        data["body"].pop("transcript")
        if transcript is not None:
            data["body"]["transcript"] = transcript
        entry.write_text(json.dumps(data))


@pytest.mark.parametrize("arguments", CASES.values(), ids=list(CASES))
def test_a_record_without_a_transcript_is_replayed_from_its_units(arguments, tmp_path):
    first = p1lint("check", *arguments, cache=tmp_path)
    rewrite_transcripts(tmp_path, None)
    again = p1lint("check", *arguments, cache=tmp_path, importtime=True)
    assert WALL_TIME.sub("", str(again.shown)) == WALL_TIME.sub("", str(first.shown))
    assert "p1lint.cache.codec" in again.modules and again.heavy() == []


FORGED_TRANSCRIPTS = {
    "wrong types": {"color": False, "stderr": 3, "stdout": [], "exit_code": "0"},
    "another colour choice": {"color": True, "stderr": "", "stdout": "forged\n", "exit_code": 0},
    "terminal control codes": {"color": False, "stderr": "", "stdout": "\x1b]0;title\x07\n", "exit_code": 0},
    "control codes besides colours": {"color": False, "stderr": "\x1b[2J", "stdout": "", "exit_code": 0},
}


@pytest.mark.parametrize("forged", FORGED_TRANSCRIPTS.values(), ids=list(FORGED_TRANSCRIPTS))
def test_a_transcript_p1lint_did_not_write_is_not_printed(forged, tmp_path):
    first = p1lint("check", BAD, cache=tmp_path)
    rewrite_transcripts(tmp_path, forged)
    again = p1lint("check", BAD, cache=tmp_path, importtime=True)
    assert again.shown == first.shown and "p1lint.cache.codec" in again.modules


def test_the_transcript_is_kept_for_the_colour_choice_of_its_run(tmp_path):
    coloured = environment(tmp_path, FORCE_COLOR="1")
    plain = p1lint("check", BAD, cache=tmp_path)
    expected = p1lint("check", "--no-cache", BAD, cache=None, env=coloured)
    assert b"\x1b[" in expected.stdout and b"\x1b[" not in plain.stdout
    from_units = p1lint("check", BAD, cache=tmp_path, env=coloured, importtime=True)
    assert from_units.shown == expected.shown and "p1lint.cache.codec" in from_units.modules
    assert p1lint("check", BAD, cache=tmp_path, importtime=True).shown == plain.shown


@pytest.fixture
def workspace(tmp_path):
    """A repository with two application files, dated back."""
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    (repository / "apps").mkdir()
    shutil.copy(BAD, repository / "apps" / "portal.json")
    shutil.copy(GOOD, repository / "apps" / "native.yaml")
    age(repository)
    return repository


def test_a_changed_file_is_linted_again(workspace, tmp_path):
    cache = tmp_path / "cache"
    p1lint("check", "apps", cache=cache, cwd=workspace)
    portal = workspace / "apps" / "portal.json"
    portal.write_text(portal.read_text().replace('"oidcScopes": []', '"oidcScopes": ["profile"]'))
    changed = p1lint("check", "apps", cache=cache, cwd=workspace)
    assert changed.shown == p1lint("check", "--no-cache", "apps", cache=cache, cwd=workspace).shown
    assert b"P1L814" not in changed.stdout


def test_a_file_rewritten_unchanged_is_still_replayed(workspace, tmp_path):
    """A checkout (or pre-commit's stash) writes a file anew: its modification time moves, its content does not."""
    cache = tmp_path / "cache"
    first = p1lint("check", "apps", cache=cache, cwd=workspace)
    portal = workspace / "apps" / "portal.json"
    content = portal.read_bytes()
    portal.unlink()
    portal.write_bytes(content)
    again = p1lint("check", "apps", cache=cache, cwd=workspace, importtime=True)
    assert (again.shown, again.heavy()) == (first.shown, [])


def test_a_change_of_the_same_size_is_seen(workspace, tmp_path):
    cache = tmp_path / "cache"
    p1lint("check", "apps", cache=cache, cwd=workspace)
    portal = workspace / "apps" / "portal.json"
    text = portal.read_text()
    portal.write_text(text.replace('"oidcScopes": []', '"oidcScopes": 12'))
    assert len(portal.read_text()) == len(text)
    again = p1lint("check", "apps", cache=cache, cwd=workspace)
    assert again.shown == p1lint("check", "--no-cache", "apps", cache=cache, cwd=workspace).shown
    assert b"P1L814" not in again.stdout


def test_a_file_added_to_a_directory_is_linted(workspace, tmp_path):
    cache = tmp_path / "cache"
    first = p1lint("check", "apps", cache=cache, cwd=workspace)
    shutil.copy(BAD, workspace / "apps" / "copy.json")
    again = p1lint("check", "apps", cache=cache, cwd=workspace)
    assert again.stdout.count(b"P1L814") == 2 * first.stdout.count(b"P1L814") > 0


def test_a_changed_configuration_is_read(workspace, tmp_path):
    cache = tmp_path / "cache"
    first = p1lint("check", "apps", cache=cache, cwd=workspace)
    (workspace / "p1lint.toml").write_text('ignore = ["P1L814"]\n')
    again = p1lint("check", "apps", cache=cache, cwd=workspace)
    assert b"P1L814" in first.stdout and b"P1L814" not in again.stdout
    assert again.shown == p1lint("check", "--no-cache", "apps", cache=cache, cwd=workspace).shown


def test_a_changed_rule_directory_is_read(workspace, tmp_path):
    cache = tmp_path / "cache"
    rules = tmp_path / "rules"
    rules.mkdir()
    bundled = (ROOT / "rules" / "attribute-mappings").glob("*.yaml")
    source = next(path for path in bundled if "id: P1L814" in path.read_text())
    text = source.read_text().replace("id: P1L814", "id: ACME990").replace("name: mapping-scopes-empty", "name: my-copy")
    (rules / "mine.yaml").write_text(text)
    age(rules)
    first = p1lint("check", "--rules", rules, "apps", cache=cache, cwd=workspace)
    (rules / "mine.yaml").write_text(text.replace("severity: error", "severity: info"))
    again = p1lint("check", "--rules", rules, "apps", cache=cache, cwd=workspace)
    assert b"ACME990 error" in first.stdout and b"ACME990 info" in again.stdout


def test_findings_of_a_rule_that_reads_the_clock_are_not_kept(tmp_path):
    """P1L751 compares a secret's expiry with the time of the run."""
    worker = FIXTURES / "bad" / "secrets-worker-export.json"
    first = p1lint("check", worker, cache=tmp_path)
    again = p1lint("check", worker, cache=tmp_path, importtime=True)
    assert b"P1L751" in first.stdout
    assert again.shown == first.shown
    assert "p1lint.engine" in again.modules


def test_a_cache_in_the_checked_repository_is_never_read(workspace, tmp_path):
    """A repository under review cannot plant entries that hide its findings: entries written by a
    real run into `.p1lint_cache`, then emptied of findings, change nothing."""
    planted = workspace / ".p1lint_cache"
    p1lint("check", "apps", cache=planted, cwd=workspace)
    for entry in planted.rglob("unit-*.json"):
        data = json.loads(entry.read_text())
        data["body"]["part"]["findings"] = []
        entry.write_text(json.dumps(data))
    home = tmp_path / "home"
    env = environment(None, HOME=str(home), XDG_CACHE_HOME=str(home / "cache"))
    for _ in range(2):
        run = p1lint("check", "apps", cache=None, cwd=workspace, env=env)
        assert run.code == 1 and b"P1L814" in run.stdout
    assert list((home / "cache" / "p1lint").rglob("run-*.json"))


def test_an_unwritable_cache_directory_changes_nothing(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory\n")
    uncached = p1lint("check", "--no-cache", BAD, cache=None)
    for _ in range(2):
        assert p1lint("check", BAD, cache=blocked).shown == uncached.shown
    assert p1lint("check", "--cache-dir", blocked, BAD, cache=None).shown == uncached.shown
    assert blocked.read_text() == "not a directory\n"


def test_no_cache_neither_reads_nor_writes(tmp_path):
    p1lint("check", BAD, cache=tmp_path)
    entries = sorted(tmp_path.rglob("*"))
    run = p1lint("check", "--no-cache", BAD, cache=tmp_path, importtime=True)
    assert "p1lint.engine" in run.modules and sorted(tmp_path.rglob("*")) == entries
    assert p1lint("check", "--no-cache", BAD, cache=tmp_path / "other").code == 1
    assert not (tmp_path / "other").exists()


def test_the_cache_dir_option_chooses_the_directory(tmp_path):
    first = p1lint("check", "--cache-dir", tmp_path / "chosen", BAD, cache=tmp_path / "unused")
    again = p1lint("check", "--cache-dir", tmp_path / "chosen", BAD, cache=tmp_path / "unused", importtime=True)
    assert (again.shown, again.heavy()) == (first.shown, [])
    assert list((tmp_path / "chosen").rglob("unit-*.json")) and not (tmp_path / "unused").exists()


def test_eight_processes_share_one_cache(tmp_path):
    arguments = [[*fmt, *files] for fmt in (["--format", "json"], []) for files in ([BAD, GOOD], [GOOD, BAD], [BAD], [MALFORMED, GOOD])]
    expected = [p1lint("check", "--no-cache", *a, cache=None).shown for a in arguments]
    command = [sys.executable, "-m", "p1lint", "check"]
    for _ in range(2):  # an empty cache, then a full one
        running = [subprocess.Popen([*command, *map(str, a)], cwd=ROOT, env=environment(tmp_path),
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE) for a in arguments]
        shown = [(process.wait(), process.stdout.read(), process.stderr.read()) for process in running]
        for process in running:
            process.stdout.close()
            process.stderr.close()
        assert shown == expected
    entries = list(tmp_path.rglob("*.json"))
    assert entries and all(json.loads(entry.read_text())["format"] == 1 for entry in entries)
    assert not list(tmp_path.rglob("*.tmp"))


DAMAGE = {
    "truncated": lambda path: path.write_bytes(path.read_bytes()[:-20]),
    "garbage": lambda path: path.write_bytes(b"\x80\x00 not json"),
    "wrong types": lambda path: path.write_text(json.dumps(
        {**json.loads(path.read_text()), "body": {"part": {"findings": [{"rule": 5}]}, "units": 3, "files": {}}})),
    "a directory": lambda path: (path.unlink(), path.mkdir()),
    "a symlink": lambda path: (path.unlink(), path.symlink_to(path.with_name("elsewhere.json"))),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=list(DAMAGE))
def test_damaged_entries_are_misses(damage, tmp_path):
    arguments = ["check", "--format", "json", BAD, MALFORMED]
    first = p1lint(*arguments, cache=tmp_path)
    (tmp_path / "results-1" / "elsewhere.json").write_text('{"format": 1}')
    for entry in tmp_path.rglob("*-*.json"):
        damage(entry)
    assert p1lint(*arguments, cache=tmp_path).shown == first.shown
    again = p1lint(*arguments, cache=tmp_path, importtime=True)
    assert again.shown == first.shown
