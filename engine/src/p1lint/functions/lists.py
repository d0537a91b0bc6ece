"""Membership checks on lists of enumerated values (grant types, response types, ...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.rules.fields import field_value


class ContainsOptions(Options):
    values: list[Any]
    mode: Literal["any", "all", "none"] = "any"


@check_function("contains", ContainsOptions)
def contains(value: Any, options: ContainsOptions, context: Context) -> Iterator[Problem]:
    """The list must contain any (`mode: any`), all, or none of `values`; absent counts as empty.
    With `none`, each offending item is reported at its own index."""
    items = value if isinstance(value, list) else []
    wanted = " or ".join(str(v) for v in options.values)
    if options.mode == "any" and not any(v in items for v in options.values):
        yield Problem(f"does not include {wanted}")
    elif options.mode == "all":
        missing = [str(v) for v in options.values if v not in items]
        if missing:
            yield Problem(f"does not include {', '.join(missing)}")
    elif options.mode == "none":
        for index, item in enumerate(items):
            if item in options.values:
                yield Problem(f"includes {item}", (index,))


class CorrespondenceOptions(Options):
    other: str
    pairs: dict[str, list[str]]
    direction: Literal["forward", "backward"] = "forward"


@check_function("correspondence", CorrespondenceOptions)
def correspondence(value: Any, options: CorrespondenceOptions, context: Context) -> Iterator[Problem]:
    """Items of this list and of field `other` must pair up as `pairs` says.

    forward: each item that is a key of `pairs` needs one of its values in `other`;
    backward: each item that appears among the values needs a matching key in `other`."""
    items = value if isinstance(value, list) else []
    others = field_value(context.application, options.other)
    others = others if isinstance(others, list) else []
    for index, item in enumerate(items):
        needed = _partners(item, options)
        if needed and not any(partner in others for partner in needed):
            yield Problem(f"{item} needs {' or '.join(needed)} in {options.other}", (index,))


def _partners(item: Any, options: CorrespondenceOptions) -> list[str]:
    if options.direction == "forward":
        return options.pairs.get(item, []) if isinstance(item, str) else []
    return [key for key, values in options.pairs.items() if item in values]
