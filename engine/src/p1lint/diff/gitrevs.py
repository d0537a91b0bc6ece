"""The files of a git revision, written into a directory: `git ls-tree` and `git archive`, run
with an argument list (never a shell), and the archive unpacked with tarfile's `data` filter (no
link or path that leaves the directory, no device, no set-id bit)."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from p1lint.findings import P1LintError

GIT_TIMEOUT = 300  # seconds


class GitError(P1LintError):
    """A revision that is not there, a path outside the repository, git failing or missing."""


def git(root: Path | None, *arguments: str) -> bytes:
    """The standard output of `git arguments...` run in `root`; a failure is a `GitError` that
    quotes git's first line."""
    command = ["git", *(["-C", str(root)] if root is not None else []), *arguments]
    try:
        done = subprocess.run(command, capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"p1lint: --git: cannot run git: {error}") from error
    if done.returncode != 0:
        first = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"])[0]
        raise GitError(f"p1lint: --git: git {arguments[0]}: {first}")
    return done.stdout


def repository_root() -> Path:
    """The top of the working tree p1lint runs in."""
    return Path(git(None, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip())


def split_range(text: str) -> tuple[str, str]:
    """`REV1..REV2` as its two revisions (an empty one is HEAD, as in git)."""
    old, separator, new = text.partition("..")
    if not separator or new.startswith(".") or (not old and not new):
        raise GitError(f"p1lint: --git: expected REV1..REV2, got {text!r}")
    return old or "HEAD", new or "HEAD"


def commit_of(root: Path, revision: str) -> str:
    """The commit `revision` names in the repository at `root`."""
    if revision.startswith("-") or "\0" in revision:
        raise GitError(f"p1lint: --git: {revision!r} is not a revision")
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"p1lint: --git: no revision {revision!r} in {root}") from None


def in_repository(root: Path, paths: list[str]) -> list[str]:
    """The paths (relative to the working directory) relative to the repository's top."""
    found = []
    for path in paths:
        absolute = Path(path).absolute()
        try:
            found.append(absolute.relative_to(root).as_posix())
        except ValueError:
            raise GitError(f"p1lint: --git: {path} is outside the repository {root}") from None
    return found


def write_revision(root: Path, commit: str, paths: list[str], into: Path) -> None:
    """The files of `commit` below `paths` (all of them when there is none) into `into`."""
    listed = git(root, "ls-tree", "-r", "-z", "--name-only", commit, "--", *paths)
    files = [name.decode("utf-8", "surrogateescape") for name in listed.split(b"\0") if name]
    if not files:
        return
    archive = git(root, "archive", "--format=tar", commit, "--", *files)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        try:
            tar.extractall(into, filter="data")
        except tarfile.TarError as error:
            raise GitError(f"p1lint: --git: cannot unpack {commit[:12]}: {error}") from error
