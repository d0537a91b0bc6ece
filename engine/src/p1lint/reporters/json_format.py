"""The JSON contract: `{"version", "findings": [...], "errors": [...], "summary": {...}}` (see
README): `errors` holds the inputs that could not be checked and the checks that could not be
made, each with its file, line, column and message; a run with errors is never clean."""

from __future__ import annotations

import json
from typing import IO, Any

from p1lint import __version__
from p1lint.findings import Finding, InputError, unicode_text
from p1lint.reporters import Summary


class JsonReporter:
    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None:
        self.stream = stream
        self.findings: list[dict[str, Any]] = []

    def start(self) -> None:
        self.findings.clear()

    def handle(self, finding: Finding) -> None:
        shown = finding._replace(file=unicode_text(finding.file), message=unicode_text(finding.message))
        entry = shown._asdict()
        for shown_when_suppressed in ("suppression", "justification", "expires"):
            if not entry[shown_when_suppressed]:
                del entry[shown_when_suppressed]
        self.findings.append(entry)

    def stop(self, summary: Summary) -> None:
        document = {
            "version": __version__,
            "findings": self.findings,
            "errors": [input_error(error) for error in summary.input_errors],
            "summary": summary_fields(summary),
        }
        # one write: `json.dump` writes each token on its own (a million writes for 50,000 findings)
        self.stream.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def input_error(error: InputError) -> dict[str, Any]:
    """An input error as JSON; line and column are 0 where no position applies."""
    shown = error._replace(file=unicode_text(error.file), message=unicode_text(error.message))
    return dict(shown._asdict())


def summary_fields(summary: Summary) -> dict[str, Any]:
    return {"files": summary.checked, "files_with_findings": summary.files_with_findings,
            "unreadable": summary.unreadable, "errors": summary.errors, "warnings": summary.warnings,
            "infos": summary.infos, "input_errors": len(summary.input_errors),
            "configuration_findings": summary.in_configuration}
