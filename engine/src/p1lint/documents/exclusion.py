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
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from p1lint.findings import P1LintError

DEFAULT_EXCLUDE = (
    ".bzr", ".direnv", ".git", ".git-rewrite", ".hg", ".idea", ".mypy_cache", ".nox", ".pytest_cache",
    ".ruff_cache", ".svn", ".terraform", ".terragrunt-cache", ".tox", ".venv", ".vscode", "__pycache__",
    "__pypackages__", "node_modules", "site-packages", "venv",
)
IGNORE_FILE = ".gitignore"
MAX_IGNORE_FILE_SIZE = 1 << 20  # a .gitignore of more is not read


class ExcludeGlob(NamedTuple):
    """One `exclude` glob and the absolute directory it is relative to."""

    pattern: str
    base: str
    origin: str = ""  # `file:line:col` of the configuration entry; "" on the command line


class Line(NamedTuple):
    """A compiled pattern: whether a match excludes (False: `!` re-includes), its expression,
    and whether it names a path (holds a `/` before its end) rather than a name."""

    excludes: bool
    regex: Any
    anchored: bool


Level = tuple[str, tuple[Line, ...]]  # a directory and the patterns relative to it


def exclude_glob(pattern: str, base: str, origin: str = "") -> ExcludeGlob:
    return ExcludeGlob(pattern, os.path.abspath(base), origin)


def parse_exclude(text: str) -> ExcludeGlob:
    """A glob of `--exclude` / `--extend-exclude`, relative to the working directory."""
    if not text.strip():
        raise ValueError("expected a glob such as 'envs/old' or '*.tf.json', not an empty string")
    return exclude_glob(text, os.getcwd())


def compile_line(pattern: str) -> Line | None:
    """`pattern` compiled; None for a blank line or a comment; `ValueError` for a bad pattern."""
    from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

    compiled = GitIgnoreSpecPattern(pattern)
    if compiled.include is None or compiled.regex is None:
        return None
    return Line(bool(compiled.include), compiled.regex, "/" in pattern.strip().rstrip("/"))


def verdict(lines: Iterable[Line], relative: str, current: bool | None = None) -> bool | None:
    """Whether the last of `lines` that matches the path `relative` (ending in `/` for a
    directory) excludes it; `current` when none does."""
    for line in lines:
        found = line.regex.match(relative)
        if found is not None and not _below_match(found, relative):
            current = line.excludes
    return current


def _below_match(found: Any, relative: str) -> bool:
    """Whether the pattern matched a directory above the path rather than the path itself
    (`pathspec` matches the contents of a matched directory too; a walk judges each entry)."""
    directory = found.re.groupindex.get("ps_d")
    return directory is not None and found.group(directory) is not None and found.end() < len(relative)


class GlobSet(NamedTuple):
    base: str
    lines: tuple[Line, ...]


def glob_sets(globs: Sequence[ExcludeGlob]) -> tuple[GlobSet, ...]:
    """The globs compiled, by their directory; a bad glob is a `P1LintError` at its place."""
    by_base: dict[str, list[Line]] = {}
    for glob in globs:
        try:
            line = compile_line(glob.pattern)
        except ValueError as error:
            where = f"{glob.origin}: exclude" if glob.origin else "p1lint: --exclude"
            raise P1LintError(f"{where}: {error}") from None
        if line is not None:
            by_base.setdefault(glob.base, []).append(line)
    return tuple(GlobSet(base, tuple(lines)) for base, lines in by_base.items())


def excluded_by(sets: Sequence[GlobSet], path: str, is_dir: bool) -> bool:
    """Whether a glob excludes the absolute `path` itself."""
    suffix = "/" if is_dir else ""
    for globs in sets:
        relative = _relative(path, globs.base)
        if relative is not None:
            hit = verdict(globs.lines, relative + suffix)
        else:
            hit = verdict(_names_only(globs), os.path.basename(path) + suffix)
        if hit:
            return True
    return False


def excluded_with_parents(sets: Sequence[GlobSet], path: str, is_dir: bool) -> bool:
    """Whether a glob excludes the absolute `path` or a directory above it, up to the glob's
    directory (a path outside it: by its name alone)."""
    for globs in sets:
        relative = _relative(path, globs.base)
        if relative is None:
            if verdict(_names_only(globs), os.path.basename(path) + ("/" if is_dir else "")):
                return True
            continue
        parts = relative.split("/")
        for count in range(1, len(parts) + 1):
            directory = count < len(parts) or is_dir
            if verdict(globs.lines, "/".join(parts[:count]) + ("/" if directory else "")):
                return True
    return False


