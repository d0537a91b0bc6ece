"""Inline suppressions in formats with comments (YAML, HCL): a comment

    # p1lint: ignore[P1L102] the partner's legacy client, retired in June

on a finding's line, or alone on the line above it, suppresses the findings of the rules it names
(ids or names, comma-separated) that start on that line. The reason is required: a directive
without one suppresses nothing, so the finding stays visible (and the directive is reported,
`suppression-without-reason`). JSON has no comments; use a baseline there."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

COMMENTED_FORMATS = frozenset({"YAML", "HCL"})
MARKER = "p1lint:"
# bounded: a line is scanned once, the rule list and the reason have no nested repetition
DIRECTIVE = re.compile(r"(?:#|//)[ \t]*p1lint:[ \t]*ignore\[([A-Za-z0-9_, -]{1,400})\]")


@dataclass
class Directive:
    """One `p1lint: ignore[...]` comment: where it is (1-based line, columns of its first
    character and past its last), the rule ids or names it names, its reason ("" when it gives
    none), and the names that suppressed a finding in this run."""

    line: int
    column: int
    end_column: int
    rules: tuple[str, ...]
    reason: str
    text: str  # the directive as written, for its identity
    used: set[str] = field(default_factory=set)


Directives = dict[int, list[Directive]]  # line -> the directives that apply to it


def parse_directives(document: Any) -> list[Directive]:
    """The suppression comments of a document, in order."""
    if document.format.name not in COMMENTED_FORMATS or MARKER not in document.text:
        return []
    found = []
    for number, line in enumerate(document.text.splitlines(), start=1):
        match = DIRECTIVE.search(line) if MARKER in line else None
        if match is not None:
            found.append(_directive(number, line, match))
    return found


def _directive(number: int, line: str, match: re.Match[str]) -> Directive:
    rules = tuple(dict.fromkeys(part.strip() for part in match[1].split(",") if part.strip()))
    reason = line[match.end():].strip()
    text = line[match.start():].rstrip()
    return Directive(number, match.start() + 1, match.start() + len(text) + 1, rules, reason, text)


def by_line(document: Any, found: list[Directive]) -> Directives:
    """The directives that suppress (those with a reason), by the line they apply to: their own,
    and, for one alone on its line, the next."""
    lines = document.text.splitlines()
    applying: Directives = {}
    for directive in found:
        if not directive.reason:
            continue
        alone = lines[directive.line - 1][: directive.column - 1].strip() == ""
        for target in (directive.line, directive.line + 1) if alone else (directive.line,):
            applying.setdefault(target, []).append(directive)
    return applying


def directives(document: Any) -> Directives:
    """The suppressions of a document, by the line they apply to."""
    return by_line(document, parse_directives(document))


def suppressed(rules: Directives, line: int, rule_id: str, rule_name: str) -> str | None:
    """The reason given for suppressing the rule's findings on `line`, noting the directive as
    used; None when none does."""
    for directive in rules.get(line, ()):
        named = {rule_id, rule_name}.intersection(directive.rules)
        if named:
            directive.used.update(named)
            return directive.reason
    return None
