"""Baselines: accept today's findings, fail only on new ones.

A finding is matched by its fingerprint (see `identity`): rule, file, application, a path made
of values and a hash of the offending value — never a line, an array index or the message, so
that reformatting a file, moving lines, reordering applications or list elements and rewording
messages keep accepted findings accepted, while a changed value counts as new. Entries are
counted: two identical accepted findings accept two, not three. Each entry also says, for a
reader, what it accepted (rule, file, application, pointer); only the fingerprint is matched.
Entries no longer matched are stale: listed, and pruned with `--update-baseline`."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from p1lint.findings import Finding, InputError, P1LintError, unicode_text
from p1lint.outputfiles import write_text_atomically

FORMAT_VERSION = 2
JUSTIFICATION = "accepted by the baseline"


class BaselineError(P1LintError):
    """An unreadable or malformed baseline file."""


class Entry(NamedTuple):
    """One accepted finding: its fingerprint, and what it was, for a reader."""

    fingerprint: str
    rule: str
    file: str
    application: str
    path: str

    @classmethod
    def of(cls, finding: Finding, base: Path) -> Entry:
        application = finding.application_name or finding.application_id
        return cls(finding.fingerprint, finding.rule, unicode_text(_relative(finding.file, base)),
                   unicode_text(application), finding.path)

    def __str__(self) -> str:
        application = f" ({self.application})" if self.application else ""
        return f"{self.file}: {self.rule} at {self.path or '/'}{application}"


def _relative(file: str, base: Path) -> str:
    if file.startswith("<"):  # <stdin> and other names that are not paths
        return file
    return Path(os.path.relpath(Path(file).resolve(), base.resolve())).as_posix()


class Filtered(NamedTuple):
    findings: list[Finding]  # not accepted: reported
    accepted: list[Finding]  # marked as suppressed by the baseline (SARIF shows them so)
    stale: list[Entry]  # entries no finding matched

    @property
    def suppressed(self) -> int:
        return len(self.accepted)


def write_baseline(path: Path, findings: list[Finding]) -> None:
    write_entries(path, [Entry.of(finding, path.parent) for finding in findings])


def write_entries(path: Path, entries: list[Entry]) -> None:
    document = {"version": FORMAT_VERSION, "findings": [e._asdict() for e in sorted(entries)]}
    try:
        write_text_atomically(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        message = f"cannot write baseline: {error.strerror or error}"
        raise BaselineError(str(InputError(str(path), 1, 1, message))) from error


def load_baseline(path: Path) -> list[Entry]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(str(InputError(str(path), 1, 1, f"cannot read baseline: {error}"))) from error
    except (ValueError, UnicodeDecodeError) as error:
        line, column = (error.lineno, error.colno) if isinstance(error, json.JSONDecodeError) else (1, 1)
        raise BaselineError(str(InputError(str(path), line, column, f"invalid baseline: {error}"))) from error
    return _entries(path, document)


def _problem(path: Path, message: str) -> BaselineError:
    return BaselineError(str(InputError(str(path), 1, 1, message)))


def _entries(path: Path, document: object) -> list[Entry]:
    entries = document.get("findings") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _problem(path, 'invalid baseline: expected {"version": 2, "findings": [...]}')
    version = document.get("version") if isinstance(document, dict) else None
    if version != FORMAT_VERSION:
        raise _problem(path, f"baseline format {version} matched findings by pointer and message, which "
                             "moved lists and reworded messages break; write it again with `p1lint "
                             f"check --write-baseline {path} ...` (format {FORMAT_VERSION}: fingerprints)")
    try:
        return [Entry(**{field: str(entry[field]) for field in Entry._fields}) for entry in entries]
    except KeyError as error:
        raise _problem(path, f"invalid baseline: an entry lacks {error.args[0]!r}") from error


def apply_baseline(findings: list[Finding], entries: list[Entry], source: Path) -> Filtered:
    """Mark the findings the baseline at `source` accepts; the entries left over are stale."""
    remaining = Counter(entry.fingerprint for entry in entries)
    kept, accepted = [], []
    justification = f"{JUSTIFICATION} {unicode_text(str(source))}"
    for finding in findings:
        if finding.fingerprint and remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
            accepted.append(finding._replace(suppression="external", justification=justification))
        else:
            kept.append(finding)
    stale = []
    for entry in entries:
        if remaining[entry.fingerprint] > 0:
            remaining[entry.fingerprint] -= 1
            stale.append(entry)
    return Filtered(kept, accepted, stale)


def pruned(entries: list[Entry], stale: list[Entry]) -> list[Entry]:
    """`entries` without the stale ones (counted: one stale duplicate removes one entry)."""
    left = Counter(stale)
    kept = []
    for entry in entries:
        if left[entry] > 0:
            left[entry] -= 1
        else:
            kept.append(entry)
    return kept
