"""JSON Lines: one JSON object per line, written as findings come — `{"type": "finding", ...}`
with the fields of the JSON format's findings, then `{"type": "error", ...}` for each input that
could not be checked, and last `{"type": "summary", ...}`. For log pipelines and `jq -c`."""

from __future__ import annotations

import json
from typing import IO, Any

from p1lint.findings import Finding, unicode_text
from p1lint.reporters import Summary
from p1lint.reporters.json_format import input_error, summary_fields


class JsonLinesReporter:
    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None:
        self.stream = stream

    def start(self) -> None:
        pass

    def handle(self, finding: Finding) -> None:
        shown = finding._replace(file=unicode_text(finding.file), message=unicode_text(finding.message))
        self._line({"type": "finding", **shown._asdict()})

    def stop(self, summary: Summary) -> None:
        for error in summary.input_errors:
            self._line({"type": "error", **input_error(error)})
        self._line({"type": "summary", **summary_fields(summary)})

    def _line(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
