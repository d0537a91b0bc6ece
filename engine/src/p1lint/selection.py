"""Which rules run: profile severities (or the project's severity overrides), then
`--select`/`--ignore` (flake8's decision engine).

A pattern is a rule id prefix (`P1L1`) or a rule name. The longest matching pattern decides;
a name is the most specific match of all; on a tie, `--ignore` wins."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from p1lint.findings import SeverityName
from p1lint.rules.compiled import CompiledRule
from p1lint.severity_overrides import SeverityOverride, overridden

NAME_MATCH = 1_000


class ActiveRule(NamedTuple):
    rule: CompiledRule
    severity: SeverityName


def _specificity(rule: CompiledRule, patterns: Sequence[str]) -> int:
    best = -1
    for pattern in patterns:
        if pattern == rule.name:
            return NAME_MATCH
        if rule.id.upper().startswith(pattern.upper()):
            best = max(best, len(pattern))
    return best


def is_selected(rule: CompiledRule, select: Sequence[str], ignore: Sequence[str]) -> bool:
    chosen = _specificity(rule, select) if select else 0
    return chosen >= 0 and chosen > _specificity(rule, ignore)


def active_rules(
    rules: Iterable[CompiledRule], profile: str, select: Sequence[str] = (), ignore: Sequence[str] = (),
    severities: Sequence[SeverityOverride] = (),
) -> list[ActiveRule]:
    active = []
    for rule in rules:
        severity = overridden(rule.id, rule.name, severities, rule.severity_in(profile))
        if severity is None and _specificity(rule, select) >= len(rule.id):
            severity = rule.severity  # named explicitly: on even where the profile has it off
        if severity is not None and is_selected(rule, select, ignore):
            active.append(ActiveRule(rule, severity))
    return active


def unknown_patterns(rules: Iterable[CompiledRule], patterns: Iterable[str]) -> list[str]:
    """Patterns that match no rule: most likely typos the user wants to hear about."""
    rules = list(rules)
    return [p for p in patterns if not any(_specificity(r, [p]) >= 0 for r in rules)]
