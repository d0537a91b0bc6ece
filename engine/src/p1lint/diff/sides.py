"""The two sides of a diff: paths (a file, a directory, a snapshot, a Terraform module) or the
files of two git revisions, each read and checked as `p1lint check` reads and checks them."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from p1lint.findings import Finding, InputError, P1LintError


class Side(NamedTuple):
    """One side: the paths to read, the `root` its files are named relative to in fingerprints,
    and, for a revision, the label that replaces `root` in the names shown (`REV:path`)."""

    paths: tuple[str, ...]
    root: str
    label: str = ""

    def shown(self, name: str) -> str:
        if not self.label:
            return name
        absolute = os.path.abspath(name)
        if absolute == self.root or absolute.startswith(self.root + os.sep):
            return f"{self.label}:{Path(os.path.relpath(absolute, self.root)).as_posix()}"
        return name

    def shown_finding(self, finding: Finding) -> Finding:
        return finding._replace(file=self.shown(finding.file))

    def shown_error(self, error: InputError) -> InputError:
        return error._replace(file=self.shown(error.file))


def path_side(path: str) -> Side:
    if path == "-":
        raise P1LintError("p1lint: diff compares files or directories, not standard input")
    return Side((path,), os.path.abspath(path))


@contextlib.contextmanager
def sides(inputs: list[str], revisions: str | None) -> Iterator[tuple[Side, Side]]:
    """The old and the new side: `OLD NEW`, or with `revisions` (`REV1..REV2`) the `inputs`
    (none: the whole tree) at each revision, written into a temporary directory for the run."""
    if revisions is None:
        if len(inputs) != 2:
            raise P1LintError(f"p1lint: diff needs OLD and NEW (or --git REV1..REV2), got "
                              f"{len(inputs)} paths")
        yield path_side(inputs[0]), path_side(inputs[1])
        return
    from p1lint.diff import gitrevs

    root = gitrevs.repository_root()
    old, new = gitrevs.split_range(revisions)
    commits = gitrevs.commit_of(root, old), gitrevs.commit_of(root, new)
    paths = gitrevs.in_repository(root, inputs)
    with tempfile.TemporaryDirectory(prefix="p1lint-diff-") as directory:
        made = []
        for label, commit, name in ((old, commits[0], "old"), (new, commits[1], "new")):
            into = Path(directory, name)
            into.mkdir()
            gitrevs.write_revision(root, commit, paths, into)
            made.append(_revision_side(into, paths, label))
        yield made[0], made[1]


def _revision_side(into: Path, paths: list[str], label: str) -> Side:
    """The paths that exist at the revision (a file the other revision adds is absent here)."""
    present = [str(into / path) for path in paths if (into / path).exists()] if paths else [str(into)]
    return Side(tuple(present), os.path.abspath(into), label)
