"""What the other rules could not judge: the values of the application a Terraform configuration
does not settle, reported with `--strict-unknowns`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, NotJudged, Problem
from p1lint.pointer import Pointer

MAX_NAMED_RULES = 8


@check_function("unknown-values", NoOptions, unknown_members=True, after_others=True)
def unknown_values(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """Each unknown value that kept a rule from judging the application, once, naming the rules
    (with `--strict-unknowns`; otherwise nothing is kept to report)."""
    by_place: dict[Pointer, list[NotJudged]] = {}
    for one in context.unjudged:
        by_place.setdefault(one.pointer, []).append(one)
    for pointer, skipped in by_place.items():
        yield Problem(f"{skipped[0].value.shown()}: not checked by {_rules(skipped)}", pointer)


def _rules(skipped: list[NotJudged]) -> str:
    names = list(dict.fromkeys(f"{one.rule} ({one.name})" for one in skipped))
    more = len(names) - MAX_NAMED_RULES
    shown = ", ".join(names[:MAX_NAMED_RULES])
    return f"{shown} and {more} more" if more > 0 else shown
