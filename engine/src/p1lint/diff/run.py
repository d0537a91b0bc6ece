"""Diff two sides: the findings introduced and fixed (matched by fingerprint, counted as a
baseline counts them), and the changes of the applications."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from p1lint.diff.applications import Application, applications, changes
from p1lint.diff.changes import Change
from p1lint.diff.sides import Side
from p1lint.findings import SEVERITY_RANK, Finding, InputError
from p1lint.run_settings import RunSettings
from p1lint.selection import ActiveRule


class DiffResult(NamedTuple):
    changes: list[Change]
    introduced: list[Finding]
    fixed: list[Finding]
    errors: list[InputError]

    def counts(self) -> dict[str, int]:
        """The number of changes of each severity, most severe first."""
        found = dict.fromkeys(sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__, reverse=True), 0)
        for change in self.changes:
            found[change.severity] += 1
        return found

    def failing(self, fail_on: str) -> bool:
        """Whether a change or an introduced finding is at `fail_on` or above."""
        threshold = SEVERITY_RANK[fail_on]
        severities = [c.severity for c in self.changes] + [f.severity for f in self.introduced]
        return any(SEVERITY_RANK[severity] >= threshold for severity in severities)


class Reading(NamedTuple):
    """How both sides are read and checked."""

    rules: list[ActiveRule]
    settings: RunSettings
    max_file_size: int
    actor: str | None = None  # the actor file of environments that have none


class ReadSide(NamedTuple):
    findings: list[Finding]
    errors: list[InputError]
    applications: list[Application]


def read_side(side: Side, reading: Reading) -> ReadSide:
    """The findings of one side (fingerprints naming its files relative to its root) and its
    applications; what cannot be read is an error, named as the side shows it."""
    from p1lint.documents.sources import discover
    from p1lint.engine import lint_paths, read_environments
    from p1lint.identity import files_relative_to

    with files_relative_to(side.root):
        result = lint_paths(side.paths, reading.rules, reading.settings, max_file_size=reading.max_file_size,
                            actor=reading.actor)
    environments = read_environments(discover(side.paths), reading.max_file_size)  # errors: those above
    errors = [side.shown_error(error) for error in result.errors]
    return ReadSide(result.findings, errors, applications(environments))


def diff_sides(old: Side, new: Side, reading: Reading) -> DiffResult:
    before, after = (read_side(side, reading) for side in (old, new))
    introduced = [new.shown_finding(f) for f in unmatched(after.findings, before.findings)]
    fixed = [old.shown_finding(f) for f in unmatched(before.findings, after.findings)]

    def shown(name: str) -> str:
        return old.shown(new.shown(name))

    found = changes(before.applications, after.applications, shown)
    found.sort(key=lambda c: (-SEVERITY_RANK[c.severity], c.application_name, c.application_id, c.kind,
                              c.file, c.line, c.column))
    return DiffResult(found, introduced, fixed, [*before.errors, *after.errors])


def unmatched(findings: list[Finding], others: list[Finding]) -> list[Finding]:
    """The findings no finding of `others` has the fingerprint of (one each: two identical
    findings where there was one are one introduced)."""
    remaining = Counter(finding.fingerprint for finding in others)
    kept = []
    for finding in findings:
        if remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
        else:
            kept.append(finding)
    return kept
