"""Presence, truthiness, enumerations, lengths, ranges and duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import model_validator

from p1lint.functions import check_function
from p1lint.functions.base import MISSING, Context, NoOptions, Options, Problem


@check_function("defined", NoOptions)
def defined(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """The value must be present and not null."""
    if value is MISSING or value is None:
        yield Problem("is missing")


@check_function("undefined", NoOptions)
def undefined(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """The value must be absent (or null)."""
    if value is not MISSING and value is not None:
        yield Problem("must not be set")


@check_function("truthy", NoOptions)
def truthy(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """The value must be present and truthy (non-empty, non-zero, true)."""
    if not value:
        yield Problem("is missing or empty")


@check_function("falsy", NoOptions)
def falsy(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """The value must be absent, false, zero or empty."""
    if value:
        yield Problem("must be unset, false or empty")


class EnumOptions(Options):
    values: list[Any]


@check_function("enum", EnumOptions)
def enum(value: Any, options: EnumOptions, context: Context) -> Iterator[Problem]:
    """A present value must be one of `values`."""
    if value is not MISSING and value not in options.values:
        allowed = ", ".join(str(item) for item in options.values)
        yield Problem(f"must be one of: {allowed}")


class BoundsOptions(Options):
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _some_bound(self) -> BoundsOptions:
        if self.min is None and self.max is None:
            raise ValueError("set `min`, `max` or both")
        return self


def _bounds_problem(measure: float, options: BoundsOptions, noun: str) -> Iterator[Problem]:
    if options.min is not None and measure < options.min:
        yield Problem(f"{noun} {_number(measure)} is below the minimum {_number(options.min)}")
    elif options.max is not None and measure > options.max:
        yield Problem(f"{noun} {_number(measure)} is above the maximum {_number(options.max)}")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@check_function("range", BoundsOptions)
def value_range(value: Any, options: BoundsOptions, context: Context) -> Iterator[Problem]:
    """A present number must lie within [`min`, `max`]; other types are left to the schema rules."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        yield from _bounds_problem(value, options, "value")


@check_function("length", BoundsOptions)
def length(value: Any, options: BoundsOptions, context: Context) -> Iterator[Problem]:
    """A present string, list or object must have a length within [`min`, `max`]."""
    if isinstance(value, (str, list, dict)):
        yield from _bounds_problem(len(value), options, "length")


class UniqueOptions(Options):
    case_sensitive: bool = True


@check_function("unique", UniqueOptions)
def unique(value: Any, options: UniqueOptions, context: Context) -> Iterator[Problem]:
    """Items of a list must not repeat; each repetition is reported at its own index."""
    if not isinstance(value, list):
        return
    seen: dict[Any, int] = {}
    for index, item in enumerate(value):
        key = _identity(item, options.case_sensitive)
        if key in seen:
            yield Problem(f"duplicates item {seen[key]}", (index,))
        else:
            seen[key] = index


def _identity(item: Any, case_sensitive: bool) -> Any:
    if isinstance(item, str) and not case_sensitive:
        return item.casefold()
    return item if isinstance(item, (str, int, float, bool, type(None))) else repr(item)
