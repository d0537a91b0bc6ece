"""Output formats. Each reporter sees findings only; this mapping is the one place to add one."""

from __future__ import annotations

import importlib
from typing import IO, NamedTuple, Protocol

from p1lint.findings import Finding

REPORTERS: dict[str, str] = {
    "text": "p1lint.reporters.text:TextReporter",
    "json": "p1lint.reporters.json_format:JsonReporter",
    "sarif": "p1lint.reporters.sarif:SarifReporter",
    "junit": "p1lint.reporters.junit:JunitReporter",
    "github": "p1lint.reporters.github:GithubReporter",
    "markdown": "p1lint.reporters.markdown:MarkdownReporter",
}


class Summary(NamedTuple):
    files: int
    errors: int
    warnings: int
    infos: int
    unreadable: int = 0

    @classmethod
    def of(cls, findings: list[Finding], files: int, unreadable: int = 0) -> Summary:
        count = {"error": 0, "warning": 0, "info": 0}
        for finding in findings:
            if not finding.suppression:  # shown, but suppressed: not counted as a problem
                count[finding.severity] += 1
        return cls(files, count["error"], count["warning"], count["info"], unreadable)


class Reporter(Protocol):
    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None: ...
    def start(self) -> None: ...
    def handle(self, finding: Finding) -> None: ...
    def stop(self, summary: Summary) -> None: ...


def make_reporter(name: str, stream: IO[str], *, color: bool, quiet: bool) -> Reporter:
    module_name, class_name = REPORTERS[name].split(":")
    reporter_class = getattr(importlib.import_module(module_name), class_name)
    return reporter_class(stream, color=color, quiet=quiet)  # type: ignore[no-any-return]


def report(reporter: Reporter, findings: list[Finding], files: int, unreadable: int = 0) -> None:
    reporter.start()
    for finding in findings:
        reporter.handle(finding)
    reporter.stop(Summary.of(findings, files, unreadable))
