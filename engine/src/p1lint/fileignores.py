"""Per-file ignores, as ruff's `per-file-ignores`: rules that do not apply to the files a glob
matches. A glob is matched against a file's name and against its absolute path, the glob being
relative to the directory of the configuration file that gives it (the working directory on the
command line); `!glob` applies to every file the glob does not match. Rules are named as
`--ignore` names them: ids, id prefixes or names."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase
from typing import NamedTuple

from p1lint.findings import Finding


class FileIgnore(NamedTuple):
    glob: str  # as written, without its leading `!`
    absolute: str  # the glob below its base directory
    negated: bool
    rules: tuple[str, ...]
    origin: str = ""  # `file:line:col` of the configuration entry; "" on the command line


def file_ignore(glob: str, rules: Iterable[str], base: str, origin: str = "") -> FileIgnore:
    negated = glob.startswith("!")
    plain = glob[1:] if negated else glob
    absolute = os.path.normpath(os.path.join(os.path.abspath(base), plain))
    return FileIgnore(plain, absolute, negated, tuple(rules), origin)


def parse_file_ignore(text: str) -> FileIgnore:
    """`GLOB:RULE,RULE` as the command line gives it; a `ValueError` says what is wrong."""
    glob, colon, rules = text.rpartition(":")
    names = [part.strip() for part in rules.split(",") if part.strip()]
    if not colon or not glob or not names:
        raise ValueError(f"expected GLOB:RULES (such as 'envs/dev/*.json:P1L301,P1L2'), not {text!r}")
    return file_ignore(glob, names, os.getcwd())


def applies(entry: FileIgnore, path: str) -> bool:
    """Whether `entry` concerns the file `path` (as a finding names it)."""
    absolute = os.path.abspath(path)
    hit = fnmatchcase(os.path.basename(path), entry.glob) or fnmatchcase(absolute, entry.absolute)
    return hit != entry.negated


def rule_matches(rule: str, name: str, pattern: str) -> bool:
    """Whether the rule of id `rule` and name `name` is what `pattern` names (`--ignore`'s way)."""
    return pattern == name or rule.upper().startswith(pattern.upper())


def without_ignored(findings: Sequence[Finding], entries: Sequence[FileIgnore]) -> list[Finding]:
    """The findings no entry ignores in their file."""
    if not entries:
        return list(findings)
    by_file: dict[str, list[str]] = {}
    kept = []
    for finding in findings:
        if finding.file not in by_file:
            by_file[finding.file] = [p for e in entries if applies(e, finding.file) for p in e.rules]
        if not any(rule_matches(finding.rule, finding.name, p) for p in by_file[finding.file]):
            kept.append(finding)
    return kept
