"""Catalogue entries: what linting needs of one rule, as plain JSON data, and the rule made from one.

An entry is written by the rule compiler (`p1lint.rules.loader`), after pydantic has validated the
rule file and its options; reading one back needs no pydantic. An entry read from disk is checked
for its shape first: a damaged or planted file is refused (`BadEntry`), never half-used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from p1lint.findings import InputError
from p1lint.rules.compiled import CompiledRule

SEVERITIES = ("error", "warning", "info")
SCOPES = ("application", "environment", "request", "suppressions")  # as `spec.RuleSpec.scope`


class BadEntry(ValueError):
    """A catalogue entry read from disk is not one the compiler writes."""


_TYPES: dict[str, type | tuple[type, ...]] = {
    "id": str, "name": str, "title": str, "severity": str, "profiles": dict, "scope": str, "clock": bool,
    "requires": list, "protocols": list, "given": list, "when": list, "function": str, "module": str,
    "options": dict, "field": (str, type(None)), "message": str, "docs": str, "source": str,
}


def rule_from_entry(entry: dict[str, Any], directory: Path) -> CompiledRule:
    """The rule of a compiled entry whose rule file lies below `directory`."""
    return CompiledRule(
        id=entry["id"], name=entry["name"], title=entry["title"], severity=entry["severity"],
        profiles=entry["profiles"], scope=entry["scope"], clock=entry["clock"],
        requires=tuple(entry["requires"]),
        protocols=frozenset(entry["protocols"]), given=tuple(entry["given"]), when=tuple(entry["when"]),
        function_name=entry["function"], function_module=entry["module"], option_data=entry["options"],
        field=entry["field"], message=entry["message"], docs=entry["docs"],
        directory=directory, relative_source=entry["source"],
    )


def checked_entry(entry: Any) -> dict[str, Any]:
    """`entry` when it has the shape of a compiled entry, else `BadEntry`."""
    if not isinstance(entry, dict) or set(entry) != set(_TYPES):
        raise BadEntry("not a catalogue entry")
    for key, kind in _TYPES.items():
        if not isinstance(entry[key], kind):
            raise BadEntry(f"{key}: not a {kind}")
    _check_values(entry)
    return entry


def _check_values(entry: dict[str, Any]) -> None:
    texts = [*entry["requires"], *entry["protocols"], *entry["given"], *entry["profiles"]]
    conditions = entry["when"]
    if not all(isinstance(text, str) for text in texts) or not all(isinstance(c, dict) for c in conditions):
        raise BadEntry("a list of the wrong items")
    severities = [entry["severity"], *entry["profiles"].values()]
    if entry["scope"] not in SCOPES or not all(s in (*SEVERITIES, "off") for s in severities):
        raise BadEntry("an unknown scope or severity")
    parts = entry["source"].replace("\\", "/").split("/")
    if entry["severity"] == "off" or parts[0] == "" or ".." in parts:
        raise BadEntry("a severity or source a rule file cannot have")


def duplicates(rules: list[CompiledRule]) -> Iterator[InputError]:
    """An error for each rule whose id or name an earlier rule has."""
    seen: dict[str, CompiledRule] = {}
    for rule in rules:
        for key in (rule.id, rule.name):
            if key in seen:
                first = seen[key].source
                yield InputError(str(rule.source), 1, 1, f"{key!r} is already used by {first}")
            seen[key] = rule
