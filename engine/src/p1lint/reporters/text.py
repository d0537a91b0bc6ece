"""Human-readable output: `file:line:col: ID severity message`, then a summary. The input errors
go to standard error (`p1lint.outcome`); a text report written to a file holds them too, before
its summary."""

from __future__ import annotations

from typing import IO

from p1lint.escaping import printable, printable_line
from p1lint.findings import Finding
from p1lint.reporters import Summary
from p1lint.reporters.identity import described

SEVERITY_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class TextReporter:
    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None:
        self.stream = stream
        self.color = color
        self.quiet = quiet

    def _style(self, text: str, **styles: object) -> str:
        if not self.color:
            return text
        import click

        return click.style(text, **styles)  # type: ignore[arg-type]

    def start(self) -> None:
        pass

    def handle(self, finding: Finding) -> None:
        where = self._style(f"{printable_line(finding.file)}:{finding.line}:{finding.column}:", bold=True)
        rule = self._style(finding.rule, bold=True)
        severity = self._style(finding.severity, fg=SEVERITY_COLORS[finding.severity])
        message = printable(described(finding))
        self.stream.write(f"{where} {rule} {severity} {message} [{finding.name}]\n")

    def stop(self, summary: Summary) -> None:
        if summary.outcome.to_file:  # standard error is elsewhere: the report holds its input errors
            self.stream.write("".join(f"{error}\n" for error in summary.input_errors))
        if self.quiet:
            return
        if summary.failed:
            self.stream.write(self._style(incomplete(summary) + " (see above).", fg="red") + "\n")
        if summary.problems == 0:
            self.stream.write(self._clean(summary) + "\n")
            return
        counts = ", ".join(
            (plural(summary.errors, "error"), plural(summary.warnings, "warning"),
             plural(summary.infos, "info"))
        )
        self.stream.write(f"\nFound {plural(summary.problems, 'problem')} ({counts}) in {where(summary)}.\n")

    def _clean(self, summary: Summary) -> str:
        if summary.failed:  # never the green all-clear of a complete run
            checked = plural(summary.checked, "file")
            return self._style(f"No problems found in the {checked} that could be checked.", fg="yellow")
        return self._style(f"No problems found in {plural(summary.checked, 'file')}.", fg="green")


def where(summary: Summary) -> str:
    """`1 of 2 files`: the input files with findings of those checked (`1 file` when one was
    checked), and the configuration when findings are about its entries (`and in p1lint.toml`)."""
    if summary.checked == summary.files_with_findings == 1:
        files = "1 file"
    else:
        files = f"{summary.files_with_findings} of {plural(summary.checked, 'file')}"
    if not summary.in_configuration:
        return files
    return printable(f"{files} and in {', '.join(summary.outcome.configuration)}")


def incomplete(summary: Summary) -> str:
    """What kept the run from checking everything: files that could not be read, else checks
    that could not be made."""
    if summary.unreadable:
        return f"{plural(summary.unreadable, 'file')} could not be checked"
    return f"{plural(len(summary.input_errors), 'check')} could not be made"