def _names_only(globs: GlobSet) -> list[Line]:
    return [line for line in globs.lines if not line.anchored]


def _relative(path: str, base: str) -> str | None:
    """`path` below `base` with `/` separators, None when it is not below it."""
    prefix = base.rstrip(os.sep) + os.sep
    if not path.startswith(prefix):
        return None
    return path[len(prefix):].replace(os.sep, "/")


def ignore_lines(path: str) -> tuple[Line, ...]:
    """The patterns of an ignore file; lines git would refuse are left out, as git leaves them."""
    from p1lint.documents.files import ReadProblem, read_regular_file

    try:
        text = read_regular_file(path, MAX_IGNORE_FILE_SIZE).decode("utf-8", "surrogateescape")
    except (OSError, ReadProblem):
        return ()
    lines = []
    for raw in text.splitlines():
        try:
            line = compile_line(raw)
        except ValueError:
            continue
        if line is not None:
            lines.append(line)
    return tuple(lines)


class GitIgnores:
    """The `.gitignore` levels of each directory, worked out once per directory; `consulted`
    lists every ignore file looked for (whether there or not), for the results cache."""

    def __init__(self) -> None:
        self._levels: dict[str, tuple[Level, ...] | None] = {}
        self.consulted: list[str] = []

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Whether the `.gitignore` files of its repository ignore the absolute `path`."""
        levels = self.levels(os.path.dirname(path))
        decision: bool | None = None
        for directory, lines in levels or ():
            relative = _relative(path, directory)
            if relative is not None:
                decision = verdict(lines, relative + ("/" if is_dir else ""), decision)
        return bool(decision)

    def levels(self, directory: str) -> tuple[Level, ...] | None:
        """The ignore files that apply in `directory`, outermost first; None outside a repository."""
        missing = []
        while directory not in self._levels:
            missing.append(directory)
            parent = os.path.dirname(directory)
            if parent == directory or os.path.exists(os.path.join(directory, ".git")):
                break
            directory = parent
        for path in reversed(missing):
            self._levels[path] = self._own(path)
        return self._levels[missing[0]] if missing else self._levels[directory]

    def _own(self, directory: str) -> tuple[Level, ...] | None:
        if os.path.exists(os.path.join(directory, ".git")):
            outer: tuple[Level, ...] | None = self._info_exclude(directory)
        else:
            parent = os.path.dirname(directory)
            outer = None if parent == directory else self._levels.get(parent)
        if outer is None:
            return None
        own = self._read(os.path.join(directory, IGNORE_FILE))
        return (*outer, (directory, own)) if own else outer

    def _info_exclude(self, root: str) -> tuple[Level, ...]:
        git = os.path.join(root, ".git")
        if not os.path.isdir(git):  # a worktree or submodule: `.git` is a file naming the real one
            return ()
        lines = self._read(os.path.join(git, "info", "exclude"))
        return ((root, lines),) if lines else ()

    def _read(self, path: str) -> tuple[Line, ...]:
        self.consulted.append(path)
        return ignore_lines(path) if os.path.isfile(path) else ()


class FileScope:
    """What a run checks of the paths it is given: `globs` (`exclude` and `extend-exclude`),
    `.gitignore` files unless not `respect_gitignore`, and with `force` the globs for the paths
    named too. `partial`: the directories given whose walk left something out."""

    def __init__(self, globs: Sequence[ExcludeGlob] = (), respect_gitignore: bool = True,
                 force: bool = False) -> None:
        self.globs, self.force = tuple(globs), force
        self.gitignores = GitIgnores() if respect_gitignore else None
        self.partial: set[str] = set()
        self._sets: tuple[GlobSet, ...] | None = None

    def prepare(self) -> None:
        """Compile the globs now: a bad one is a `P1LintError` before anything is read."""
        if self._sets is None:
            self._sets = glob_sets(self.globs)

    def consulted(self) -> list[str]:
        return [] if self.gitignores is None else list(self.gitignores.consulted)

    def skips_named(self, path: str) -> bool:
        """Whether `path`, named on the command line, is left out (only with `force`)."""
        if not self.force or not self.globs:
            return False
        self.prepare()
        return excluded_with_parents(self._sets or (), os.path.abspath(path), os.path.isdir(path))

    def keeps(self, root: str, path: str, is_dir: bool) -> bool:
        """Whether the walk of `root` checks (or enters) `path`."""
        self.prepare()
        absolute = os.path.abspath(path)
        if excluded_by(self._sets or (), absolute, is_dir) or (
                self.gitignores is not None and self.gitignores.ignored(absolute, is_dir)):
            self.partial.add(root)
            return False
        return True
