"""A readable audit report in Markdown: totals, rules by count, then findings grouped by file.
Meant for an exported environment with many applications (a CI artifact, a pull-request comment)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from p1lint import __version__
from p1lint.escaping import printable
from p1lint.findings import SEVERITY_RANK, Finding, InputError
from p1lint.reporters import CollectingReporter, Summary
from p1lint.reporters.identity import application_of, suppression_note

# Data is text, never markup: Markdown punctuation is backslash-escaped (no emphasis, code,
# link or image; `:` so that no `https:` or `javascript:` autolink forms), HTML is written as
# entities, and `@` is followed by a zero-width space so `@org/team` pings no one.
_MARKDOWN = str.maketrans(
    {**{char: "\\" + char for char in "\\`*_[]()!~|:#"}, "&": "&amp;", "<": "&lt;", ">": "&gt;",
     "@": "@&#8203;", "\n": " "}
)
SAFE_LINK = re.compile(r"https?://[^\s()<>\[\]`\\]+")


def _cell(text: str) -> str:
    return printable(text.translate(_MARKDOWN))


def _link(label: str, url: str) -> str:
    """A link to a rule's documentation; a custom rule's `docs` that is not a plain http(s) URL
    (`javascript:...`) is shown as text."""
    return f"[{_cell(label)}]({url})" if SAFE_LINK.fullmatch(url) else f"{_cell(label)} ({_cell(url)})"


class MarkdownReporter(CollectingReporter):
    def stop(self, summary: Summary) -> None:
        lines = [f"# p1lint report ({__version__})", "", *self._totals(summary)]
        if summary.failed:
            lines += ["", *_not_checked(summary)]
        if self.findings:
            lines += ["", *self._rules(), "", *self._files()]
        self.stream.write("\n".join(lines) + "\n")

    def _totals(self, summary: Summary) -> list[str]:
        return [
            "| files checked | files with findings | could not be checked | errors | warnings | infos |",
            "|---|---|---|---|---|---|",
            f"| {summary.checked} | {summary.files_with_findings} | {summary.unreadable} | "
            f"{summary.errors} | {summary.warnings} | {summary.infos} |",
            *_in_configuration(summary),
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
            lines += ["", f"### {_cell(file)}", "", FINDINGS_HEADER, "|---|---|---|---|---|"]
            lines += [_row(finding) for finding in findings]
        return lines


FINDINGS_HEADER = "| line | rule | severity | application | message |"


def _row(finding: Finding) -> str:
    where = f"{finding.line}:{finding.column}"
    about, message = _cell(application_of(finding)), _cell(finding.message + suppression_note(finding))
    return f"| {where} | {finding.rule} | {finding.severity} | {about} | {message} |"


def _in_configuration(summary: Summary) -> list[str]:
    """How many of the findings are about the configuration's suppression entries (not an input)."""
    if not summary.in_configuration:
        return []
    files = ", ".join(_cell(file) for file in summary.outcome.configuration)
    count = summary.in_configuration
    findings = "finding is" if count == 1 else "findings are"
    return ["", f"{count} {findings} about the configuration ({files}), not an input file."]


def _not_checked(summary: Summary) -> list[str]:
    """The inputs that could not be checked and the checks that could not be made: the report
    of such a run is incomplete, and says so before anything else."""
    lines = ["## Could not be checked", "",
             "**The run is incomplete**: these inputs or checks failed, so their findings are missing.", "",
             "| file | line | message |", "|---|---|---|"]
    return lines + [_error_row(error) for error in summary.input_errors]


def _error_row(error: InputError) -> str:
    where = f"{error.line}:{error.column}" if error.line else ""
    return f"| {_cell(error.file)} | {where} | {_cell(error.message)} |"
