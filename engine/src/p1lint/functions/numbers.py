"""Advisory bounds on numbers that another rule already confines to a valid window.

`range` reports a value PingOne rejects; `recommended-range` reports a value PingOne accepts
but a specification or experience advises against, and stays silent outside the valid window
so that one mistake gives one finding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, Problem
from p1lint.functions.basic import BoundsOptions


class RecommendedRangeOptions(BoundsOptions):
    """The recommended bounds (`min`, `max`, at least one) and the valid window around them."""

    valid_min: float | None = None
    valid_max: float | None = None


@check_function("recommended-range", RecommendedRangeOptions)
def recommended_range(
    value: Any, options: RecommendedRangeOptions, context: Context
) -> Iterator[Problem]:
    """A number inside [`valid_min`, `valid_max`] should also lie inside [`min`, `max`]."""
    if not _is_number(value) or not _inside(value, options.valid_min, options.valid_max):
        return
    if options.min is not None and value < options.min:
        yield Problem(f"{_text(value)} is below the recommended minimum {_text(options.min)}")
    elif options.max is not None and value > options.max:
        yield Problem(f"{_text(value)} is above the recommended maximum {_text(options.max)}")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _inside(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)
