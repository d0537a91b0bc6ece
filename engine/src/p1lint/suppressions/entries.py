"""Suppressions in the configuration: each `[[tool.p1lint.suppress]]` table of `pyproject.toml`
(`[[suppress]]` of `p1lint.toml`) names a rule (an id, an id prefix or a name, as `--ignore`
takes), a target — any of `files` (globs relative to the configuration file's directory),
`application` (its name or id), `path` (a value-based path, as fingerprints use:
`/redirectUris[="https://app.example.com/cb"]`, which also covers what lies below it) — a
required `reason`, and an optional `expires` date, the last day it suppresses.

Read here with the positions of the tables in the file, so that a problem is reported as
`file:line:col: message` and an expired or unused entry is reported at its table."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, NamedTuple

KEYS = ("rule", "files", "application", "path", "reason", "expires")
TARGETS = ("files", "application", "path")
MAX_ENTRIES = 10_000


class ConfigSuppression(NamedTuple):
    """One entry. `files` are `/`-separated globs below `base` (the configuration's directory,
    absolute); `expires` an ISO date or ""; `source`, `line`, `column`: where its table is."""

    rule: str
    reason: str
    files: tuple[str, ...] = ()
    application: str = ""
    path: str = ""
    expires: str = ""
    base: str = ""
    source: str = ""
    line: int = 1
    column: int = 1
    end_column: int = 2

    def active_on(self, today: date) -> bool:
        """Whether the entry still suppresses on `today` (it does on its `expires` day)."""
        return not self.expires or today <= date.fromisoformat(self.expires)


class EntryProblem(NamedTuple):
    """What is wrong with entry `entry` (0-based), at its key `key` ("" for the table itself)."""

    entry: int
    key: str
    message: str


class EntryError(ValueError):
    def __init__(self, problem: EntryProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_entries(value: Any) -> list[dict[str, Any]]:
    """The entries of the `suppress` setting, checked; raises `EntryError` for the first problem."""
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or len(value) > MAX_ENTRIES:
        raise EntryError(EntryProblem(0, "", "expected [[suppress]] tables (an array of tables)"))
    return [_entry(index, item) for index, item in enumerate(value)]


def _entry(index: int, table: Any) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise EntryError(EntryProblem(index, "", "expected a table with rule, a target and reason"))
    unknown = next((key for key in table if key not in KEYS), None)
    if unknown is not None:
        raise EntryError(EntryProblem(index, unknown, f"unknown key {unknown!r}; use {', '.join(KEYS)}"))
    entry = {key: _read(index, key, table[key]) for key in KEYS if key in table}
    for required in ("rule", "reason"):
        if not entry.get(required):
            why = "every suppression says why" if required == "reason" else "the rule it suppresses"
            raise EntryError(EntryProblem(index, "", f"missing {required!r}: {why}"))
    if not any(entry.get(key) for key in TARGETS):
        message = "give a target: files, application or path (to turn a rule off everywhere, use ignore)"
        raise EntryError(EntryProblem(index, "", message))
    return entry


def _read(index: int, key: str, value: Any) -> Any:
    try:
        if key == "files":
            return _globs(value)
        if key == "expires":
            return _date(value)
        return _text(value, key)
    except ValueError as error:
        raise EntryError(EntryProblem(index, key, f"{key}: {error}")) from None


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str) or (key in ("rule", "reason") and not value.strip()):
        raise ValueError("expected a non-empty string")
    return value.strip()


def _globs(value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
        raise ValueError("expected a glob or a list of globs, relative to the configuration's directory")
    for item in items:
        if item.startswith("/") or re.match(r"^[A-Za-z]:", item) or ".." in item.split("/"):
            raise ValueError(f"{item!r} is not below the configuration's directory")
    return tuple(item.strip().replace("\\", "/").removeprefix("./") for item in items)


def _date(value: Any) -> str:
    if isinstance(value, datetime) or not isinstance(value, date | str):
        raise ValueError("expected a date such as 2026-06-30")
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a date such as 2026-06-30") from None


def placed(
    entries: list[dict[str, Any]], text: str, prefix: str, base: str, source: str
) -> list[ConfigSuppression]:
    """The entries with the place of each table in `text` (`prefix`: `tool.p1lint.` or "")."""
    headers = table_lines(text, prefix)
    found = []
    for index, entry in enumerate(entries):
        line, column, end = headers[index] if index < len(headers) else (_setting_line(text), 1, 2)
        found.append(ConfigSuppression(base=base, source=source, line=line, column=column, end_column=end,
                                       **entry))
    return found


def table_lines(text: str, prefix: str) -> list[tuple[int, int, int]]:
    """The line and columns (first, past the last) of each `[[<prefix>suppress]]` header, in order."""
    header = re.compile(r"^(\s*)\[\[\s*" + re.escape(prefix).replace(r"\.", r"\s*\.\s*") + r"suppress\s*\]\]")
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = header.match(line)
        if match:
            found.append((number, len(match[1]) + 1, match.end() + 1))
    return found


def problem_position(text: str, prefix: str, problem: EntryProblem) -> tuple[int, int]:
    """Where to report `problem`: at its key within the entry's table, else at the table."""
    headers = table_lines(text, prefix)
    if problem.entry >= len(headers):
        return _setting_line(text), 1
    line, column, _ = headers[problem.entry]
    if problem.key:
        lines = text.splitlines()
        key = re.compile(rf"^(\s*)[\"']?{re.escape(problem.key)}[\"']?\s*=")
        for number in range(line, len(lines)):
            if lines[number].lstrip().startswith("["):
                break
            match = key.match(lines[number])
            if match:
                return number + 1, len(match[1]) + 1
    return line, column


def _setting_line(text: str) -> int:
    """The line of a `suppress = [...]` written as an inline array, else 1."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"^\s*[\"']?suppress[\"']?\s*=", line):
            return number
    return 1
