"""The JSON contract: `{"version", "findings": [...], "summary": {...}}` (see README)."""

from __future__ import annotations

import json
from typing import IO, Any

from p1lint import __version__
from p1lint.findings import Finding, unicode_text
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
        for shown_when_suppressed in ("suppression", "justification"):
            if not entry[shown_when_suppressed]:
                del entry[shown_when_suppressed]
        self.findings.append(entry)

    def stop(self, summary: Summary) -> None:
        document = {
            "version": __version__,
            "findings": self.findings,
            "summary": {"files": summary.files - summary.unreadable, "errors": summary.errors,
                        "warnings": summary.warnings, "infos": summary.infos},
        }
        # one write: `json.dump` writes each token on its own (a million writes for 50,000 findings)
        self.stream.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
