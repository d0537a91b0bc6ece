"""Inline suppressions in formats with comments (YAML, HCL): a comment

    # p1lint: ignore[P1L102] the partner's legacy client, retired in June

on a finding's line, or alone on the line above it, suppresses the findings of the rules it names
(ids or names, comma-separated) that start on that line. The reason is required: a directive
without one suppresses nothing, so the finding stays visible. JSON has no comments; use a
baseline there."""

from __future__ import annotations

import re
from typing import Any

COMMENTED_FORMATS = frozenset({"YAML", "HCL"})
MARKER = "p1lint:"
# bounded: a line is scanned once, the rule list and the reason have no nested repetition
DIRECTIVE = re.compile(r"(?:#|//)[ \t]*p1lint:[ \t]*ignore\[([A-Za-z0-9_, -]{1,400})\][ \t]*(\S?)")

Directives = dict[int, list[tuple[frozenset[str], str]]]  # line -> the rules suppressed on it, and why


def directives(document: Any) -> Directives:
    """The suppressions of a document, by the line they apply to."""
    if document.format.name not in COMMENTED_FORMATS or MARKER not in document.text:
        return {}
    found: Directives = {}
    for number, line in enumerate(document.text.splitlines(), start=1):
        match = DIRECTIVE.search(line) if MARKER in line else None
        if match is None or not match[2]:
            continue
        rules = frozenset(part.strip() for part in match[1].split(",") if part.strip())
        targets = (number, number + 1) if line[: match.start()].strip() == "" else (number,)
        reason = line[match.start(2):].strip()
        for target in targets:
            found.setdefault(target, []).append((rules, reason))
    return found


def suppressed(rules: Directives, line: int, rule_id: str, rule_name: str) -> str | None:
    """The reason given for suppressing the rule's findings on `line`; None when none does."""
    for names, reason in rules.get(line, ()):
        if rule_id in names or rule_name in names:
            return reason
    return None
