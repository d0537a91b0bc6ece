"""`full` (`--show-source`): the text format with a code frame under each finding, as ruff's
`full` output — the finding's line with the line above and below it, numbered, and carets under
the range the finding reports. The frame is read from the file on disk (a finding of standard
input has none, whatever name it was given) and shows no secret: every line passes through
`source_redaction` first. Lines are cut to a window around the finding's column."""

from __future__ import annotations

from typing import IO

from p1lint.documents.files import ReadProblem, read_regular_file
from p1lint.documents.lines import split_lines
from p1lint.escaping import printable
from p1lint.findings import Finding
from p1lint.reporters import Summary
from p1lint.reporters.text import SEVERITY_COLORS, TextReporter
from p1lint.source_redaction import hidden_spans, redact_line

CONTEXT = 1  # lines shown above and below the finding's line
MAX_WIDTH = 160  # characters of a line shown: a window around the column of a longer one
MAX_SOURCE_SIZE = 100 * 1024 * 1024
MAX_FILES = 64  # files whose lines are kept at once


class FullReporter(TextReporter):
    """Writes its findings when the run stops, when it knows the name standard input was given
    (`Outcome.stdin_name`): those findings get no frame, even where a file has that name."""

    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None:
        super().__init__(stream, color=color, quiet=quiet)
        self._sources: dict[str, list[str] | None] = {}
        self._findings: list[Finding] = []

    def handle(self, finding: Finding) -> None:
        self._findings.append(finding)

    def stop(self, summary: Summary) -> None:
        for finding in self._findings:
            super().handle(finding)
            if finding.file != summary.outcome.stdin_name:
                self.stream.write("".join(line + "\n" for line in self._frame(finding)))
        super().stop(summary)

    def _frame(self, finding: Finding) -> list[str]:
        lines = self._lines(finding.file)
        if lines is None or not 1 <= finding.line <= len(lines):
            return []
        numbers = range(max(1, finding.line - CONTEXT), min(len(lines), finding.line + CONTEXT) + 1)
        spans = hidden_spans(lines, set(numbers))
        width = len(str(numbers[-1]))
        gutter = self._style(" " * width + " |", fg="blue", bold=True)
        frame = [gutter]
        for number in numbers:
            last = finding.end_column if finding.end_line == number else len(lines[number - 1]) + 1
            columns = (finding.column, max(last, finding.column + 1)) if number == finding.line else (1, 1)
            text, (start, end) = redact_line(lines[number - 1], spans[number], columns)
            shown, start, end = _window(text.replace("\t", " "), start, end)
            frame.append(self._style(f"{number:>{width}} |", fg="blue", bold=True) + f" {shown}")
            if number == finding.line:
                carets = "^" * max(1, end - start)
                frame.append(f"{gutter} {' ' * (start - 1)}{self._carets(carets, finding.severity)}")
        return [*frame, gutter]

    def _carets(self, carets: str, severity: str) -> str:
        return self._style(carets, fg=SEVERITY_COLORS[severity], bold=True)

    def _lines(self, name: str) -> list[str] | None:
        if name not in self._sources:
            if len(self._sources) >= MAX_FILES:
                self._sources.clear()
            self._sources[name] = _read_lines(name)
        return self._sources[name]


def _read_lines(name: str) -> list[str] | None:
    if name.startswith("<"):  # standard input (`<stdin>`) or a name that is no file
        return None
    try:
        text = read_regular_file(name, MAX_SOURCE_SIZE).decode("utf-8-sig", "replace")
    except (OSError, ReadProblem, ValueError):
        return None
    return split_lines(text)


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """`text` made printable and cut to `MAX_WIDTH` characters around the column `start`, and
    where the columns `start` and `end` (from 1, `end` past the range) are in what is shown."""
    first = max(0, min(start - 1 - MAX_WIDTH // 2, len(text) - MAX_WIDTH))
    cut = text[first : first + MAX_WIDTH]
    lead = "…" if first else ""
    shown = lead + printable(cut) + ("…" if first + MAX_WIDTH < len(text) else "")
    offset = len(lead) + 1
    begin = offset + len(printable(cut[: max(0, start - 1 - first)]))
    finish = offset + len(printable(cut[: max(0, min(end - 1 - first, len(cut)))]))
    return shown, begin, max(finish, begin + 1)
