"""Project configuration: `p1lint.toml`, `.p1lint.toml`, or `[tool.p1lint]` in `pyproject.toml`,
found from the working directory upwards (stopping at the repository root), or `--config FILE`.

Settings become the defaults of the command-line options, so an option given on the command line
always wins. Paths in `rules` and `baseline` are relative to the configuration file. A rule
directory named in a configuration file must lie inside its repository (the enclosing directory
that holds `.git`, else the configuration file's own directory): a configuration comes with the
repository, maybe from an untrusted pull request, and `rules = ["/"]` would walk the whole disk.
Directories elsewhere are named on the command line with `--rules`."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from p1lint.findings import InputError, P1LintError

if TYPE_CHECKING:
    from p1lint.config_model import Problem

CANDIDATES = ("p1lint.toml", ".p1lint.toml", "pyproject.toml")
MAX_CONFIG_SIZE = 1 << 20  # a configuration file is a few lines
TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class ConfigError(P1LintError):
    """An unreadable or invalid configuration file, as `file:line:col: message`."""


def find_config(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        for name in CANDIDATES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if (directory / ".git").exists():
            return None
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "p1lint" in _parse_toml(path).get("tool", {})
    except ConfigError:
        return True  # report the broken file rather than silently skip it


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib
    import tomli

    return tomli


def _parse_toml(path: Path) -> dict[str, Any]:
    from p1lint.documents.files import ReadProblem, read_regular_file

    toml = _toml()
    try:
        text = read_regular_file(str(path), MAX_CONFIG_SIZE).decode("utf-8")
        return toml.loads(text)  # type: ignore[no-any-return]
    except (OSError, ReadProblem) as error:
        raise ConfigError(str(InputError(str(path), 1, 1, f"cannot read configuration: {error}"))) from error
    except (toml.TOMLDecodeError, UnicodeDecodeError) as error:
        found = TOML_POSITION.search(str(error))
        line, column = (int(found[1]), int(found[2])) if found else (1, 1)
        message = TOML_POSITION.sub("", str(error)).strip()
        raise ConfigError(str(InputError(str(path), line, column, f"invalid TOML: {message}"))) from error
    except ValueError as error:  # tomllib's int() past Python's 4,300-digit limit
        message = "invalid TOML: an integer of more than 4,300 digits"
        raise ConfigError(str(InputError(str(path), 1, 1, message))) from error


def load_config(path: Path) -> dict[str, Any]:
    """The settings of `path` as option defaults (only those it sets), rule paths made absolute."""
    from p1lint.config_model import read_settings

    data = _parse_toml(path)
    table = data.get("tool", {}).get("p1lint", {}) if path.name == "pyproject.toml" else data
    suppress = table.pop("suppress", None) if isinstance(table, dict) else None
    defaults, problem = read_settings(table)
    if problem is not None:
        raise ConfigError(_located(path, problem, table))
    _place_tables(path, defaults)
    _place_globs(path, defaults)
    if suppress is not None:
        defaults["suppressions"] = _suppressions(path, suppress)
    if "rule_dirs" in defaults:
        defaults["rule_dirs"] = [_rule_directory(path, entry) for entry in defaults["rule_dirs"]]
    if "baseline" in defaults:
        defaults["baseline"] = str((path.parent / defaults["baseline"]).resolve())
    return defaults


def _suppressions(path: Path, value: Any) -> list[Any]:
    """The `suppress` tables (see `p1lint.suppressions.entries`), each with its place in the file."""
    from p1lint.suppressions.entries import EntryError, placed, problem_position, read_entries

    text = path.read_text(encoding="utf-8")
    prefix = "tool.p1lint." if path.name == "pyproject.toml" else ""
    try:
        entries = read_entries(value)
    except EntryError as error:
        line, column = problem_position(text, prefix, error.problem)
        raise ConfigError(str(InputError(str(path), line, column, f"suppress: {error}"))) from None
    return placed(entries, text, prefix, str(path.parent.resolve()), str(path))


def repository_root(config: Path) -> Path:
    """The directory that bounds what a configuration file may point at."""
    directory = config.resolve().parent
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return directory


def _rule_directory(config: Path, entry: str) -> str:
    resolved = (config.parent / entry).resolve()
    root = repository_root(config)
    if resolved == root or root in resolved.parents:
        return str(resolved)
    line, column = string_position(config, "rules", entry)
    message = f"rules: {entry!r} is outside the repository {root}; name it on the command line with --rules"
    raise ConfigError(str(InputError(str(config), line, column, message)))


def string_position(path: Path, key: str, entry: str) -> tuple[int, int]:
    """Line and column of the string `entry` in the list of the setting `key` (at its opening
    quote), searched from the setting's line on; the setting's line when it is not found."""
    first = _line_of(path, key)
    lines = path.read_text(encoding="utf-8").splitlines()
    for number in range(first, len(lines) + 1):
        quoted = [lines[number - 1].find(f"{quote}{entry}{quote}") for quote in "\"'"]
        if max(quoted) >= 0:
            return number, max(quoted) + 1
    return first, 1


def _place_globs(path: Path, defaults: dict[str, Any]) -> None:
    """`exclude` and `extend-exclude` globs below the configuration's directory, each with its place."""
    from p1lint.documents.exclusion import exclude_glob

    for attribute, name in (("exclude", "exclude"), ("extend_exclude", "extend-exclude")):
        if attribute in defaults:
            defaults[attribute] = tuple(exclude_glob(glob, str(path.parent), _glob_origin(path, name, glob))
                                        for glob in defaults[attribute])


