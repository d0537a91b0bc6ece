"""Which files a directory walk checks, as ruff decides it: `exclude` (replacing the defaults)
and `extend-exclude` (adding to them) globs, and the `.gitignore` files of the repository.

Globs are gitignore patterns (read by `pathspec`), relative to the directory of the
configuration file that gives them (the working directory on the command line): `name` matches
a file or directory of that name anywhere below it, `envs/old` only that path, `*.tf.json` every
such file. A file outside that directory is matched by its name alone. Each entry of a walk is
judged by its own path (not by the directories above it): an excluded directory is not entered,
but a directory named on the command line is walked even if it lies inside an excluded one.

`.gitignore` files count inside a git repository (the nearest directory above that holds
`.git`), from its root down to the file's directory, deeper ones winning, the last matching
line of a file winning, `!` re-including; `.git/info/exclude` counts below them all. A nested
repository starts afresh. Files named on the command line are checked whatever the globs say,
unless `force-exclude` (then the `exclude` globs apply to them and to their directories; the
`.gitignore` files never do). `pathspec` is imported only when a walk or `force-exclude` needs it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from p1lint.documents.patterns import GitIgnores, GlobSet

DEFAULT_EXCLUDE = (
    ".bzr", ".direnv", ".git", ".git-rewrite", ".hg", ".idea", ".mypy_cache", ".nox", ".pytest_cache",
    ".ruff_cache", ".svn", ".terraform", ".terragrunt-cache", ".tox", ".venv", ".vscode", "__pycache__",
    "__pypackages__", "node_modules", "site-packages", "venv",
)


class ExcludeGlob(NamedTuple):
    """One `exclude` glob and the absolute directory it is relative to."""

    pattern: str
    base: str
    origin: str = ""  # `file:line:col` of the configuration entry; "" on the command line


def exclude_glob(pattern: str, base: str, origin: str = "") -> ExcludeGlob:
    return ExcludeGlob(pattern, os.path.abspath(base), origin)


def parse_exclude(text: str) -> ExcludeGlob:
    """A glob of `--exclude` / `--extend-exclude`, relative to the working directory."""
    if not text.strip():
        raise ValueError("expected a glob such as 'envs/old' or '*.tf.json', not an empty string")
    return exclude_glob(text, os.getcwd())


class FileScope:
    """What a run checks of the paths it is given: `globs` (`exclude` and `extend-exclude`),
    `.gitignore` files unless not `respect_gitignore`, and with `force` the globs for the paths
    named too. `partial`: the directories given whose walk left something out."""

    def __init__(self, globs: Sequence[ExcludeGlob] = (), respect_gitignore: bool = True,
                 force: bool = False) -> None:
        self.globs, self.respect_gitignore, self.force = tuple(globs), respect_gitignore, force
        self.gitignores: GitIgnores | None = None
        self.partial: set[str] = set()
        self._sets: tuple[GlobSet, ...] | None = None

    def prepare(self) -> None:
        """Compile the globs now: a bad one is a `P1LintError` before anything is read."""
        from p1lint.documents.patterns import GitIgnores, glob_sets

        if self._sets is None:
            self._sets = glob_sets(self.globs)
            self.gitignores = GitIgnores() if self.respect_gitignore else None

    def consulted(self) -> list[str]:
        return [] if self.gitignores is None else list(self.gitignores.consulted)

    def skips_named(self, path: str) -> bool:
        """Whether `path`, named on the command line, is left out (only with `force`)."""
        if not self.force or not self.globs:
            return False
        from p1lint.documents.patterns import excluded_with_parents

        self.prepare()
        return excluded_with_parents(self._sets or (), os.path.abspath(path), os.path.isdir(path))

    def keeps(self, root: str, path: str, is_dir: bool) -> bool:
        """Whether the walk of `root` checks (or enters) `path`."""
        from p1lint.documents.patterns import excluded_by

        self.prepare()
        absolute = os.path.abspath(path)
        if excluded_by(self._sets or (), absolute, is_dir) or (
                self.gitignores is not None and self.gitignores.ignored(absolute, is_dir)):
            self.partial.add(root)
            return False
        return True
