"""Severity overrides (`[tool.p1lint.severity]`, `--severity RULE=LEVEL`): the severity a rule
has in this project, whatever the profile says: an override wins over `--profile`. A rule is named
by id, id prefix or name; the most specific override of a rule decides, as the longest pattern
does in `--select`. An override that names a rule exactly (its id or name) also turns on a rule
the profile leaves off, as `--select` does; a prefix only changes the rules the profile runs.
`--select` and `--ignore` still decide whether a rule runs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from p1lint.findings import SEVERITIES, SeverityName


class SeverityOverride(NamedTuple):
    rule: str  # id, id prefix or name
    severity: SeverityName
    origin: str = ""  # `file:line:col` of the configuration entry; "" on the command line


def parse_override(text: str) -> SeverityOverride:
    """`RULE=LEVEL` as the command line gives it; a `ValueError` says what is wrong."""
    rule, equals, level = (part.strip() for part in text.partition("="))
    if not equals or not rule or level not in SEVERITIES:
        raise ValueError(f"expected RULE=LEVEL with LEVEL one of {', '.join(SEVERITIES)}, not {text!r}")
    return SeverityOverride(rule, level)


def specificity(rule: str, name: str, pattern: str) -> int:
    """How closely `pattern` names the rule: -1 not at all, a name most of all."""
    if pattern == name:
        return 1_000
    return len(pattern) if rule.upper().startswith(pattern.upper()) else -1


def overridden(
    rule: str, name: str, overrides: Sequence[SeverityOverride], profile_severity: SeverityName | None
) -> SeverityName | None:
    """The rule's severity: the one its most specific override gives it (a later one on a tie),
    else the profile's; a rule the profile turns off stays off unless named exactly."""
    best, chosen = -1, None
    for override in overrides:
        score = specificity(rule, name, override.rule)
        if score >= 0 and score >= best:
            best, chosen = score, override.severity
    if profile_severity is None and best < len(rule):
        return None
    return chosen or profile_severity
