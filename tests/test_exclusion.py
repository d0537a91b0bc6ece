"""Which files a directory walk checks: `exclude` / `extend-exclude` globs (ruff's semantics:
`exclude` replaces the defaults), `.gitignore` files (compared with git's own answer on real
repositories), and files named on the command line (checked unless `--force-exclude`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.documents.exclusion import DEFAULT_EXCLUDE, FileScope, exclude_glob
from p1lint.documents.sources import discover
from tests.cache_support import p1lint
from tests.support import FIXTURES

APP = FIXTURES / "good" / "worker-client-secret-basic.yaml"  # one P1L301 finding
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def git(root: Path, *args: str) -> str:
    environment = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True,
                          env=environment)
    return done.stdout


def tree(root: Path, files: dict[str, str | None]) -> Path:
    """Files below `root`: an application file for None, else the given text."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            shutil.copy(APP, path)
        else:
            path.write_text(text)
    return root


def repository(root: Path, files: dict[str, str | None]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q")
    return tree(root, files)


def walked(*paths: Path | str, scope: FileScope | None = None, base: Path | None = None) -> set[str]:
    """The files a walk of `paths` yields, relative to `base` with `/` separators."""
    scope = FileScope() if scope is None else scope
    found = discover([str(p) for p in paths], scope)
    where = base or Path(paths[0])
    return {Path(name).resolve().relative_to(where.resolve()).as_posix() for name in found}


def scope_of(*patterns: str, base: Path, gitignore: bool = False, force: bool = False) -> FileScope:
    return FileScope([exclude_glob(p, str(base)) for p in patterns], gitignore, force)


def checked_files(result) -> set[str]:
    assert result.exit_code in (0, 1), result.output
    return {Path(finding["file"]).as_posix() for finding in json.loads(result.stdout)["findings"]}


def run(*args: str):
    return CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", *args])


APPS = {name: None for name in (
    "envs/prod/app.yaml", "envs/old/app.yaml", "envs/old/keep.yaml", "node_modules/pkg/app.yaml",
    "venv/lib/app.yaml", "build/app.yaml", "sub/deep/build/app.yaml", "sub/a.json.yaml", "top.yaml",
    "docs/x/app.yaml",
)}


# -- .gitignore, compared with git ------------------------------------------------------------------

GITIGNORE_CASES = {
    "directory, anchored path, negation": {
        ".gitignore": "build/\n/top.yaml\nenvs/old/*\n!envs/old/keep.yaml\n",
    },
    "nested files win, and re-include": {
        ".gitignore": "*.yaml\n!envs/\n!envs/**/\n!envs/**/*.yaml\n",
        "envs/old/.gitignore": "app.yaml\n",
        "sub/.gitignore": "!a.json.yaml\n",
    },
    "double star, escapes, comments, trailing spaces": {
        ".gitignore": "# a comment\n**/deep/**\ndocs/**/app.yaml   \n\\#not-a-comment\n",
    },
    "info/exclude below .gitignore": {
        ".git/info/exclude": "envs/\n",
        ".gitignore": "node_modules\n",
    },
}


@needs_git
@pytest.mark.parametrize("layout", GITIGNORE_CASES.values(), ids=GITIGNORE_CASES.keys())
def test_a_walk_leaves_out_what_git_ignores(layout, tmp_path):
    root = repository(tmp_path / "repo", APPS)
    tree(root, layout)
    unignored = {name for name in git(root, "ls-files", "--others", "--exclude-standard").splitlines()
                 if name.endswith((".yaml", ".json")) and not any(p.startswith(".") for p in name.split("/"))}
    assert walked(root, scope=scope_of(base=root, gitignore=True)) == unignored
    assert unignored != {name for name in APPS}  # the case ignores something


@needs_git
def test_a_walk_of_a_subdirectory_reads_the_gitignore_files_above_it(tmp_path):
    root = repository(tmp_path / "repo", APPS)
    tree(root, {".gitignore": "old/\n", "envs/.gitignore": "prod/app.yaml\n"})
    assert walked(root / "envs", scope=FileScope(respect_gitignore=True), base=root) == set()
    assert walked(root / "envs", scope=FileScope(respect_gitignore=False), base=root) == {
        "envs/prod/app.yaml", "envs/old/app.yaml", "envs/old/keep.yaml"}


@needs_git
def test_a_nested_repository_starts_afresh(tmp_path):
    root = repository(tmp_path / "repo", {"app.yaml": None, ".gitignore": "*.yaml\n"})
    repository(root / "vendored", {"app.yaml": None, "ignored.yaml": None, ".gitignore": "ignored.yaml\n"})
    assert walked(root, scope=FileScope()) == {"vendored/app.yaml"}


def test_gitignore_files_outside_a_repository_are_not_read(tmp_path):
    root = tree(tmp_path / "plain", {"app.yaml": None, "other.yaml": None, ".gitignore": "app.yaml\n"})
    assert walked(root, scope=FileScope()) == {"app.yaml", "other.yaml"}


@needs_git
def test_a_worktree_whose_git_is_a_file_is_a_repository(tmp_path):
    root = tree(tmp_path / "checkout", {"app.yaml": None, "other.yaml": None, ".gitignore": "app.yaml\n"})
    (root / ".git").write_text("gitdir: /elsewhere/.git/worktrees/checkout\n")
    assert walked(root, scope=FileScope()) == {"other.yaml"}


# -- exclude globs ------------------------------------------------------------------------------------

def test_the_default_globs_leave_out_tool_and_dependency_directories(tmp_path):
    root = tree(tmp_path, APPS)
    assert {"node_modules", "venv", ".terraform", ".venv", ".git"} <= set(DEFAULT_EXCLUDE)
    found = walked(root, scope=scope_of(*DEFAULT_EXCLUDE, base=root))
    assert found == set(APPS) - {"node_modules/pkg/app.yaml", "venv/lib/app.yaml"}


@pytest.mark.parametrize(("patterns", "left_out"), [
    (["build"], {"build/app.yaml", "sub/deep/build/app.yaml"}),  # a name, anywhere
    (["/build"], {"build/app.yaml"}),  # anchored at the base
    (["envs/old"], {"envs/old/app.yaml", "envs/old/keep.yaml"}),  # a path
    (["envs/*/app.yaml"], {"envs/old/app.yaml", "envs/prod/app.yaml"}),
    (["*.json.yaml"], {"sub/a.json.yaml"}),
    (["**/x"], {"docs/x/app.yaml"}),
    (["envs/old", "!envs/old"], set()),  # the last matching glob wins
    (["top.yaml/"], set()),  # a trailing slash: directories only
])
def test_globs_are_gitignore_patterns_relative_to_their_base(patterns, left_out, tmp_path):
    root = tree(tmp_path, APPS)
    assert walked(root, scope=scope_of(*patterns, base=root)) == set(APPS) - left_out


def test_a_glob_with_a_slash_does_not_reach_outside_its_base(tmp_path):
    tree(tmp_path, {"project/app.yaml": None, "other/envs/old/app.yaml": None, "other/build/app.yaml": None})
    scope = scope_of("envs/old", "build", base=tmp_path / "project")
    assert walked(tmp_path / "other", scope=scope) == {"envs/old/app.yaml"}  # by its name alone


def test_a_directory_named_inside_an_excluded_one_is_walked(tmp_path):
    root = tree(tmp_path, APPS)
    assert walked(root / "node_modules", scope=scope_of(*DEFAULT_EXCLUDE, base=root), base=root) == {
        "node_modules/pkg/app.yaml"}


# -- the command line and the configuration ------------------------------------------------------------

@pytest.fixture
def project(tmp_path, monkeypatch):
    root = repository(tmp_path / "repo", APPS)
    monkeypatch.chdir(root)
    return root


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(project):
    every = set(APPS)
    assert checked_files(run(".")) == every - {"node_modules/pkg/app.yaml", "venv/lib/app.yaml"}
    assert checked_files(run("--exclude", "envs", ".")) == every - {
        "envs/prod/app.yaml", "envs/old/app.yaml", "envs/old/keep.yaml"}
    assert checked_files(run("--extend-exclude", "envs", ".")) == every - {
        "envs/prod/app.yaml", "envs/old/app.yaml", "envs/old/keep.yaml", "node_modules/pkg/app.yaml",
        "venv/lib/app.yaml"}


def test_an_empty_exclude_in_the_configuration_excludes_nothing(project):
    (project / "p1lint.toml").write_text("exclude = []\n")
    assert checked_files(run(".")) == set(APPS)


def test_configured_globs_are_relative_to_the_configuration_from_a_nested_folder(project, monkeypatch):
    (project / "p1lint.toml").write_text('extend-exclude = [\n  "envs/old",\n]\n')
    monkeypatch.chdir(project / "envs")
    assert checked_files(run(".")) == {"prod/app.yaml"}
    assert checked_files(run("--isolated", ".")) == {"prod/app.yaml", "old/app.yaml", "old/keep.yaml"}


def test_gitignore_is_respected_unless_told_not_to(project):
    (project / ".gitignore").write_text("envs/\n")
    assert "envs/prod/app.yaml" not in checked_files(run("."))
    assert "envs/prod/app.yaml" in checked_files(run("--no-respect-gitignore", "."))
    (project / "p1lint.toml").write_text("respect-gitignore = false\n")
    assert "envs/prod/app.yaml" in checked_files(run("."))


def test_a_file_named_is_checked_unless_force_exclude(project):
    named = "node_modules/pkg/app.yaml"
    assert checked_files(run(named)) == {named}
    assert checked_files(run("--force-exclude", named, "envs/prod/app.yaml")) == {"envs/prod/app.yaml"}
    (project / "p1lint.toml").write_text('force-exclude = true\nextend-exclude = ["envs/old"]\n')
    assert checked_files(run(named, "envs/old/app.yaml", "top.yaml")) == {"top.yaml"}


def test_a_directory_whose_files_are_all_excluded_is_no_error(project):
    result = run("--extend-exclude", "*.yaml", "envs")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["files"] == 0


def test_a_bad_glob_in_the_configuration_is_located(project):
    (project / "p1lint.toml").write_text('extend-exclude = [\n  "envs",\n  "!",\n]\n')
    result = CliRunner().invoke(cli, ["check", "--no-cache", "."])
    assert result.exit_code == 2
    assert f"{project / 'p1lint.toml'}:3:3: exclude: " in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("text", "place"), [
    ('exclude = "envs"\n', "1:1: exclude: Input should be a valid list"),
    ("force-exclude = 3\n", "1:1: force-exclude: Input should be a valid boolean"),
])
def test_a_setting_of_the_wrong_type_is_located(project, text, place):
    (project / "p1lint.toml").write_text(text)
    result = CliRunner().invoke(cli, ["check", "--no-cache", "."])
    assert result.exit_code == 2
    assert f"{project / 'p1lint.toml'}:{place}" in result.stderr


