"""Code frames: the lines of an input around a finding, with every secret hidden.

Three layers, each enough on its own for what it covers: (1) the span of every value at a
sensitive key (`clientSecret`, `secret`, `jwks`, private JWK members, any credential-like name)
is masked in the text, whatever its form (a quoted string, a YAML block, a nested object);
(2) each line is passed through `redact_text`, which hides the credentials URIs carry, and the
sensitive values found in (1) wherever else they are written; (3) a line that still names a
sensitive key (`client_secret = ...` in a format whose values have no span) or holds PEM key
material shows nothing after it. Before these, each line goes through the line redaction of
`--show-source` (`source_redaction`), which follows values across lines: the lines of a PEM
block, a secret's continuation lines, whatever key they are written under."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from p1lint.documents.lines import split_lines
from p1lint.findings import Finding
from p1lint.messages import is_sensitive_key
from p1lint.redaction import MIN_QUOTED_CREDENTIAL, REDACTED, Span, cut_spans, redact_text
from p1lint.source_redaction import hidden_spans

CONTEXT_LINES = 2  # lines shown before and after the finding's own
MAX_FRAME_LINES = 12
MAX_SHOWN_LINE = 240  # characters of one line shown
LEAD = 60  # characters shown before the finding's column, in a line cut to length
MAX_WALKED = 200_000  # values of one document searched for sensitive keys
KEY_BEFORE_VALUE = re.compile(r"[\"']?([A-Za-z][A-Za-z0-9_.\-]{0,80})[\"']?\s*[:=]")
PEM_KEY = re.compile(r"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----|PRIVATE KEY-----")


class FrameRow(NamedTuple):
    number: int
    text: str
    marked: bool  # a line of the finding itself


class CodeFrame(NamedTuple):
    rows: tuple[FrameRow, ...]


class FrameSource:
    """The frames of the findings in `documents` (file name -> SourceDocument), each document's
    sensitive values masked once, and each line redacted when a frame first shows it."""

    def __init__(self, documents: Mapping[str, Any]) -> None:
        self.documents = documents
        self.texts: dict[str, RedactedText] = {}

    def frame(self, finding: Finding) -> CodeFrame | None:
        text = self._text(finding.file)
        if text is None or not 1 <= finding.line <= len(text):
            return None
        last_marked = min(max(finding.end_line, finding.line), len(text))
        first = max(1, finding.line - CONTEXT_LINES)
        last = min(len(text), last_marked + CONTEXT_LINES, first + MAX_FRAME_LINES - 1)
        return CodeFrame(tuple(
            FrameRow(number, text.line(number, finding.column if number == finding.line else 1),
                     finding.line <= number <= last_marked)
            for number in range(first, last + 1)))

    def _text(self, file: str) -> RedactedText | None:
        if file not in self.texts:
            document = self.documents.get(file)
            if document is None:
                return None
            self.texts[file] = RedactedText(document)
        return self.texts.get(file)


class RedactedText:
    """The lines of a document with every secret hidden (see the module's description): values
    at sensitive keys masked at once, the rest of the redaction done per line when it is asked for."""

    def __init__(self, document: Any) -> None:
        self.lines = split_lines(document.text)
        secrets: list[str] = []
        for pointer, value in _sensitive_values(document.data):
            secrets.extend(_strings(value))
            _mask(self.lines, document.span(pointer))
        self.secrets = _Secrets(secrets)
        self.shown: dict[int, str] = {}
        self.spans: dict[int, list[Span]] | None = None

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, number: int, column: int = 1) -> str:
        """Line `number` (1-based), redacted, and cut to length around `column`."""
        if number not in self.shown:
            self.shown[number] = _shown(redact_text(self.secrets.hidden(self._cut(number))))
        return _around(self.shown[number], column)

    def _cut(self, number: int) -> str:
        """Line `number` without what the line redaction hides (one pass over the document, the
        first time a line is asked for)."""
        if self.spans is None:
            self.spans = hidden_spans(self.lines, set(range(1, len(self.lines) + 1)))
        return cut_spans(self.lines[number - 1], self.spans.get(number, []))


def redacted_lines(document: Any) -> list[str]:
    """Every line of `document`, redacted."""
    text = RedactedText(document)
    return [text.line(number) for number in range(1, len(text) + 1)]


class _Secrets:
    """The sensitive values of a document, found in a line by their first characters (one look-up
    per position, whatever their number), the longest first."""

    def __init__(self, secrets: Iterable[str]) -> None:
        self.by_start: dict[str, list[str]] = {}
        for secret in sorted(set(secrets), key=len, reverse=True):
            if len(secret) >= MIN_QUOTED_CREDENTIAL:
                self.by_start.setdefault(secret[:MIN_QUOTED_CREDENTIAL], []).append(secret)

    def hidden(self, line: str) -> str:
        if not self.by_start:
            return line
        parts, kept, position = [], 0, 0
        while position <= len(line) - MIN_QUOTED_CREDENTIAL:
            found = next((s for s in self.by_start.get(line[position : position + MIN_QUOTED_CREDENTIAL], ())
                          if line.startswith(s, position)), None)
            if found is None:
                position += 1
                continue
            parts += [line[kept:position], REDACTED]
            position = kept = position + len(found)
        return "".join(parts) + line[kept:]


def _sensitive_values(data: Any) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(pointer, value) of each value at a sensitive key; nothing below one is walked."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    for _ in range(MAX_WALKED):
        if not stack:
            return
        pointer, node = stack.pop()
        for key, child in _children(node):
            if is_sensitive_key(key):
                yield (*pointer, key), child
            else:
                stack.append(((*pointer, key), child))


def _children(node: Any) -> Iterable[tuple[Any, Any]]:
    if isinstance(node, dict):
        return node.items()
    return enumerate(node) if isinstance(node, list) else ()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)


def _mask(lines: list[str], span: Any) -> None:
    """Replace the text of `span` (1-based, end exclusive) by one marker; the lines it covers
    beyond its first are left empty, so that numbering stays true."""
    first, last = span.line - 1, span.end_line - 1
    if not 0 <= first <= last < len(lines):
        return
    if first == last:
        line = lines[first]
        lines[first] = line[: span.column - 1] + REDACTED + line[span.end_column - 1 :]
        return
    lines[first] = lines[first][: span.column - 1] + REDACTED
    for number in range(first + 1, last):
        lines[number] = ""
    lines[last] = lines[last][span.end_column - 1 :]


def _shown(line: str) -> str:
    """A line with anything after a sensitive key, or PEM key material, hidden."""
    pem = PEM_KEY.search(line)
    if pem:
        line = line[: pem.start()] + REDACTED
    for match in KEY_BEFORE_VALUE.finditer(line):
        if is_sensitive_key(match.group(1)) and REDACTED not in line[match.end() :]:
            line = line[: match.end()] + " " + REDACTED
            break
    return line


def _around(line: str, column: int) -> str:
    """At most `MAX_SHOWN_LINE` characters of a redacted line: from its start, or, for a place
    further on, from `LEAD` characters before `column` (`…` marks what is left out)."""
    if len(line) <= MAX_SHOWN_LINE:
        return line
    start = 0 if column <= MAX_SHOWN_LINE - LEAD else min(column - 1 - LEAD, len(line) - MAX_SHOWN_LINE + 2)
    piece = line[start : start + MAX_SHOWN_LINE - 2]
    return ("…" if start else "") + piece + ("…" if start + len(piece) < len(line) else "")
