"""SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

Each rule a result refers to is described (title, description, rationale and references, its
level in the run's profile, tags and GitHub's `security-severity`); each result has its rule's
index, a region with its end, and a fingerprint. The invocation says whether the run checked
everything: inputs that could not be checked are `toolExecutionNotifications` and make
`executionSuccessful` false, so a failed run never looks clean. GitHub accepts at most 25,000
results per run: past that, the most severe are kept and a notification says how many were not."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from p1lint import __version__
from p1lint.findings import SEVERITY_RANK, Finding, InputError, unicode_text
from p1lint.reporters import CollectingReporter, Summary
from p1lint.reporters.identity import fingerprint
from p1lint.reporters.rulehelp import RuleHelp

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "p1lint/v1"
MAX_RESULTS = 25_000  # GitHub code scanning's limit of results per run
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


class SarifReporter(CollectingReporter):
    def stop(self, summary: Summary) -> None:
        kept = _most_severe(self.findings)
        helps = summary.outcome.rule_help()
        ids = sorted({finding.rule for finding in kept})
        index = {rule: position for position, rule in enumerate(ids)}
        driver = {"name": "p1lint", "version": __version__, "semanticVersion": __version__,
                  "informationUri": _information_uri(kept),
                  "rules": [_rule(rule, helps.get(rule), kept) for rule in ids]}
        left_out = len(self.findings) - len(kept)
        run = {"tool": {"driver": driver}, "invocations": [_invocation(summary, left_out)],
               "results": [_result(finding, index[finding.rule]) for finding in kept],
               "columnKind": "unicodeCodePoints"}
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        self.stream.write(json.dumps(log, indent=2, ensure_ascii=False) + "\n")


def _most_severe(findings: list[Finding]) -> list[Finding]:
    if len(findings) <= MAX_RESULTS:
        return findings
    ranked = sorted(range(len(findings)), key=lambda i: -SEVERITY_RANK[findings[i].severity])
    return [findings[i] for i in sorted(ranked[:MAX_RESULTS])]


def _information_uri(findings: list[Finding]) -> str:
    """p1lint's rule reference, as p1lint's own rules link to it (their page, without the rule's
    anchor): not a link of the user's own rules, which may point anywhere."""
    from p1lint.rules.namespace import is_builtin

    pages = (finding.docs.split("#", 1)[0] for finding in findings if is_builtin(finding.rule))
    return next(pages, None) or _package_docs()


def _package_docs() -> str:
    from p1lint.links import docs_base

    return docs_base()


def _rule(rule: str, help: RuleHelp | None, findings: list[Finding]) -> dict[str, Any]:
    """A rule as SARIF describes it; a rule the run does not know (none yet) is named only."""
    if help is None:
        first = next(finding for finding in findings if finding.rule == rule)
        return {"id": rule, "name": first.name, "helpUri": first.docs,
                "shortDescription": {"text": first.name.replace("-", " ")}}
    tags = ["security", help.category] if help.security else [help.category]
    properties: dict[str, Any] = {"tags": tags, "precision": "high"}
    score = help.security_severity()
    if score is not None:
        properties["security-severity"] = score
    return {"id": help.id, "name": help.name, "shortDescription": {"text": help.title},
            "fullDescription": {"text": help.description}, "helpUri": help.docs,
            "help": {"text": help.text(), "markdown": help.markdown()},
            "defaultConfiguration": {"level": _LEVELS[help.severity]}, "properties": properties}


def _invocation(summary: Summary, left_out: int) -> dict[str, Any]:
    notifications = [_notification(error) for error in summary.input_errors]
    if left_out:
        text = f"{left_out} less severe results were left out: GitHub accepts {MAX_RESULTS} per run"
        notifications.append({"level": "warning", "message": {"text": text},
                              "descriptor": {"id": "results-left-out"}})
    return {"executionSuccessful": not summary.failed, "toolExecutionNotifications": notifications}


def _notification(error: InputError) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(error.file)}}
    if error.line:
        location["region"] = {"startLine": error.line, "startColumn": max(error.column, 1)}
    return {"level": "error", "message": {"text": unicode_text(error.message)},
            "descriptor": {"id": "input-error"}, "locations": [{"physicalLocation": location}]}


def _uri(file: str) -> str:
    """An RFC 3986 URI reference: absolute paths as file: URIs, relative ones percent-encoded —
    from the name's bytes, so that a name that is not UTF-8 keeps them (`%FF`)."""
    path = PurePath(file)
    if path.is_absolute():
        return Path(file).resolve().as_uri()
    return quote(os.fsencode(path.as_posix()))


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": finding.end_line, "endColumn": finding.end_column}
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(finding.file)}, "region": region},
                "logicalLocations": [{"fullyQualifiedName": finding.path or "/", "kind": "object"}]}
    result: dict[str, Any] = {
        "ruleId": finding.rule, "ruleIndex": rule_index, "level": _LEVELS[finding.severity],
        "message": {"text": unicode_text(finding.message)}, "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
    }
    if finding.application_id or finding.application_name:
        result["properties"] = {"applicationId": finding.application_id,
                                "applicationName": unicode_text(finding.application_name)}
    if finding.suppression:
        result["suppressions"] = [{"kind": finding.suppression,
                                   "justification": unicode_text(finding.justification)}]
    return result
