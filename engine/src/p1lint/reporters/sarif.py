"""SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure DevOps)."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from typing import IO, Any
from urllib.parse import quote

from p1lint import __version__
from p1lint.findings import Finding, unicode_text
from p1lint.reporters import Summary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "p1lint/v1"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


class SarifReporter:
    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None:
        self.stream = stream
        self.rules: dict[str, dict[str, Any]] = {}
        self.results: list[dict[str, Any]] = []

    def start(self) -> None:
        self.rules.clear()
        self.results.clear()

    def handle(self, finding: Finding) -> None:
        self.rules.setdefault(finding.rule, _rule(finding))
        self.results.append(_result(finding))

    def stop(self, summary: Summary) -> None:
        driver = {"name": "p1lint", "version": __version__, "informationUri": "https://github.com/p1lint/p1lint",
                  "rules": [self.rules[key] for key in sorted(self.rules)]}
        run = {"tool": {"driver": driver}, "results": self.results}
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        json.dump(log, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")


def _rule(finding: Finding) -> dict[str, Any]:
    return {"id": finding.rule, "name": finding.name, "helpUri": finding.docs,
            "shortDescription": {"text": finding.name.replace("-", " ")}}


def _uri(file: str) -> str:
    """An RFC 3986 URI reference: absolute paths as file: URIs, relative ones percent-encoded —
    from the name's bytes, so that a name that is not UTF-8 keeps them (`%FF`)."""
    path = PurePath(file)
    if path.is_absolute():
        return Path(file).resolve().as_uri()
    return quote(os.fsencode(path.as_posix()))


def _result(finding: Finding) -> dict[str, Any]:
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": finding.end_line, "endColumn": finding.end_column}
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(finding.file)}, "region": region},
                "logicalLocations": [{"fullyQualifiedName": finding.path or "/"}]}
    result: dict[str, Any] = {"ruleId": finding.rule, "level": _LEVELS[finding.severity],
                              "message": {"text": unicode_text(finding.message)}, "locations": [location]}
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.application_id or finding.application_name:
        result["properties"] = {"applicationId": finding.application_id,
                                "applicationName": unicode_text(finding.application_name)}
    if finding.suppression:
        result["suppressions"] = [{"kind": finding.suppression,
                                   "justification": unicode_text(finding.justification)}]
    return result
