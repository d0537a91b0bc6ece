"""`p1lint diff --git REV1..REV2 [PATH...]` against a real temporary git repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from tests.support import FIXTURES

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
PAIR = FIXTURES / "diff" / "review"


def git(repository: Path, *arguments: str) -> str:
    command = ["git", "-C", str(repository), "-c", "user.name=p1lint", "-c", "user.email=p1lint@example.com",
               "-c", "commit.gpgsign=false", *arguments]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """Two commits: the review snapshot's old version, then its new one (and a README)."""
    root = tmp_path / "repo"
    (root / "pingone").mkdir(parents=True)
    git(root, "init", "-q")
    shutil.copy(PAIR / "old" / "snapshot.yaml", root / "pingone" / "snapshot.yaml")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "old")
    shutil.copy(PAIR / "new" / "snapshot.yaml", root / "pingone" / "snapshot.yaml")
    (root / "README.md").write_text("# not PingOne\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "new")
    monkeypatch.chdir(root)
    return root


def diff(*args: str):
    return CliRunner().invoke(cli, ["diff", "--no-config", *args])


def kinds(result) -> list[str]:
    return sorted(change["kind"] for change in json.loads(result.stdout)["changes"])


EXPECTED = ["cors-origin-added", "par-weakened", "policy-assignment-removed", "redirect-uri-added",
            "role-assignment-widened"]


def test_two_revisions_of_a_path(repository):
    result = diff("--git", "HEAD~1..HEAD", "--format", "json", "pingone")
    assert result.exit_code == 1, result.output
    assert kinds(result) == EXPECTED
    document = json.loads(result.stdout)
    assert [f["rule"] for f in document["introduced"]] == ["P1L103"]
    assert document["introduced"][0]["file"] == "HEAD:pingone/snapshot.yaml"
    removed = next(c for c in document["changes"] if c["kind"] == "policy-assignment-removed")
    assert removed["file"] == "HEAD~1:pingone/snapshot.yaml"


def test_the_whole_tree_and_an_empty_end_meaning_head(repository):
    result = diff("--git", "HEAD~1..", "--format", "json")
    assert result.exit_code == 1, result.output
    assert kinds(result) == EXPECTED


def test_a_path_named_from_a_subdirectory(repository, monkeypatch):
    monkeypatch.chdir(repository / "pingone")
    result = diff("--git", "HEAD~1..HEAD", "--format", "json", "snapshot.yaml")
    assert kinds(result) == EXPECTED


def test_the_same_revision_twice_shows_nothing(repository):
    result = diff("--git", "HEAD..HEAD", "pingone")
    assert result.exit_code == 0
    assert result.stdout.startswith("0 security-relevant changes")


def test_a_file_the_new_revision_adds(repository):
    shutil.copy(FIXTURES / "diff" / "kinds" / "pkce-weakened" / "new" / "application.json",
                repository / "pingone" / "portal.json")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "portal")
    result = diff("--git", "HEAD~1..HEAD", "--format", "json", "pingone/portal.json")
    assert result.exit_code == 1, result.output
    assert kinds(result) == ["application-added"]
    checked = CliRunner().invoke(cli, ["check", "--no-config", "--format", "json", "pingone/portal.json"])
    every = sorted(f["rule"] for f in json.loads(checked.stdout)["findings"])
    assert sorted(f["rule"] for f in json.loads(result.stdout)["introduced"]) == every  # all of them new


@pytest.mark.parametrize("revisions", ["HEAD~1..nosuchbranch", "nosuchrev..HEAD", "--output..HEAD", "HEAD", "a...b"])
def test_a_missing_or_malformed_revision_is_an_error(repository, revisions):
    result = diff("--git", revisions, "pingone")
    assert result.exit_code == 2
    assert result.stderr.startswith("p1lint: --git: ")
    assert "Traceback" not in result.output


def test_outside_a_repository_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = diff("--git", "HEAD~1..HEAD")
    assert result.exit_code == 2
    assert result.stderr.startswith("p1lint: --git: ")


def test_a_path_outside_the_repository_is_an_error(repository, tmp_path):
    result = diff("--git", "HEAD~1..HEAD", str(tmp_path))
    assert result.exit_code == 2
    assert "outside the repository" in result.stderr


def test_bad_input_at_a_revision_is_named_with_the_revision(repository):
    (repository / "pingone" / "broken.json").write_text('{\n  "name": \n}\n')
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "broken")
    result = diff("--git", "HEAD~1..HEAD", "pingone")
    assert result.exit_code == 2
    assert "HEAD:pingone/broken.json:3:1:" in result.stderr


def test_files_are_read_as_committed_and_links_are_left_out(repository, tmp_path):
    """`export-ignore` does not hide a file from the diff; a committed link is not followed."""
    outside = tmp_path / "outside.json"
    outside.write_text("{not json")
    (repository / ".gitattributes").write_text("pingone/** export-ignore\n")
    (repository / "pingone" / "link.json").symlink_to(outside)
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "attributes and a link")
    result = diff("--git", "HEAD~2..HEAD", "--format", "json", "pingone")
    assert result.exit_code == 1, result.output
    assert kinds(result) == EXPECTED
