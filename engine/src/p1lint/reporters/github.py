"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding."""

from __future__ import annotations

from typing import IO

from p1lint.escaping import printable
from p1lint.findings import Finding
from p1lint.reporters import Summary

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None:
        self.stream = stream

    def start(self) -> None:
        pass

    def handle(self, finding: Finding) -> None:
        properties = ",".join(f"{key}={_escape_property(str(value))}" for key, value in _properties(finding))
        message = _escape_data(f"{finding.message} ({finding.docs})")
        self.stream.write(f"::{_COMMANDS[finding.severity]} {properties}::{message}\n")

    def stop(self, summary: Summary) -> None:
        pass


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
