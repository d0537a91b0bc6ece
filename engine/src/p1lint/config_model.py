"""The settings a configuration file may hold, and how each is read: with the meaning and the
messages pydantic's lax validation gave them (a test compares the two on generated tables),
without building a model at start-up. One entry of `SETTINGS` per setting."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from p1lint.findings import PROFILES, SEVERITIES

Reader = Callable[[Any], Any]

TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
FALSE = frozenset({"0", "off", "f", "false", "n", "no"})


class SettingError(ValueError):
    """A value a setting does not accept, with pydantic's words for why."""


class Setting(NamedTuple):
    attribute: str  # the option it sets
    name: str  # as a configuration file spells it (the attribute name is accepted too)
    read: Reader


class Problem(NamedTuple):
    """The first problem of a table: the key it is at, and its message; `unknown` for a key that
    is no setting."""

    key: str
    message: str
    unknown: bool = False


def string(value: Any) -> str:
    if not isinstance(value, str):
        raise SettingError("Input should be a valid string")
    return value


def strings(value: Any) -> list[str]:
    if not isinstance(value, list | tuple):
        raise SettingError("Input should be a valid list")
    return [string(item) for item in value]


def one_of(allowed: tuple[str, ...]) -> Reader:
    quoted = [repr(value) for value in allowed]
    expected = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"

    def read(value: Any) -> str:
        if not (isinstance(value, str) and value in allowed):
            raise SettingError(f"Input should be {expected}")
        return value

    return read


def mapping_of(read_value: Reader) -> Reader:
    """A table of values each read by `read_value` (`per-file-ignores`, `severity`)."""

    def read(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise SettingError("Input should be a valid dictionary")
        return {str(key): read_value(item) for key, item in value.items()}

    return read


def first_bad_key(value: Any, read_value: Reader) -> str | None:
    """The key of a table whose value `read_value` refuses first (to locate the problem)."""
    for key, item in value.items() if isinstance(value, dict) else ():
        try:
            read_value(item)
        except SettingError:
            return str(key)
    return None


def positive_number(value: Any) -> float:
    number = _number(value)
    if not number > 0:
        raise SettingError("Input should be greater than 0")
    return number


def _number(value: Any) -> float:
    if isinstance(value, int | float):
        return _float(value)
    if not isinstance(value, str):
        raise SettingError("Input should be a valid number")
    try:
        return float(value.strip())
    except ValueError:
        raise SettingError("Input should be a valid number, unable to parse string as a number") from None


def _float(value: int | float) -> float:
    try:
        return float(value)
    except OverflowError:
        raise SettingError("Input should be a valid number") from None


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise SettingError("Input should be a valid boolean")
    if isinstance(value, str | int | float):
        text = value.lower() if isinstance(value, str) else _digit(value)
        if text in TRUE or text in FALSE:
            return text in TRUE
        raise SettingError("Input should be a valid boolean, unable to interpret input")
    raise SettingError("Input should be a valid boolean")


def _digit(value: int | float) -> str:
    return "1" if value == 1 else "0" if value == 0 else ""


def size(value: Any) -> int:
    from p1lint.documents.files import parse_size

    if isinstance(value, bool) or not isinstance(value, int | str):
        raise SettingError("Value error, expected a size such as \"100MiB\" or a number of bytes")
    try:
        return parse_size(value)
    except ValueError as error:
        raise SettingError(f"Value error, {error}") from None


def output_format(value: Any) -> str:
    from p1lint.reporters import REPORTERS

    if string(value) not in REPORTERS:
        raise SettingError(f"Value error, unknown format {value!r}; use one of {', '.join(REPORTERS)}")
    return str(value)


def docs_url(value: Any) -> str:
    from p1lint.links import WEB_URL

    if not WEB_URL.fullmatch(string(value)):
        raise SettingError("Value error, expected an http(s) URL of the rule reference, without a fragment")
    return str(value)


SETTINGS = (
    Setting("profile", "profile", one_of(PROFILES)),
    Setting("select", "select", strings),
    Setting("ignore", "ignore", strings),
    Setting("extend_select", "extend-select", strings),
    Setting("extend_ignore", "extend-ignore", strings),
    Setting("fail_on", "fail-on", one_of(SEVERITIES)),
    Setting("output_format", "format", output_format),
    Setting("rule_dirs", "rules", strings),
    Setting("custom_domain", "custom-domain", string),
    Setting("custom_attributes", "custom-attributes", strings),
    Setting("baseline", "baseline", string),
    Setting("regex_budget", "regex-budget", positive_number),
    Setting("max_file_size", "max-file-size", size),
    Setting("strict_unknowns", "strict-unknowns", boolean),
    Setting("docs_url", "docs-url", docs_url),
    Setting("per_file_ignores", "per-file-ignores", mapping_of(strings)),
    Setting("extend_per_file_ignores", "extend-per-file-ignores", mapping_of(strings)),
    Setting("severities", "severity", mapping_of(one_of(SEVERITIES))),
    Setting("exclude", "exclude", strings),
    Setting("extend_exclude", "extend-exclude", strings),
    Setting("respect_gitignore", "respect-gitignore", boolean),
    Setting("force_exclude", "force-exclude", boolean),
    Setting("show_source", "show-source", boolean),
)
TABLE_VALUES: dict[str, Reader] = {  # settings that are tables, by name: how each value is read
    "per-file-ignores": strings, "extend-per-file-ignores": strings, "severity": one_of(SEVERITIES),
}
NAMES = tuple(setting.name for setting in SETTINGS)


def read_settings(table: dict[str, Any]) -> tuple[dict[str, Any], Problem | None]:
    """The options `table` sets (by attribute), or the first problem: of the settings in their
    order, each by its name or else its attribute name; then of the keys that are no setting."""
    found: dict[str, Any] = {}
    used = set()
    for setting in SETTINGS:
        key = setting.name if setting.name in table else setting.attribute
        if key not in table:
            continue
        used.add(key)
        try:
            found[setting.attribute] = None if table[key] is None else setting.read(table[key])
        except SettingError as error:
            return {}, Problem(key, str(error))
    unknown = _unknown(table, used)
    return ({}, Problem(unknown, "", True)) if unknown is not None else (_set(found), None)


def _unknown(table: Iterable[str], used: set[str]) -> str | None:
    return next((str(key) for key in table if key not in used), None)


def _set(found: dict[str, Any]) -> dict[str, Any]:
    return {attribute: value for attribute, value in found.items() if value is not None}
