"""`recommended-range`: advice inside the window another rule enforces."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context
from p1lint.rules.options import validate_options

FUNCTION = get_function("recommended-range")


def run(value, **options):
    return [p.detail for p in FUNCTION.check(value, FUNCTION.options(**options), Context({}))]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (60, []),
        (30, []),
        (29, ["29 is below the recommended minimum 30"]),
        (1, ["1 is below the recommended minimum 30"]),
        (0, []),
        (-5, []),
        (599, []),
        (600, ["600 is above the recommended maximum 599"]),
        (601, []),
        (45.5, []),
        (12.5, ["12.5 is below the recommended minimum 30"]),
        (True, []),
        ("10", []),
        (MISSING, []),
    ],
)
def test_recommended_range_inside_the_valid_window(value, expected):
    assert run(value, min=30, max=599, valid_min=1, valid_max=600) == expected


def test_without_a_window_every_number_is_judged():
    assert run(10_000, max=600) == ["10000 is above the recommended maximum 600"]


def test_a_bound_is_required():
    with pytest.raises(ValidationError):
        validate_options(FUNCTION.options, {"valid_min": 1})