def test_a_re_run_is_replayed_until_a_gitignore_changes(project, tmp_path):
    cache = tmp_path / "cache"
    (project / ".gitignore").write_text("envs/old/\n")
    first = p1lint("check", ".", cache=cache, cwd=project)
    again = p1lint("check", ".", cache=cache, cwd=project, importtime=True)
    assert again.shown == first.shown and again.heavy() == []  # replayed
    (project / ".gitignore").write_text("envs/pro*\n")  # the same size
    edited = p1lint("check", ".", cache=cache, cwd=project)
    assert b"envs/prod/app.yaml" in first.stdout and b"envs/prod/app.yaml" not in edited.stdout
    assert b"envs/old/app.yaml" not in first.stdout and b"envs/old/app.yaml" in edited.stdout


def test_a_gitignore_that_appears_above_the_walked_directory_is_read(project, tmp_path):
    cache = tmp_path / "cache"
    first = p1lint("check", "envs", cache=cache, cwd=project)
    (project / ".gitignore").write_text("prod/\n")
    again = p1lint("check", "envs", cache=cache, cwd=project)
    assert b"envs/prod/app.yaml" in first.stdout and b"envs/prod/app.yaml" not in again.stdout


def test_a_suppression_of_an_excluded_file_is_not_called_unused(project):
    """A directory whose walk left something out was not read whole: only an entry whose globs
    match files that were all read may be called unused."""
    (project / "p1lint.toml").write_text(
        'extend-exclude = ["envs/old"]\n\n[[suppress]]\nrule = "P1L301"\nfiles = ["envs/old/*.yaml"]\n'
        'reason = "retired"\n')
    walked_around = run(".")
    assert "P1L031" not in {finding["rule"] for finding in json.loads(walked_around.stdout)["findings"]}
    (project / "p1lint.toml").write_text(
        'exclude = []\n\n[[suppress]]\nrule = "P1L301"\nfiles = ["gone/*.yaml"]\nreason = "retired"\n')
    assert "P1L031" in {finding["rule"] for finding in json.loads(run(".").stdout)["findings"]}


