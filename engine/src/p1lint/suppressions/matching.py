"""Whether a configuration suppression covers a finding: its rule pattern names the finding's
rule (an id prefix, case-insensitive, or its name — as `--ignore`), and each target it gives
matches — a `files` glob the finding's file (relative to the configuration's directory), the
`application` the finding's application id or name, the `path` the finding's value-based path or
one above it. Globs: `*` and `?` within one path segment, `**` any number of segments."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from fnmatch import fnmatchcase
from functools import lru_cache

from p1lint.findings import Finding
from p1lint.suppressions.entries import ConfigSuppression

MAX_SEGMENTS = 256


def names_rule(pattern: str, rule_id: str, rule_name: str) -> bool:
    return pattern == rule_name or rule_id.upper().startswith(pattern.upper())


def covering(
    entries: Iterable[tuple[int, ConfigSuppression]], finding: Finding, value_path: Callable[[], str]
) -> tuple[int, ConfigSuppression] | None:
    """The first entry (with its index) that covers `finding`; `value_path` gives the finding's
    value-based path."""
    for index, entry in entries:
        if _covers(entry, finding, value_path):
            return index, entry
    return None


def _covers(entry: ConfigSuppression, finding: Finding, value_path: Callable[[], str]) -> bool:
    if not names_rule(entry.rule, finding.rule, finding.name):
        return False
    if entry.application and entry.application not in (finding.application_id, finding.application_name):
        return False
    if entry.files and not file_matches(entry.files, entry.base, finding.file):
        return False
    return not entry.path or path_below(value_path(), entry.path)


def path_below(path: str, prefix: str) -> bool:
    """Whether `path` is `prefix` or lies below it (the next step starts with `/` or `[`)."""
    return path.startswith(prefix) and (len(path) == len(prefix) or path[len(prefix)] in "/[")


def relative_file(file: str, base: str) -> str | None:
    """`file` relative to `base`, `/`-separated; None outside it (or for `<stdin>`)."""
    if file.startswith("<"):
        return None
    relative = os.path.relpath(os.path.abspath(file), base)
    if relative == ".." or relative.startswith(".." + os.sep) or os.path.isabs(relative):
        return None
    return relative.replace(os.sep, "/")


def file_matches(globs: Iterable[str], base: str, file: str) -> bool:
    relative = relative_file(file, base)
    return relative is not None and any(glob_matches(glob, relative) for glob in globs)


def glob_matches(glob: str, relative: str) -> bool:
    parts = relative.split("/")
    return len(parts) <= MAX_SEGMENTS and _segments_match(_split(glob), tuple(parts))


@lru_cache(maxsize=4096)
def _split(glob: str) -> tuple[str, ...]:
    collapsed: list[str] = []
    for part in glob.split("/"):
        if part and not (part == "**" and collapsed[-1:] == ["**"]):
            collapsed.append(part)
    return tuple(collapsed)


def _segments_match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Segment by segment, `**` matching any run of segments: a table of the pattern's suffixes
    against the path's suffixes, each filled once (never more than len(pattern) * len(parts))."""
    width = len(parts) + 1
    # reach[j]: the pattern's suffix from the current segment matches parts[j:]
    reach = [False] * width
    reach[len(parts)] = True
    for segment in reversed(pattern):
        following = reach
        reach = [False] * width
        for start in range(len(parts), -1, -1):
            if segment == "**":
                reach[start] = following[start] or (start < len(parts) and reach[start + 1])
            else:
                reach[start] = (start < len(parts) and following[start + 1]
                                and fnmatchcase(parts[start], segment))
    return reach[0]
