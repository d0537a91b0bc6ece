"""A readable audit report in Markdown: totals, rules by count, then findings grouped by file.
Meant for an exported environment with many applications (a CI artifact, a pull-request comment)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import IO

from p1lint import __version__
from p1lint.escaping import printable
from p1lint.findings import SEVERITY_RANK, Finding
from p1lint.reporters import Summary

# Data is text, never markup: Markdown punctuation is backslash-escaped (no emphasis, code,
# link or image; `:` so that no `https:` or `javascript:` autolink forms), HTML is written as
# entities, and `@` is followed by a zero-width space so `@org/team` pings no one.
_MARKDOWN = str.maketrans(
    {**{char: "\\" + char for char in "\\`*_[]()!~|:"}, "&": "&amp;", "<": "&lt;", ">": "&gt;",
     "@": "@&#8203;", "\n": " "}
)
SAFE_LINK = re.compile(r"https?://[^\s()<>\[\]`\\]+")


def _cell(text: str) -> str:
    return printable(text.translate(_MARKDOWN))


def _link(label: str, url: str) -> str:
    """A link to a rule's documentation; a custom rule's `docs` that is not a plain http(s) URL
    (`javascript:...`) is shown as text."""
    return f"[{_cell(label)}]({url})" if SAFE_LINK.fullmatch(url) else f"{_cell(label)} ({_cell(url)})"


class MarkdownReporter:
    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None:
        self.stream = stream
        self.findings: list[Finding] = []

    def start(self) -> None:
        self.findings.clear()

    def handle(self, finding: Finding) -> None:
        self.findings.append(finding)

    def stop(self, summary: Summary) -> None:
        lines = [f"# p1lint report ({__version__})", "", *self._totals(summary)]
        if self.findings:
            lines += ["", *self._rules(), "", *self._files()]
        self.stream.write("\n".join(lines) + "\n")

    def _totals(self, summary: Summary) -> list[str]:
        files_with = len({finding.file for finding in self.findings})
        return [
            "| files checked | files with findings | errors | warnings | infos |",
            "|---|---|---|---|---|",
            f"| {summary.files - summary.unreadable} | {files_with} | {summary.errors} | "
            f"{summary.warnings} | {summary.infos} |",
        ]

    def _rules(self) -> list[str]:
        counts = Counter((f.rule, f.name, f.severity, f.docs) for f in self.findings)
        ordered = sorted(counts.items(), key=lambda item: (-SEVERITY_RANK[item[0][2]], -item[1], item[0][0]))
        lines = ["## Rules", "", "| rule | severity | findings |", "|---|---|---|"]
        lines += [f"| {_link(f'{rule} {name}', docs)} | {severity} | {count} |"
                  for (rule, name, severity, docs), count in ordered]
        return lines

    def _files(self) -> list[str]:
        by_file: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            by_file[finding.file].append(finding)
        lines = ["## Findings"]
        for file, findings in by_file.items():
            lines += ["", f"### {_cell(file)}", "", FINDINGS_HEADER, "|---|---|---|---|"]
            lines += [_row(finding) for finding in findings]
        return lines


FINDINGS_HEADER = "| line | rule | severity | message |"


def _row(finding: Finding) -> str:
    where = f"{finding.line}:{finding.column}"
    return f"| {where} | {finding.rule} | {finding.severity} | {_cell(finding.message)} |"
