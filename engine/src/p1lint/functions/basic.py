"""Presence, truthiness, enumerations, lengths, ranges and duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from p1lint.documents.fields import MISSING, field_pointer, field_value
from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, Options, Problem, not_judged
from p1lint.terraform.values import contains_unknown


@check_function("defined", NoOptions, unknown_members=True)
def defined(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """The value must be present and not null."""
    if value is MISSING or value is None:
        yield Problem("is missing")


@check_function("undefined", NoOptions, unknown_members=True)
def undefined(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """The value must be absent (or null)."""
    if value is not MISSING and value is not None:
        yield Problem("must not be set")


@check_function("truthy", NoOptions, unknown_members=True)
def truthy(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """The value must be present and truthy (non-empty, non-zero, true)."""
    if not value:
        yield Problem("is missing or empty")


@check_function("falsy", NoOptions, unknown_members=True)
def falsy(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """The value must be absent, false, zero or empty."""
    if value:
        yield Problem("must be unset, false or empty")


@check_function("not-blank", NoOptions)
def not_blank(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """A present string must hold a character that is not whitespace (as `str.isspace` defines
    it: Unicode's spaces, line and paragraph separators, and the ASCII control separators)."""
    if isinstance(value, str) and (not value or value.isspace()):
        yield Problem("is empty or whitespace only")


class EnumOptions(Options):
    values: list[Any]


@check_function("enum", EnumOptions)
def enum(value: Any, options: EnumOptions, context: Context) -> Iterator[Problem]:
    """A present value must be one of `values`."""
    if value is not MISSING and value not in options.values:
        allowed = ", ".join(str(item) for item in options.values)
        yield Problem(f"must be one of: {allowed}")


@check_function("not-enum", EnumOptions)
def not_enum(value: Any, options: EnumOptions, context: Context) -> Iterator[Problem]:
    """A present value must not be one of `values` (compared exactly)."""
    if value is not MISSING and value in options.values:
        yield Problem(f"is one of the reserved values {', '.join(str(item) for item in options.values)}")


class BoundsOptions(Options):
    min: float | None = None
    max: float | None = None

    def check_options(self) -> None:
        if self.min is None and self.max is None:
            raise ValueError("set `min`, `max` or both")


def _bounds_problem(measure: float, options: BoundsOptions, noun: str) -> Iterator[Problem]:
    if options.min is not None and measure < options.min:
        yield Problem(f"{noun} {_number(measure)} is below the minimum {_number(options.min)}")
    elif options.max is not None and measure > options.max:
        yield Problem(f"{noun} {_number(measure)} is above the maximum {_number(options.max)}")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@check_function("range", BoundsOptions)
def value_range(value: Any, options: BoundsOptions, context: Context) -> Iterator[Problem]:
    """A present number must lie within [`min`, `max`]; other types are left to the structure rules."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        yield from _bounds_problem(value, options, "value")


@check_function("length", BoundsOptions, unknown_members=True)
def length(value: Any, options: BoundsOptions, context: Context) -> Iterator[Problem]:
    """A present string, list or object must have a length within [`min`, `max`]."""
    if isinstance(value, (str, list, dict)):
        yield from _bounds_problem(len(value), options, "length")


class UniqueOptions(Options):
    case_sensitive: bool = True
    key: str | None = None


@check_function("unique", UniqueOptions, unknown_members=True)
def unique(value: Any, options: UniqueOptions, context: Context) -> Iterator[Problem]:
    """Items of a list (or their dotted field `key`) must not repeat; each repetition is reported
    at its own index (and key). Items without the key, or with an unknown one, are skipped."""
    if not isinstance(value, list):
        return
    suffix = tuple(options.key.split(".")) if options.key else ()
    seen: dict[Any, int] = {}
    for index, item in enumerate(value):
        compared = field_value(item, options.key) if options.key else item
        if compared is MISSING:
            continue
        if contains_unknown(compared):
            yield not_judged((index, *(field_pointer(item, options.key) if options.key else ())))
            continue
        identity = _identity(compared, options.case_sensitive)
        if identity in seen:
            yield Problem(f"duplicates item {seen[identity]}", (index, *suffix))
        else:
            seen[identity] = index


def _identity(item: Any, case_sensitive: bool) -> Any:
    if isinstance(item, str) and not case_sensitive:
        return item.casefold()
    return item if isinstance(item, (str, int, float, bool, type(None))) else repr(item)


class UnsetFieldsOptions(Options):
    fields: list[str]
    defaults: dict[str, Any] = {}

    @staticmethod
    def check_fields(fields: list[str]) -> None:
        if not fields:
            raise ValueError("List should have at least 1 item after validation, not 0")


@check_function("unset-fields", UnsetFieldsOptions, unknown_members=True)
def unset_fields(value: Any, options: UnsetFieldsOptions, context: Context) -> Iterator[Problem]:
    """None of the dotted `fields` below the value may be set (non-null, and not equal to its
    entry in `defaults`, a value the API fills in by itself); one problem, at the first field
    that is set, names them all. An unknown field may be null: it is not judged, unless a known
    one is set."""
    present = [name for name in options.fields if _set_apart_from_default(value, name, options)]
    if present:
        yield Problem(f"sets {', '.join(present)}", tuple(present[0].split(".")))
        return
    for name in options.fields:
        if contains_unknown(field_value(value, name)):
            yield not_judged(field_pointer(value, name))


def _set_apart_from_default(value: Any, name: str, options: UnsetFieldsOptions) -> bool:
    found = field_value(value, name)
    if found is MISSING or found is None or contains_unknown(found):
        return False
    return name not in options.defaults or found != options.defaults[name]
