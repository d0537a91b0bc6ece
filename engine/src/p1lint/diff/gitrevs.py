"""The files of a git revision, written into a directory: `git ls-tree` lists them and one `git
cat-file --batch` reads their contents exactly as committed (no attribute filters, no
`export-ignore`), both run with an argument list, never a shell. Only regular files are written:
links and submodules are left out, and no path leaves the directory."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from p1lint.findings import P1LintError

GIT_TIMEOUT = 300  # seconds


class GitError(P1LintError):
    """A revision that is not there, a path outside the repository, git failing or missing."""


def git(root: Path | None, *arguments: str, given: bytes | None = None) -> bytes:
    """The standard output of `git arguments...` run in `root` (with `given` on its standard
    input); a failure is a `GitError` that quotes git's first line."""
    command = ["git", *(["-C", str(root)] if root is not None else []), *arguments]
    try:
        done = subprocess.run(command, input=given, capture_output=True, timeout=GIT_TIMEOUT, check=False)
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
    """The regular files of `commit` below `paths` (all of them when there is none) into `into`."""
    listed = git(root, "ls-tree", "-r", "-z", commit, "--", *paths)
    blobs = [entry for entry in map(_entry, listed.split(b"\0")) if entry is not None]
    if not blobs:
        return
    batch = git(root, "cat-file", "--batch", given=b"".join(blob + b"\n" for blob, _ in blobs))
    for (_, name), contents in zip(blobs, _contents(batch), strict=True):
        target = into.joinpath(*PurePosixPath(name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(contents)


REGULAR_FILES = (b"100644", b"100755")


def _entry(line: bytes) -> tuple[bytes, str] | None:
    """The object and path of a regular file of `ls-tree`'s `mode type object<TAB>path`."""
    head, tab, path = line.partition(b"\t")
    fields = head.split(b" ")
    name = path.decode("utf-8", "surrogateescape")
    parts = PurePosixPath(name).parts
    if not tab or len(fields) != 3 or fields[0] not in REGULAR_FILES or not parts or ".." in parts \
            or PurePosixPath(name).is_absolute():
        return None
    return fields[2], name


def _contents(batch: bytes) -> list[bytes]:
    """The contents of `cat-file --batch`'s `object type size<LF>contents<LF>` records, in order."""
    found, at = [], 0
    while at < len(batch):
        header_end = batch.index(b"\n", at)
        size = int(batch[at:header_end].split(b" ")[2])
        found.append(batch[header_end + 1 : header_end + 1 + size])
        at = header_end + 1 + size + 1
    return found
