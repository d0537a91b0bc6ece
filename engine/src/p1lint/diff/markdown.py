"""`p1lint diff` as Markdown, for a pull-request comment: totals, then tables of the changes and
of the findings introduced and fixed. Every value is escaped as the Markdown report escapes it
(no markup, link, mention or HTML can come from the input)."""

from __future__ import annotations

from p1lint import __version__
from p1lint.diff.changes import Change
from p1lint.diff.run import DiffResult
from p1lint.diff.text import application_label, totals
from p1lint.findings import Finding
from p1lint.reporters.markdown import _cell as cell


def render_markdown(result: DiffResult) -> str:
    lines = [f"## p1lint diff ({__version__})", "", cell(totals(result))]
    if result.errors:
        lines += ["", "**Inputs that could not be read** (the diff is incomplete):", ""]
        lines += [f"- {cell(str(error))}" for error in result.errors]
    if result.changes:
        lines += ["", "### Security-relevant changes", "",
                  "| severity | change | application | detail | where |", "|---|---|---|---|---|"]
        lines += [_change_row(change) for change in result.changes]
    for title, findings in (("Findings introduced", result.introduced), ("Findings fixed", result.fixed)):
        if findings:
            lines += ["", f"### {title}", "", *_findings(findings)]
    return "\n".join(lines) + "\n"


def _change_row(c: Change) -> str:
    return (f"| {c.severity} | {c.kind} | {cell(application_label(c))} | {cell(_detail(c.detail, c.host))} "
            f"| {cell(f'{c.file}:{c.line}')} |")


def _detail(detail: str, host: str) -> str:
    return f"{detail} (host {host})" if host and host != "*" else detail


def _findings(findings: list[Finding]) -> list[str]:
    rows = ["| rule | severity | message | where |", "|---|---|---|---|"]
    return rows + [f"| {f.rule} {f.name} | {f.severity} | {cell(f.message)} | {cell(f'{f.file}:{f.line}')} |"
                   for f in findings]
