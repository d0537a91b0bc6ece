"""The `pattern` function: searches with `match` / `not_match`, bounded input, bad patterns."""

from __future__ import annotations

import pytest

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context
from p1lint.functions.pattern import MAX_INPUT_LENGTH, PatternOptions
from p1lint.rules.options import validate_options

DEVICE_PATH_ID = r"\A[a-zA-Z0-9_-]{1,50}\Z"  # `$` would accept a trailing newline


def problems(value, **options):
    function = get_function("pattern")
    assert function is not None
    return [p.detail for p in function.check(value, PatternOptions(**options), Context({}))]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("living-room_tv2", []),
        ("a" * 50, []),
        ("a" * 51, [f"does not match the pattern {DEVICE_PATH_ID}"]),
        ("", [f"does not match the pattern {DEVICE_PATH_ID}"]),
        ("lobby tv", [f"does not match the pattern {DEVICE_PATH_ID}"]),
        ("tv\n", [f"does not match the pattern {DEVICE_PATH_ID}"]),
        ("télé", [f"does not match the pattern {DEVICE_PATH_ID}"]),
        (42, []),
        (MISSING, []),
    ],
)
def test_match(value, expected):
    assert problems(value, match=DEVICE_PATH_ID) == expected


def test_not_match_and_both():
    assert problems("http://x", not_match="^http:") == ["matches the forbidden pattern ^http:"]
    assert problems("https://x", not_match="^http:") == []
    assert problems("ftp://x", match="^https?:", not_match="x$") == [
        "does not match the pattern ^https?:", "matches the forbidden pattern x$"
    ]


def test_long_input_is_not_searched():
    assert problems("a" * (MAX_INPUT_LENGTH + 1), match="^a+$") == [
        f"is longer than {MAX_INPUT_LENGTH} characters and was not checked"
    ]


@pytest.mark.parametrize("options", [{}, {"match": "("}, {"match": "a", "flags": "i"}])
def test_invalid_options_fail_when_rules_load(options):
    with pytest.raises(ValueError):
        validate_options(PatternOptions, options)


def test_a_timed_out_match_is_reported_not_passed():
    from p1lint.functions import get_function
    from p1lint.functions.base import Context
    from p1lint.functions.regexes import Unchecked

    function = get_function("pattern")
    options = function.options(match="^(a|a)*$")
    with pytest.raises(Unchecked, match=r"took longer than 0\.1 s"):
        list(function.check("a" * 40 + "!", options, Context({})))
