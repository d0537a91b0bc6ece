"""An audit report in HTML: one self-contained page (see `p1lint.html`) with the environment and
when it was checked, totals by severity, charts of findings by category and by application, the
applications ranked by risk, each finding with its code frame, what could not be checked, the
coverage of the checks and the suppressed findings. Suppressed findings are always shown, in
their own section (they are not counted in the totals)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import NamedTuple

from p1lint import __version__
from p1lint.findings import Finding, InputError
from p1lint.html.applications import RISK_WEIGHTS, ApplicationCard, application_cards
from p1lint.html.charts import BarChart, bar_chart, tally
from p1lint.html.codeframes import CodeFrame, FrameSource
from p1lint.html.inputs import EnvironmentLine, read_inputs
from p1lint.reporters import CollectingReporter, Summary
from p1lint.reporters.rulehelp import RuleHelp

SUPPRESSED_BY = {"inSource": "inline comment", "external": "configuration or baseline"}
NO_CATEGORY = "other"
NO_APPLICATION = "(the environment)"
UNKNOWN_VALUE = "unknown-value-not-checked"  # the rule naming the checks an unknown value kept from running


class FindingItem(NamedTuple):
    finding: Finding
    frame: CodeFrame | None


class SuppressedItem(NamedTuple):
    finding: Finding
    by: str


class CoverageRow(NamedTuple):
    missing: str
    rules: tuple[str, ...]


class CheckReport(NamedTuple):
    title: str
    version: str
    checked_at: str
    checked_at_text: str
    summary: Summary
    fail_on: str
    environments: tuple[EnvironmentLine, ...]
    totals: dict[str, int]
    by_category: BarChart
    by_application: BarChart
    applications: tuple[ApplicationCard, ...]
    findings: tuple[FindingItem, ...]
    suppressed: tuple[SuppressedItem, ...]
    coverage: tuple[CoverageRow, ...]
    unknown_values: tuple[Finding, ...]
    input_errors: tuple[InputError, ...]
    risk_weights: str


def check_report(findings: Iterable[Finding], summary: Summary, now: datetime) -> CheckReport:
    everything = list(findings)
    shown = [f for f in everything if not f.suppression]
    helps = summary.outcome.rule_help()
    inputs = read_inputs(summary.outcome.checked, summary.outcome.stdin_name)
    frames = FrameSource(inputs.documents)
    return CheckReport(
        "p1lint report", __version__, now.isoformat(timespec="seconds"),
        now.strftime("%Y-%m-%d %H:%M:%S UTC"),
        summary, summary.outcome.fail_on, inputs.environments,
        {"error": summary.errors, "warning": summary.warnings, "info": summary.infos},
        bar_chart("Findings by category", tally((_category(f, helps), f.severity) for f in shown)),
        bar_chart("Findings by application", tally((_application(f), f.severity) for f in shown)),
        application_cards(shown, inputs.applications),
        tuple(FindingItem(f, frames.frame(f)) for f in shown),
        tuple(SuppressedItem(f, SUPPRESSED_BY.get(f.suppression, f.suppression))
              for f in everything if f.suppression),
        _coverage(summary.outcome.not_checked, helps),
        tuple(f for f in shown if f.name == UNKNOWN_VALUE),
        summary.input_errors,
        ", ".join(f"{weight} per {severity}" for severity, weight in RISK_WEIGHTS.items()),
    )


def _category(finding: Finding, helps: Mapping[str, RuleHelp]) -> str:
    help_ = helps.get(finding.rule)
    return help_.category if help_ is not None else NO_CATEGORY


def _application(finding: Finding) -> str:
    return finding.application_name or finding.application_id or NO_APPLICATION


def _coverage(
    not_checked: Iterable[tuple[str, str]], helps: Mapping[str, RuleHelp]
) -> tuple[CoverageRow, ...]:
    """What a snapshot lacked, and the rules (id and name) that could not run for it."""
    by_missing: dict[str, list[str]] = {}
    for rule, missing in sorted(not_checked):
        help_ = helps.get(rule)
        by_missing.setdefault(missing, []).append(f"{rule} {help_.name}" if help_ else rule)
    return tuple(CoverageRow(missing, tuple(rules)) for missing, rules in sorted(by_missing.items()))


class HtmlReporter(CollectingReporter):
    def stop(self, summary: Summary) -> None:
        from p1lint.html.page import render_page

        report = check_report(self.findings, summary, datetime.now(timezone.utc))
        self.stream.write(render_page("check.html.j2", title=report.title, version=report.version,
                                      report=report))
