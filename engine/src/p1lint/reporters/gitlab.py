"""GitLab Code Quality: a JSON array of issues, each with `description`, `check_name`,
`fingerprint`, `severity` and `location` (`path`, `lines.begin`). Severities: info → info,
warning → minor, error → major, and an error of a rule whose security severity is high or
critical (see SARIF's `security-severity`) → critical or blocker. An input that could not be
checked is a `blocker` issue of `p1lint/input-error`: a failed run never looks clean."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from p1lint.findings import Finding, InputError, unicode_text
from p1lint.reporters import CollectingReporter, Summary
from p1lint.reporters.identity import described, fingerprint
from p1lint.reporters.rulehelp import RuleHelp

_SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}
INPUT_ERROR_CHECK = "p1lint/input-error"


class GitlabReporter(CollectingReporter):
    def stop(self, summary: Summary) -> None:
        helps = summary.outcome.rule_help()
        issues = [_error_issue(error) for error in summary.input_errors]
        issues += [_issue(finding, helps) for finding in self.findings]
        self.stream.write(json.dumps(issues, indent=2, ensure_ascii=False) + "\n")


def severity(finding: Finding, helps: Mapping[str, RuleHelp]) -> str:
    help = helps.get(finding.rule)
    score = help.security_severity() if help is not None and finding.severity == "error" else None
    if score is not None and float(score) >= 9.0:
        return "blocker"
    if score is not None and float(score) >= 7.0:
        return "critical"
    return _SEVERITIES[finding.severity]


def _issue(finding: Finding, helps: Mapping[str, RuleHelp]) -> dict[str, Any]:
    description = unicode_text(f"{finding.rule} {described(finding)}")
    help = helps.get(finding.rule)
    category = "Security" if help is None or help.security else "Bug Risk"
    return {"type": "issue", "check_name": f"{finding.rule} {finding.name}", "description": description,
            "categories": [category], "fingerprint": fingerprint(finding),
            "severity": severity(finding, helps), "location": _location(finding.file, finding.line)}


def _error_issue(error: InputError) -> dict[str, Any]:
    key = "\0".join((error.file, str(error.line), str(error.column), error.message))
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return {"type": "issue", "check_name": INPUT_ERROR_CHECK,
            "description": unicode_text(f"could not be checked: {error.message}"), "categories": ["Bug Risk"],
            "fingerprint": digest, "severity": "blocker", "location": _location(error.file, error.line)}


def _location(file: str, line: int) -> dict[str, Any]:
    return {"path": unicode_text(file), "lines": {"begin": max(line, 1)}}