def test_a_pattern_too_slow_to_match_leaves_the_file_checked(tmp_path, monkeypatch):
    from p1lint.documents import patterns

    root = tree(tmp_path, {"a" * 200 + ".yaml": None, "other.yaml": None})
    scope = scope_of("*a*a*a*a*a*a*a*a*b.yaml", "other.yaml", base=root)
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT_SECONDS", 1e-9)  # every match runs out of time
    assert walked(root, scope=scope) == {"a" * 200 + ".yaml"}  # a plain name needs no expression
    assert not any(line.usable for globs in scope._sets for line in globs.lines)


def test_a_pattern_longer_than_any_path_is_refused(project):
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--extend-exclude", "x" * 5000, "."])
    assert result.exit_code == 2
    assert result.stderr.startswith("p1lint: --exclude: a pattern of more than 4,096 characters")


# -- tracked files: a .gitignore does not apply to them (git's rule), read from the index -----------

TRACKED_LAYOUT = {".gitignore": "*.yaml\n!keep.yaml\nbuild/\n", "keep.yaml": None, "ignored.yaml": None,
                  "committed.yaml": None, "build/app.yaml": None, "build/later.yaml": None,
                  "envs/prod/app.yaml": None, "envs/prod/new.yaml": None}


def tracked_repository(root: Path, version: int) -> Path:
    root = repository(root, TRACKED_LAYOUT)
    git(root, "add", "-f", "committed.yaml", "build/app.yaml", "envs/prod/app.yaml", "keep.yaml")
    if version == 3:
        git(root, "add", "-N", "-f", "envs/prod/new.yaml")  # intent-to-add: an extended entry
    git(root, "update-index", "--index-version", str(version))
    return root


