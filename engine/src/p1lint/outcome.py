"""What `p1lint check` prints after linting, and its exit code: shared by the full run and the
replay of a cached one (`p1lint.cache.replay`), so that both print the same bytes. Light on
purpose: nothing here imports click or the engine."""

from __future__ import annotations

import sys
from typing import IO, Any

from p1lint.exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from p1lint.findings import SEVERITY_RANK, Finding


def echo_error(line: str, stream: IO[str] | None = None) -> None:
    """One line on standard error (or `stream`)."""
    stream = stream or sys.stderr
    stream.write(f"{line}\n")
    stream.flush()


def print_notes(result: Any, quiet: bool, stream: IO[str] | None = None) -> None:
    """Input errors, then (unless `quiet`) skipped files, rules not checked and suppressed counts,
    on standard error (or `stream`)."""
    for error in result.errors:
        echo_error(str(error), stream)
    for notice in [] if quiet else result.skipped:
        echo_error(str(notice), stream)
    for line in [] if quiet else not_checked_lines(result.not_checked):
        echo_error(line, stream)
    for line in [] if quiet else suppressed_lines(result):
        echo_error(line, stream)


def suppressed_lines(result: Any) -> list[str]:
    """How many findings inline comments and the configuration's entries suppressed."""
    configured = sum(1 for finding in result.suppressed_findings if finding.suppression == "external")
    counts = ((result.suppressed - configured, "inline comments"), (configured, "the configuration"))
    return [f"p1lint: {count} findings suppressed by {by}" for count, by in counts if count]


def print_report(
    findings: list[Finding], result: Any, output_format: str, quiet: bool, fail_on: str,
    stream: IO[str], color: bool,
) -> None:
    """The findings through the reporter of `output_format`, on `stream` (a replayed run)."""
    from p1lint.reporters import Outcome, make_reporter, report

    reporter = make_reporter(output_format, stream, color=color, quiet=quiet)
    outcome = Outcome(result.files, result.unreadable, tuple(result.errors),
                      tuple(getattr(result, "names", ())), fail_on)
    report(reporter, findings, outcome)


def not_checked_lines(not_checked: dict[str, str]) -> list[str]:
    """One line naming the context a snapshot lacked and the rules that could not run for it."""
    by_missing: dict[str, list[str]] = {}
    for rule, missing in sorted(not_checked.items()):
        by_missing.setdefault(missing, []).append(rule)
    if not by_missing:
        return []
    lacking = "; ".join(f"{missing} ({', '.join(rules)})" for missing, rules in sorted(by_missing.items()))
    return [f"p1lint: not checked, for lack of context in the snapshot: {lacking}"]


def exit_code(findings: list[Finding], had_errors: bool, fail_on: str, reported: bool = True) -> int:
    if had_errors or not reported:
        return EXIT_ERROR
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[finding.severity] >= threshold for finding in findings)
    return EXIT_FINDINGS if failing else EXIT_OK