def _glob_origin(path: Path, setting: str, glob: str) -> str:
    line, column = string_position(path, setting, glob)
    return f"{path}:{line}:{column}"


def _place_tables(path: Path, defaults: dict[str, Any]) -> None:
    """Per-file ignores with their globs below the configuration's directory, and severity
    overrides, each with the place of its entry (for the message if it names no rule)."""
    from p1lint.fileignores import file_ignore
    from p1lint.severity_overrides import SeverityOverride

    for attribute, name in (("per_file_ignores", "per-file-ignores"),
                            ("extend_per_file_ignores", "extend-per-file-ignores")):
        if attribute in defaults:
            defaults[attribute] = tuple(
                file_ignore(glob, rules, str(path.parent), _origin(path, name, glob))
                for glob, rules in defaults[attribute].items())
    if "severities" in defaults:
        defaults["severities"] = tuple(SeverityOverride(rule, level, _origin(path, "severity", rule))
                                       for rule, level in defaults["severities"].items())


def _origin(path: Path, table: str, key: str) -> str:
    line, column = key_position(path, table, key)
    return f"{path}:{line}:{column}"


def key_position(path: Path, table: str, key: str) -> tuple[int, int]:
    """Line and column of `key` in the table `table` (`[tool.p1lint.TABLE]` or `TABLE = {...}`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = re.compile(rf"^\s*(\[\s*(tool\.p1lint\.)?[\"']?{re.escape(table)}[\"']?\s*\]|"
                        rf"[\"']?{re.escape(table)}[\"']?\s*=)")
    start = next((index for index, text in enumerate(lines) if header.match(text)), 0)
    entry = re.compile(rf"(?:^|[{{,\s])([\"']?){re.escape(key)}\1\s*=")
    for index in range(start, len(lines)):
        found = entry.search(lines[index])
        if found:
            return index + 1, found.start(1) + 1
    return start + 1, 1


def _located(path: Path, problem: Problem, table: dict[str, Any]) -> str:
    from p1lint.config_model import TABLE_VALUES, first_bad_key

    message = f"{problem.key}: {problem.message}"
    if problem.unknown:
        message = f"unknown setting {problem.key!r}{_did_you_mean(problem.key)}"
    line, column = _line_of(path, problem.key), 1
    inner = TABLE_VALUES.get(problem.key)
    bad = None if inner is None else first_bad_key(table.get(problem.key), inner)
    if bad is not None:
        line, column = key_position(path, problem.key, bad)
        message = f"{problem.key}: {bad}: {problem.message}"
    return str(InputError(str(path), line, column, message))


def _did_you_mean(key: str) -> str:
    import difflib

    from p1lint.config_model import NAMES

    names = (*NAMES, "suppress")
    close = difflib.get_close_matches(key, names, n=1)
    return f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(names)}"


def _line_of(path: Path, key: str) -> int:
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if key and pattern.match(text):
            return number
    return 1
