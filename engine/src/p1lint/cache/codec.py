"""JSON for findings and unit results, and back: one function pair for findings, driven by the
field types of `Finding`, so that a field added to it is kept (or refused) without a change here."""

from __future__ import annotations

import types
import typing
from typing import Any, NamedTuple

from p1lint.findings import Finding, InputError, Notice


class BadEntry(ValueError):
    """A cache entry that does not decode to what it claims: treated as a miss, never trusted."""


class Part(NamedTuple):
    """The result of one input unit, as the engine's `LintResult.absorb` takes it."""

    findings: list[Finding]
    errors: list[InputError]
    files: int
    skipped: list[Notice]
    unreadable: int
    not_checked: dict[str, str]
    suppressed: int
    names: list[str]  # the files read, in order
    suppressed_findings: list[Finding] = []  # never mutated: each part gets its own list
    used_suppressions: list[int] = []  # of the configuration, by index (never mutated, as above)


def finding_to_json(finding: Finding) -> dict[str, Any]:
    """Every field of `finding`, as JSON values."""
    return _encode(finding)  # type: ignore[no-any-return]


def finding_from_json(data: Any) -> Finding:
    """The finding `finding_to_json` wrote; raises `BadEntry` for anything else."""
    finding: Finding = _decode_tuple(Finding, data)
    return finding


def part_to_json(part: Any) -> dict[str, Any]:
    """A unit's result (a `LintResult` or a `Part`) as JSON."""
    return {
        "findings": [finding_to_json(finding) for finding in part.findings],
        "errors": [_encode(error) for error in part.errors],
        "files": part.files, "skipped": [_encode(notice) for notice in part.skipped],
        "unreadable": part.unreadable, "not_checked": [list(item) for item in part.not_checked.items()],
        "suppressed": part.suppressed, "names": list(part.names),
        "suppressed_findings": [finding_to_json(finding) for finding in part.suppressed_findings],
        "used_suppressions": list(part.used_suppressions),
    }


def part_from_json(data: Any) -> Part:
    """The `Part` that `part_to_json` wrote; raises `BadEntry` for anything else."""
    if not isinstance(data, dict):
        raise BadEntry("not an object")
    try:
        return Part(
            findings=[finding_from_json(item) for item in _list(data["findings"])],
            errors=[_decode_tuple(InputError, item) for item in _list(data["errors"])],
            files=_count(data["files"]),
            skipped=[_decode_tuple(Notice, item) for item in _list(data["skipped"])],
            unreadable=_count(data["unreadable"]), not_checked=_pairs(data["not_checked"]),
            suppressed=_count(data["suppressed"]), names=_strings(data["names"]),
            suppressed_findings=[finding_from_json(item) for item in _list(data["suppressed_findings"])],
            used_suppressions=[_count(item) for item in _list(data["used_suppressions"])],
        )
    except KeyError as missing:
        raise BadEntry(f"no {missing}") from None


def merge_parts(parts: list[Part]) -> Part:
    """The parts of a run together, as the engine adds them up; findings in report order."""
    merged = Part([], [], 0, [], 0, {}, 0, [], [], [])
    files = unreadable = suppressed = 0
    for part in parts:
        merged.findings.extend(part.findings)
        merged.errors.extend(part.errors)
        merged.skipped.extend(part.skipped)
        merged.names.extend(part.names)
        merged.suppressed_findings.extend(part.suppressed_findings)
        merged.used_suppressions.extend(part.used_suppressions)
        files, unreadable = files + part.files, unreadable + part.unreadable
        suppressed += part.suppressed
        for rule, missing in part.not_checked.items():
            merged.not_checked.setdefault(rule, missing)
    merged.findings.sort(key=Finding.sort_key)
    return merged._replace(files=files, unreadable=unreadable, suppressed=suppressed)


def _encode(value: Any) -> Any:
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: _encode(getattr(value, name)) for name in value._fields}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _encode(item) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"no JSON form for a {type(value).__name__}")


_HINTS: dict[type, dict[str, Any]] = {}


def _decode_tuple(cls: type[Any], data: Any) -> Any:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    if not isinstance(data, dict) or set(data) != set(cls._fields):
        raise BadEntry(f"not a {cls.__name__}")
    return cls(**{name: _decode(hints[name], data[name]) for name in cls._fields})


_PLAIN = (str, int)


def _decode(hint: Any, value: Any) -> Any:
    if hint in _PLAIN:  # most fields: checked here, without looking the type over
        if type(value) is not hint:
            raise BadEntry(f"not a {hint.__name__}")
        return value
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return _chosen(value, arguments)
    if origin in (types.UnionType, typing.Union):
        return _either(arguments, value)
    if origin in (tuple, list):
        items = [_decode(_item_hint(arguments, index), item) for index, item in enumerate(_list(value))]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        return {_decode(arguments[0], k): _decode(arguments[1], v) for k, v in _object(value).items()}
    if isinstance(hint, type) and hasattr(hint, "_fields"):
        return _decode_tuple(hint, value)
    return _scalar(hint, value)


def _scalar(hint: Any, value: Any) -> Any:
    if hint is type(None) or hint is None:
        if value is not None:
            raise BadEntry("not null")
        return None
    if hint in (str, int, float, bool):
        if type(value) is not hint and not (hint is float and type(value) is int):
            raise BadEntry(f"not a {hint.__name__}")
        return value
    raise TypeError(f"the results cache cannot keep a value of type {hint!r}")


def _either(arguments: tuple[Any, ...], value: Any) -> Any:
    for argument in arguments:
        try:
            return _decode(argument, value)
        except BadEntry:
            continue
    raise BadEntry("none of the types")


def _item_hint(arguments: tuple[Any, ...], index: int) -> Any:
    if (len(arguments) == 2 and arguments[1] is Ellipsis) or len(arguments) == 1:
        return arguments[0]
    if index >= len(arguments):
        raise BadEntry("too many items")
    return arguments[index]


def _chosen(value: Any, choices: tuple[Any, ...]) -> Any:
    if not any(type(value) is type(choice) and value == choice for choice in choices):
        raise BadEntry("not one of the choices")
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise BadEntry("not a list")
    return value


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadEntry("not an object")
    return value


def _count(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise BadEntry("not a count")
    return value


def _strings(value: Any) -> list[str]:
    items = _list(value)
    if not all(isinstance(item, str) for item in items):
        raise BadEntry("not a list of strings")
    return items


def _pairs(value: Any) -> dict[str, str]:
    pairs = [_list(item) for item in _list(value)]
    if not all(len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], str) for p in pairs):
        raise BadEntry("not pairs of strings")
    return dict(pairs)
