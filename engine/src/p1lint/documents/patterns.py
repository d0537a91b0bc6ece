"""Gitignore patterns, compiled by `pathspec`, and how they judge a path: the `exclude` globs of
a run (`GlobSet`) and the `.gitignore` files of a repository (`GitIgnores`). See `exclusion` for
the rules; imported only by a walk or `--force-exclude`."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from p1lint.findings import P1LintError

if TYPE_CHECKING:
    from p1lint.documents.gitindex import Tracked

Glob = tuple[str, str, str]  # an `exclusion.ExcludeGlob`: pattern, its directory, its origin

PLAIN_NAME = re.compile(r"[^*?\[\]\\/!#\s][^*?\[\]\\/]*(?<!\s)")  # a name and nothing else
IGNORE_FILE = ".gitignore"
MAX_IGNORE_FILE_SIZE = 1 << 20  # a .gitignore of more is not read
MAX_PATTERN_LENGTH = 4_096  # PATH_MAX: a longer pattern matches no path
MATCH_TIMEOUT_SECONDS = 0.1


class Line:
    """A compiled pattern: whether a match excludes (False: `!` re-includes), its expression
    (run by the `regex` engine, each match with a timeout), and whether it names a path (holds a
    `/` before its end) rather than a name. A pattern that once took too long matches nothing
    more: the files it would leave out are checked."""

    __slots__ = ("anchored", "excludes", "regex", "usable")

    def __init__(self, excludes: bool, regex: Any, anchored: bool) -> None:
        self.excludes, self.regex, self.anchored, self.usable = excludes, regex, anchored, True

    def match(self, relative: str) -> Any:
        if not self.usable:
            return None
        try:
            return self.regex.match(relative, timeout=MATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            self.usable = False
            return None


Level = tuple[str, tuple[Line, ...]]  # a directory and the patterns relative to it


def compile_line(pattern: str) -> Line | None:
    """`pattern` compiled; None for a blank line or a comment; `ValueError` for a bad pattern
    (or one longer than any path)."""
    import regex
    from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(f"a pattern of more than {MAX_PATTERN_LENGTH:,} characters")
    compiled = GitIgnoreSpecPattern(pattern)
    if compiled.include is None or compiled.regex is None:
        return None
    expression = regex.compile(compiled.regex.pattern)
    return Line(bool(compiled.include), expression, "/" in pattern.strip().rstrip("/"))


def verdict(lines: Iterable[Line], relative: str, current: bool | None = None) -> bool | None:
    """Whether the last of `lines` that matches the path `relative` (ending in `/` for a
    directory) excludes it; `current` when none does."""
    for line in lines:
        found = line.match(relative)
        if found is not None and not _below_match(found, relative):
            current = line.excludes
    return current


def _below_match(found: Any, relative: str) -> bool:
    """Whether the pattern matched a directory above the path rather than the path itself
    (`pathspec` matches the contents of a matched directory too; a walk judges each entry)."""
    directory = found.re.groupindex.get("ps_d")
    return directory is not None and found.group(directory) is not None and found.end() < len(relative)


class GlobSet(NamedTuple):
    """The globs of one directory: `names`, plain names (no wildcard, no `/`) matched by a set
    lookup, when no glob of the set re-includes (then order cannot matter); `lines` the rest."""

    base: str
    lines: tuple[Line, ...]
    names: frozenset[str] = frozenset()

    def hit(self, relative: str, names_only: bool = False) -> bool:
        """Whether the set excludes the path `relative` (ending in `/` for a directory);
        `names_only`: of a path outside `base`, given by its name, judged by name globs only."""
        if relative.rstrip("/").rpartition("/")[2] in self.names:
            return True
        lines = [line for line in self.lines if not line.anchored] if names_only else self.lines
        return bool(verdict(lines, relative))


def glob_sets(globs: Sequence[Glob]) -> tuple[GlobSet, ...]:
    """The globs compiled, by their directory; a bad glob is a `P1LintError` at its place."""
    by_base: dict[str, list[tuple[str, Line]]] = {}
    for pattern, base, origin in globs:
        try:
            line = compile_line(pattern)
        except ValueError as error:
            where = f"{origin}: exclude" if origin else "p1lint: --exclude"
            raise P1LintError(f"{where}: {error}") from None
        if line is not None:
            by_base.setdefault(base, []).append((pattern, line))
    return tuple(_glob_set(base, compiled) for base, compiled in by_base.items())


def _glob_set(base: str, compiled: list[tuple[str, Line]]) -> GlobSet:
    if not all(line.excludes for _, line in compiled):
        return GlobSet(base, tuple(line for _, line in compiled))
    plain = {pattern for pattern, _ in compiled if PLAIN_NAME.fullmatch(pattern)}
    return GlobSet(base, tuple(line for pattern, line in compiled if pattern not in plain), frozenset(plain))


def excluded_by(sets: Sequence[GlobSet], path: str, is_dir: bool) -> bool:
    """Whether a glob excludes the absolute `path` itself."""
    suffix = "/" if is_dir else ""
    for globs in sets:
        relative = _relative(path, globs.base)
        if relative is None and globs.hit(os.path.basename(path) + suffix, names_only=True):
            return True
        if relative is not None and globs.hit(relative + suffix):
            return True
    return False


def excluded_with_parents(sets: Sequence[GlobSet], path: str, is_dir: bool) -> bool:
    """Whether a glob excludes the absolute `path` or a directory above it, up to the glob's
    directory (a path outside it: by its name alone)."""
    for globs in sets:
        relative = _relative(path, globs.base)
        if relative is None:
            if globs.hit(os.path.basename(path) + ("/" if is_dir else ""), names_only=True):
                return True
            continue
        parts = relative.split("/")
        for count in range(1, len(parts) + 1):
            directory = count < len(parts) or is_dir
            if globs.hit("/".join(parts[:count]) + ("/" if directory else "")):
                return True
    return False


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
    lists every ignore file looked for (whether there or not), and each index read, for the
    results cache. A tracked file, and a directory holding one, is never ignored (as in git)."""

    def __init__(self) -> None:
        self._levels: dict[str, tuple[Level, ...] | None] = {}
        self._roots: dict[str, str | None] = {}  # directory -> its repository's root
        self._tracked: dict[str, Tracked | None] = {}
        self.consulted: list[str] = []

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Whether the `.gitignore` files of its repository ignore the absolute `path`."""
        levels = self.levels(os.path.dirname(path))
        decision: bool | None = None
        for directory, lines in levels or ():
            relative = _relative(path, directory)
            if relative is not None:
                decision = verdict(lines, relative + ("/" if is_dir else ""), decision)
        return bool(decision) and not self._is_tracked(path, is_dir)

    def _is_tracked(self, path: str, is_dir: bool) -> bool:
        root = self._roots.get(os.path.dirname(path))
        if root is None:
            return False
        if root not in self._tracked:
            from p1lint.documents.gitindex import index_path, tracked

            self.consulted.append(index_path(root) or os.path.join(root, ".git"))
            self._tracked[root] = tracked(root)
        known, relative = self._tracked[root], _relative(path, root)
        if known is None or relative is None:
            return False
        return relative in (known.directories if is_dir else known.files)

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
            self._roots[directory] = directory
        else:
            parent = os.path.dirname(directory)
            outer = None if parent == directory else self._levels.get(parent)
            self._roots[directory] = None if parent == directory else self._roots.get(parent)
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