def git_would_show(root: Path) -> set[str]:
    listed = git(root, "ls-files", "--cached", "--others", "--exclude-standard").splitlines()
    return {name for name in listed if name.endswith(".yaml")}


@needs_git
@pytest.mark.parametrize("version", [2, 3, 4])
def test_a_tracked_file_is_checked_whatever_the_gitignore_says(version, tmp_path):
    root = tracked_repository(tmp_path / "repo", version)
    found = walked(root, scope=FileScope())
    assert found == git_would_show(root)
    assert {"committed.yaml", "build/app.yaml", "envs/prod/app.yaml"} <= found  # tracked, though ignored
    assert not {"ignored.yaml", "build/later.yaml"} & found  # ignored and untracked


@needs_git
def test_an_index_that_cannot_be_read_leaves_the_ignore_files_alone(tmp_path):
    root = tracked_repository(tmp_path / "repo", 2)
    (root / ".git" / "index").write_bytes(b"DIRC\x00\x00\x00\x09garbage")
    assert walked(root, scope=FileScope()) == {"keep.yaml"}


@needs_git
def test_the_index_of_a_worktree_is_found_through_its_git_file(tmp_path):
    root = tracked_repository(tmp_path / "repo", 2)
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "exports")
    git(root, "worktree", "add", "-q", str(tmp_path / "second"))
    assert (tmp_path / "second" / ".git").is_file()
    assert walked(tmp_path / "second", scope=FileScope()) == {
        "committed.yaml", "build/app.yaml", "envs/prod/app.yaml", "keep.yaml"}


@needs_git
def test_a_file_added_to_the_index_between_runs_is_checked(project, tmp_path):
    cache = tmp_path / "cache"
    (project / ".gitignore").write_text("envs/old/\n")
    first = p1lint("check", ".", cache=cache, cwd=project)
    git(project, "add", "-f", "envs/old/app.yaml")
    again = p1lint("check", ".", cache=cache, cwd=project)
    assert b"envs/old/app.yaml" not in first.stdout and b"envs/old/app.yaml" in again.stdout
