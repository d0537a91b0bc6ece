"""Output formats. Each reporter sees findings, and at the end a summary of the run (what was
checked, what could not be); this mapping is the one place to add one."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, NamedTuple, Protocol

from p1lint.findings import SEVERITY_RANK, Finding, InputError

if TYPE_CHECKING:
    from p1lint.reporters.rulehelp import RuleHelp, RuleHelpSource

REPORTERS: dict[str, str] = {
    "text": "p1lint.reporters.text:TextReporter",
    "full": "p1lint.reporters.full:FullReporter",
    "json": "p1lint.reporters.json_format:JsonReporter",
    "json-lines": "p1lint.reporters.json_lines:JsonLinesReporter",
    "sarif": "p1lint.reporters.sarif:SarifReporter",
    "junit": "p1lint.reporters.junit:JunitReporter",
    "github": "p1lint.reporters.github:GithubReporter",
    "gitlab": "p1lint.reporters.gitlab:GitlabReporter",
    "markdown": "p1lint.reporters.markdown:MarkdownReporter",
    "html": "p1lint.reporters.html:HtmlReporter",
}
# Formats that record suppressed findings as such (the others show them with --show-suppressed),
# and formats a cached run cannot replay (they read the rule files or the inputs again).
SHOWS_SUPPRESSED = frozenset({"sarif", "html"})
NOT_REPLAYED = frozenset({"sarif", "gitlab", "html"})

def _no_rule_help() -> Mapping[str, RuleHelp]:
    return {}


class Outcome(NamedTuple):
    """What a run did besides finding: the files it read (`files`, of which `unreadable` could
    not be checked), their names, the inputs that could not be checked and internal errors
    (`input_errors`), the `--fail-on` threshold, the wall time, where the explanation of a rule
    comes from (read only by the formats that show it), whether the report goes to a file
    (`to_file`: away from standard error, where the input errors were printed), the rules that
    could not run for lack of context (rule id, what was lacking), the name standard input was
    given, if it was read (a report that reads the inputs again cannot read it), and the
    configuration files whose suppression entries findings may be about (not inputs)."""

    files: int = 0
    unreadable: int = 0
    input_errors: tuple[InputError, ...] = ()
    checked: tuple[str, ...] = ()
    fail_on: str = "error"
    seconds: float = 0.0
    rule_help: RuleHelpSource = _no_rule_help
    to_file: bool = False
    not_checked: tuple[tuple[str, str], ...] = ()
    stdin_name: str = ""
    configuration: tuple[str, ...] = ()


class Summary(NamedTuple):
    """The counts every format states, and the outcome of the run."""

    files: int
    errors: int
    warnings: int
    infos: int
    unreadable: int = 0
    files_with_findings: int = 0  # of the input files (the configuration is not one)
    outcome: Outcome = Outcome()
    in_configuration: int = 0  # problems about the configuration's suppression entries

    @classmethod
    def of(cls, findings: Iterable[Finding], outcome: Outcome) -> Summary:
        count = {"error": 0, "warning": 0, "info": 0}
        files: set[str] = set()
        for finding in findings:
            if not finding.suppression:  # shown, but suppressed: not counted as a problem
                count[finding.severity] += 1
                files.add(finding.file)
        in_configuration = sum(1 for finding in findings
                               if not finding.suppression and finding.file in outcome.configuration)
        # a plan's findings may be placed in the .tf files beside it: never more files with
        # problems than files checked
        with_findings = min(len(files - set(outcome.configuration)), outcome.files - outcome.unreadable)
        return cls(outcome.files, count["error"], count["warning"], count["info"],
                   outcome.unreadable, with_findings, outcome, in_configuration)

    @property
    def checked(self) -> int:
        """Files read and checked (those that could not be read are not among them)."""
        return self.files - self.unreadable

    @property
    def problems(self) -> int:
        return self.errors + self.warnings + self.infos

    @property
    def input_errors(self) -> tuple[InputError, ...]:
        return self.outcome.input_errors

    @property
    def failed(self) -> bool:
        """The run could not check everything: never shown as clean, whatever the findings."""
        return bool(self.outcome.input_errors)


def is_failing(finding: Finding, fail_on: str) -> bool:
    """Whether `finding` is at or above the `--fail-on` severity (it fails the run)."""
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_on]


class Reporter(Protocol):
    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None: ...
    def start(self) -> None: ...
    def handle(self, finding: Finding) -> None: ...
    def stop(self, summary: Summary) -> None: ...


class CollectingReporter:
    """A reporter that writes its whole report when the run stops: it keeps the findings it is handed."""

    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None:
        self.stream = stream
        self.findings: list[Finding] = []

    def start(self) -> None:
        self.findings.clear()

    def handle(self, finding: Finding) -> None:
        self.findings.append(finding)


def make_reporter(name: str, stream: IO[str], *, color: bool, quiet: bool) -> Reporter:
    module_name, class_name = REPORTERS[name].split(":")
    reporter_class = getattr(importlib.import_module(module_name), class_name)
    return reporter_class(stream, color=color, quiet=quiet)  # type: ignore[no-any-return]


def report(reporter: Reporter, findings: list[Finding], outcome: Outcome) -> None:
    reporter.start()
    for finding in findings:
        reporter.handle(finding)
    reporter.stop(Summary.of(findings, outcome))
