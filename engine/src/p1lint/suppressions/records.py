"""What the rules about suppressions (`scope: suppressions`) check: one record per suppression —
an inline comment or a configuration entry — with the rules it names, its reason, its `expires`
date, the names it was judged on (those of rules that ran where it applies) and those that
suppressed a finding. The engine checks the records as it checks an application,

    {"suppressions": [{"kind": "comment", "rules": ["P1L102"], "reason": "", "expires": "",
                       "judged": ["P1L102"], "used": [], "unknown": []}]}

and a hit at `/suppressions/N` becomes a finding at the place of suppression N (the comment, or
the configuration's table)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from p1lint.findings import Finding
from p1lint.identity import NO_SUBJECT, fingerprint
from p1lint.messages import render
from p1lint.pointer import Pointer
from p1lint.selection import ActiveRule
from p1lint.suppressions.entries import ConfigSuppression
from p1lint.suppressions.inline import Directive

SCOPE = "suppressions"


class Place(NamedTuple):
    """Where a suppression is written: its file, line and columns, a JSON Pointer into the file
    ("" for a comment), and what identifies it (never its line)."""

    file: str
    line: int
    column: int
    end_column: int
    path: str
    identity: str


class Record(NamedTuple):
    data: dict[str, Any]
    place: Place


def comment_record(
    directive: Directive, file: str, ran: set[str], judge_unused: bool, known: frozenset[str] = frozenset()
) -> Record:
    """The record of an inline comment; `ran`: the ids and names of the rules that ran on its file;
    `known`: those of every rule (empty: names are not checked)."""
    judged = [name for name in directive.rules if name in ran] if judge_unused and directive.reason else []
    unknown = [name for name in directive.rules if known and name not in known]
    data = _data("comment", directive.rules, directive.reason, "", judged, directive.used, unknown)
    place = Place(file, directive.line, directive.column, directive.end_column, "", directive.text)
    return Record(data, place)


def entry_record(entry: ConfigSuppression, index: int, judged: bool, used: bool, active: bool) -> Record:
    """The record of configuration entry `index` (an expired one is judged on its date only)."""
    names = (entry.rule,)
    data = _data("configuration", names, entry.reason, entry.expires,
                 names if judged and active else (), names if used else ())
    table = "/tool/p1lint/suppress" if entry.source.endswith("pyproject.toml") else "/suppress"
    pointer = f"{table}/{index}"
    identity = json.dumps([entry.rule, entry.files, entry.application, entry.path])
    return Record(data, Place(entry.source, entry.line, entry.column, entry.end_column, pointer, identity))


def _data(
    kind: str, rules: Iterable[str], reason: str, expires: str, judged: Iterable[str], used: Iterable[str],
    unknown: Iterable[str] = (),
) -> dict[str, Any]:
    return {"kind": kind, "rules": list(rules), "reason": reason, "expires": expires,
            "judged": list(judged), "used": sorted(used), "unknown": list(unknown)}


def checked_data(records: list[Record]) -> dict[str, Any]:
    return {"suppressions": [record.data for record in records]}


def meta_rules(rules: Iterable[ActiveRule]) -> list[ActiveRule]:
    """The active rules about suppressions."""
    return [active for active in rules if active.rule.scope == SCOPE]


def record_finding(
    active: ActiveRule, pointer: Pointer, detail: str, value: Any, records: list[Record]
) -> Finding:
    """The finding of a hit at `pointer` (`/suppressions/N/...`), at the place of record N."""
    rule, place = active.rule, records[int(pointer[1])].place
    digest = hashlib.sha256(f"{place.identity}\0{detail}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return Finding(
        rule=rule.id, name=rule.name, severity=active.severity,
        message=render(rule.message, detail, value, pointer[2:]), file=place.file, path=place.path,
        line=place.line, column=place.column, end_line=place.line, end_column=place.end_column,
        docs=rule.docs, fingerprint=fingerprint(rule.id, place.file, NO_SUBJECT, place.path or "/", digest),
    )
