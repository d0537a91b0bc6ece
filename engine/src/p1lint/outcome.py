"""What `p1lint check` prints after linting, and its exit code: shared by the full run and the
replay of a cached one (`p1lint.cache.replay`), so that both print the same bytes. Light on
purpose: nothing here imports click or the engine."""

from __future__ import annotations

import sys
from typing import Any

from p1lint.exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from p1lint.findings import SEVERITY_RANK, Finding


def echo_error(line: str) -> None:
    """One line on standard error."""
    sys.stderr.write(f"{line}\n")
    sys.stderr.flush()


def print_notes(result: Any, quiet: bool) -> None:
    """Input errors, then (unless `quiet`) skipped files, rules not checked and suppressed counts."""
    for error in result.errors:
        echo_error(str(error))
    for notice in [] if quiet else result.skipped:
        echo_error(str(notice))
    for line in [] if quiet else not_checked_lines(result.not_checked):
        echo_error(line)
    if result.suppressed and not quiet:
        echo_error(f"p1lint: {result.suppressed} findings suppressed by inline comments")


def print_report(
    findings: list[Finding], result: Any, output_format: str, no_color: bool, quiet: bool,
    fail_on: str = "error",
) -> None:
    """The findings through the reporter of `output_format`, on standard output (a replayed run)."""
    from p1lint.reporters import Outcome, make_reporter, report
    from p1lint.terminal import use_color

    reporter = make_reporter(output_format, sys.stdout, color=use_color(no_color, sys.stdout), quiet=quiet)
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
