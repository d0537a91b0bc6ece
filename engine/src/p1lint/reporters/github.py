"""GitHub Actions workflow commands: `::error`/`::warning`/`::notice` annotations, the inputs that
could not be checked first, then findings from the most severe. GitHub shows at most 10 error,
10 warning and 10 notice annotations per step (and 50 per job); past that, findings are written
as plain log lines after one notice saying how many were left out, so none is dropped unseen."""

from __future__ import annotations

from p1lint.escaping import printable, printable_line
from p1lint.findings import SEVERITY_RANK, Finding, InputError
from p1lint.reporters import CollectingReporter, Summary
from p1lint.reporters.identity import described

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
PER_STEP = 10  # annotations of each kind GitHub shows for one step


def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(CollectingReporter):
    def stop(self, summary: Summary) -> None:
        ordered = sorted(self.findings, key=lambda finding: -SEVERITY_RANK[finding.severity])
        room = {"error": PER_STEP - min(len(summary.input_errors), PER_STEP), "warning": PER_STEP,
                "notice": PER_STEP}
        shown, left = _fit(ordered, room, len(summary.input_errors) > PER_STEP)
        errors = summary.input_errors
        lines = [_error_annotation(error) for error in errors[:PER_STEP]]
        lines += [_annotation(finding) for finding in shown]
        if left or len(errors) > PER_STEP:
            lines.append(_left_out(len(left), len(errors[PER_STEP:])))
            lines += [str(error) for error in errors[PER_STEP:]] + [_plain(finding) for finding in left]
        self.stream.write("".join(line + "\n" for line in lines))


def _fit(
    ordered: list[Finding], room: dict[str, int], errors_left_out: bool
) -> tuple[list[Finding], list[Finding]]:
    """The findings that fit the per-step limits, and those left out; when any is left out, one
    notice is kept for the line that says so."""
    counts = {kind: sum(_COMMANDS[f.severity] == kind for f in ordered) for kind in room}
    if errors_left_out or any(counts[kind] > room[kind] for kind in room):
        room = {**room, "notice": room["notice"] - 1}
    shown: list[Finding] = []
    left: list[Finding] = []
    for finding in ordered:
        kind = _COMMANDS[finding.severity]
        (shown if room[kind] > 0 else left).append(finding)
        room[kind] -= 1
    return shown, left


def _annotation(finding: Finding) -> str:
    properties = ",".join(f"{key}={_escape_property(str(value))}" for key, value in _properties(finding))
    message = _escape_data(f"{described(finding)} ({finding.docs})")
    return f"::{_COMMANDS[finding.severity]} {properties}::{message}"


def _error_annotation(error: InputError) -> str:
    where: list[tuple[str, object]] = [("file", error.file)]
    if error.line:
        where += [("line", error.line), ("col", error.column)]
    properties = ",".join(f"{key}={_escape_property(str(value))}" for key, value in
                          [*where, ("title", "p1lint could not check this")])
    return f"::error {properties}::{_escape_data(error.message)}"


def _left_out(findings: int, errors: int) -> str:
    counts = [f"{findings} findings"] if findings else []
    counts += [f"{errors} input errors"] if errors else []
    message = (f"{' and '.join(counts)} not annotated: GitHub shows {PER_STEP} error, {PER_STEP} warning "
               f"and {PER_STEP} notice annotations per step; they follow as log lines")
    return f"::notice title=p1lint::{_escape_data(message)}"


def _plain(finding: Finding) -> str:
    where = f"{finding.file}:{finding.line}:{finding.column}"
    return printable_line(f"{where}: {finding.rule} {finding.severity} {described(finding)} [{finding.name}]")


def _properties(finding: Finding) -> list[tuple[str, object]]:
    """Where the annotation goes. GitHub takes columns only for an annotation on one line, and
    shows an annotation over several lines below its last one, far from a property that starts
    a long object: so the end is given only for a value written on one line."""
    where: list[tuple[str, object]] = [("file", finding.file), ("line", finding.line)]
    if finding.end_line == finding.line:
        where += [("endLine", finding.end_line), ("col", finding.column), ("endColumn", finding.end_column)]
    else:
        where.append(("col", finding.column))
    return [*where, ("title", f"{finding.rule} {finding.name}")]
