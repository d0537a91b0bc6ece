"""Baselines: accept today's findings, fail only on new ones.

A finding is matched by file, rule, JSON Pointer and message — never by line, so that edits
elsewhere in a file do not resurrect accepted findings, while a changed value (the message shows
it) counts as new. Entries are counted: two identical accepted findings accept two, not three.
Files are stored relative to the baseline's own directory, so the baseline matches whichever
directory p1lint runs from and however the paths are spelt."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from p1lint.findings import Finding, InputError, P1LintError, unicode_text
from p1lint.outputfiles import write_text_atomically

FORMAT_VERSION = 1


class BaselineError(P1LintError):
    """An unreadable or malformed baseline file."""


class Key(NamedTuple):
    file: str
    rule: str
    path: str
    message: str

    @classmethod
    def of(cls, finding: Finding, base: Path) -> Key:
        file, message = unicode_text(_relative(finding.file, base)), unicode_text(finding.message)
        return cls(file, finding.rule, finding.path, message)


def _relative(file: str, base: Path) -> str:
    if file.startswith("<"):  # <stdin> and other names that are not paths
        return file
    return Path(os.path.relpath(Path(file).resolve(), base.resolve())).as_posix()


class Filtered(NamedTuple):
    findings: list[Finding]
    suppressed: int
    unmatched: int


def write_baseline(path: Path, findings: list[Finding]) -> None:
    entries = [Key.of(finding, path.parent)._asdict() for finding in findings]
    document = {"version": FORMAT_VERSION, "findings": entries}
    try:
        write_text_atomically(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        message = f"cannot write baseline: {error.strerror or error}"
        raise BaselineError(str(InputError(str(path), 1, 1, message))) from error


def load_baseline(path: Path) -> Counter[Key]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(str(InputError(str(path), 1, 1, f"cannot read baseline: {error}"))) from error
    except (ValueError, UnicodeDecodeError) as error:
        line, column = (error.lineno, error.colno) if isinstance(error, json.JSONDecodeError) else (1, 1)
        raise BaselineError(str(InputError(str(path), line, column, f"invalid baseline: {error}"))) from error
    return Counter(_keys(path, document))


def _keys(path: Path, document: object) -> list[Key]:
    entries = document.get("findings") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        message = 'invalid baseline: expected {"findings": [...]}'
        raise BaselineError(str(InputError(str(path), 1, 1, message)))
    try:
        return [Key(**{field: str(entry[field]) for field in Key._fields}) for entry in entries]
    except KeyError as error:
        message = f"invalid baseline: an entry lacks {error.args[0]!r}"
        raise BaselineError(str(InputError(str(path), 1, 1, message))) from error


def apply_baseline(findings: list[Finding], baseline: Counter[Key], base: Path) -> Filtered:
    """Drop the findings the baseline (stored in directory `base`) accepts."""
    remaining = Counter(baseline)
    kept = []
    for finding in findings:
        key = Key.of(finding, base)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(finding)
    return Filtered(kept, len(findings) - len(kept), sum(remaining.values()))
