"""Relations between fields of one application."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from typing import Any, Literal

from p1lint.documents.fields import MISSING
from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem


class FieldsOptions(Options):
    fields: list[str]
    mode: Literal["any", "all"] = "any"


def _present(context: Context, name: str) -> bool:
    value = context.other_field(name)
    return value is not MISSING and value is not None and value != "" and value != []


@check_function("requires", FieldsOptions)
def requires(value: Any, options: FieldsOptions, context: Context) -> Iterator[Problem]:
    """When the value is set, one (`mode: any`) or all (`mode: all`) of `fields` must be set too."""
    if value is MISSING or value is None:
        return
    present = [_present(context, name) for name in options.fields]
    if not (any(present) if options.mode == "any" else all(present)):
        joiner = " or " if options.mode == "any" else " and "
        yield Problem(f"requires {joiner.join(options.fields)}")


@check_function("excludes", FieldsOptions)
def excludes(value: Any, options: FieldsOptions, context: Context) -> Iterator[Problem]:
    """When the value is set, none of `fields` may be set."""
    if value is MISSING or value is None or value is False:
        return
    clashing = [name for name in options.fields if _present(context, name)]
    if clashing:
        yield Problem(f"cannot be combined with {', '.join(clashing)}")


_COMPARISONS: dict[str, tuple[Callable[[Any, Any], bool], str]] = {
    "lt": (operator.lt, "less than"),
    "le": (operator.le, "at most"),
    "gt": (operator.gt, "greater than"),
    "ge": (operator.ge, "at least"),
}


class CompareOptions(Options):
    other: str
    operator: Literal["lt", "le", "gt", "ge"]
    other_default: float | None = None  # what the API applies when `other` is absent


@check_function("compare", CompareOptions)
def compare(value: Any, options: CompareOptions, context: Context) -> Iterator[Problem]:
    """A present number must compare to the number in field `other` (when both are numbers; an
    absent `other` counts as `other_default` when one is given)."""
    other = context.other_field(options.other)
    shown = options.other
    if other is MISSING and options.other_default is not None:
        other, shown = options.other_default, f"{options.other}, absent: the default"
    if not (_is_number(value) and _is_number(other)):
        return
    test, words = _COMPARISONS[options.operator]
    if not test(value, other):
        yield Problem(f"{value} must be {words} {shown} ({other:g})")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
