"""Membership checks on enumerated values and lists of them (grant types, response types,
authentication methods, ...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from p1lint.documents.fields import MISSING
from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem, not_judged
from p1lint.terraform.values import contains_unknown


class ContainsOptions(Options):
    values: list[Any]
    mode: Literal["any", "all", "none"] = "any"


@check_function("contains", ContainsOptions, unknown_members=True)
def contains(value: Any, options: ContainsOptions, context: Context) -> Iterator[Problem]:
    """The list must contain any (`mode: any`), all, or none of `values`; absent or null counts as
    empty, any other non-list is left to the structure rules. With `none`, each offending item is
    reported at its own index. An unknown item may be any value: what it decides is not judged."""
    if not _list_or_absent(value):
        return
    items = value if isinstance(value, list) else []
    unknown = [not_judged((index,)) for index, item in enumerate(items) if contains_unknown(item)]
    wanted = " or ".join(str(v) for v in options.values)
    if options.mode == "any" and not any(v in items for v in options.values):
        yield from unknown or [Problem(f"does not include {wanted}")]
    elif options.mode == "all":
        missing = [str(v) for v in options.values if v not in items]
        if missing:
            yield from unknown or [Problem(f"does not include {', '.join(missing)}")]
    elif options.mode == "none":
        yield from unknown
        for index, item in enumerate(items):
            if item in options.values:
                yield Problem(f"includes {item}", (index,))


class CorrespondenceOptions(Options):
    other: str
    pairs: dict[str, list[str]]
    direction: Literal["forward", "backward"] = "forward"


@check_function("correspondence", CorrespondenceOptions, unknown_members=True)
def correspondence(value: Any, options: CorrespondenceOptions, context: Context) -> Iterator[Problem]:
    """Items of this list and of field `other` must pair up as `pairs` says.

    forward: each item that is a key of `pairs` needs one of its values in `other`;
    backward: each item that appears among the values needs a matching key in `other`.
    An absent or null `other` counts as empty; a non-list on either side is the structure rules' business."""
    others = context.other_field(options.other)
    if not isinstance(value, list) or not _list_or_absent(others):
        return
    others = others if isinstance(others, list) else []
    for index, item in enumerate(value):
        if contains_unknown(item):
            yield not_judged((index,))
            continue
        needed = _partners(item, options)
        if needed and not any(partner in others for partner in needed):
            yield Problem(f"{item} needs {' or '.join(needed)} in {options.other}", (index,))


def _list_or_absent(value: Any) -> bool:
    return value is MISSING or value is None or isinstance(value, list)


def _partners(item: Any, options: CorrespondenceOptions) -> list[str]:
    if options.direction == "forward":
        return options.pairs.get(item, []) if isinstance(item, str) else []
    return [key for key, values in options.pairs.items() if item in values]


class ForbiddenOptions(Options):
    values: list[Any]


@check_function("forbidden", ForbiddenOptions)
def forbidden(value: Any, options: ForbiddenOptions, context: Context) -> Iterator[Problem]:
    """A present scalar value must not be one of `values` (for lists, use `contains` with `none`)."""
    if _is_scalar(value) and value in options.values:
        yield Problem(f"is {value}")


def _is_scalar(value: Any) -> bool:
    return value is not MISSING and isinstance(value, (str, int, float, bool))


class EffectiveOptions(Options):
    allowed: list[Any]
    default: Any


@check_function("effective", EffectiveOptions)
def effective(value: Any, options: EffectiveOptions, context: Context) -> Iterator[Problem]:
    """The value PingOne applies — the field, or `default` when it is absent or null — must be
    one of `allowed`. Present values of the wrong type are left to the structure rules."""
    if value is MISSING or value is None:
        if options.default not in options.allowed:
            yield Problem(f"is not set, so PingOne applies its default {options.default}")
    elif _is_scalar(value) and value not in options.allowed:
        yield Problem(f"is {value}")
