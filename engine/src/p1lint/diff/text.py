"""`p1lint diff` as text: one line per change (`file:line:col: severity kind application:
detail`), the findings introduced and fixed as `check` prints them, then the totals."""

from __future__ import annotations

import io

from p1lint.diff.changes import Change
from p1lint.diff.run import DiffResult
from p1lint.escaping import printable, printable_line
from p1lint.findings import Finding
from p1lint.reporters.text import TextReporter, plural


def render_text(result: DiffResult) -> str:
    lines: list[str] = []
    if result.changes:
        lines += ["Changes:", *(change_line(change) for change in result.changes), ""]
    for title, findings in (("Findings introduced:", result.introduced), ("Findings fixed:", result.fixed)):
        if findings:
            lines += [title, *finding_lines(findings), ""]
    return "\n".join([*lines, totals(result)]) + "\n"


def application_label(change: Change) -> str:
    name, identifier = change.application_name, change.application_id
    return f"{name} ({identifier})" if name and identifier and name != identifier else name or identifier


def change_line(change: Change) -> str:
    where = f"{printable_line(change.file)}:{change.line}:{change.column}:"
    host = f" (host {change.host})" if change.host and change.host != "*" else ""
    detail = printable(f"{application_label(change)}: {change.detail}{host}")
    return f"{where} {change.severity} {change.kind} {detail}"


def finding_lines(findings: list[Finding]) -> list[str]:
    stream = io.StringIO()
    reporter = TextReporter(stream, color=False, quiet=True)
    for finding in findings:
        reporter.handle(finding)
    return stream.getvalue().splitlines()


def totals(result: DiffResult) -> str:
    by_severity = ", ".join(plural(count, severity) for severity, count in result.counts().items())
    changes = f"{plural(len(result.changes), 'security-relevant change')} ({by_severity})"
    return (f"{changes}; {plural(len(result.introduced), 'finding')} introduced, "
            f"{len(result.fixed)} fixed.")
