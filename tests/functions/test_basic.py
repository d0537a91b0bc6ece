"""Presence, enumerations, ranges, lengths, duplicates and unset fields."""

from __future__ import annotations

import pytest

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context
from p1lint.rules.options import validate_options


def problems(name, value, application=None, **options):
    function = get_function(name)
    assert function is not None
    parsed = validate_options(function.options, options)
    return [(p.detail, p.path) for p in function.check(value, parsed, Context(application or {}))]


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("defined", MISSING, [("is missing", ())]),
        ("defined", None, [("is missing", ())]),
        ("defined", 0, []),
        ("undefined", "x", [("must not be set", ())]),
        ("undefined", MISSING, []),
        ("truthy", [], [("is missing or empty", ())]),
        ("truthy", ["a"], []),
        ("falsy", ["a"], [("must be unset, false or empty", ())]),
        ("falsy", MISSING, []),
        ("falsy", False, []),
        ("not-blank", "", [("is empty or whitespace only", ())]),
        ("not-blank", " \t\u00a0\u2028", [("is empty or whitespace only", ())]),
        ("not-blank", " Partner portal ", []),
        ("not-blank", MISSING, []),  # absence is P1L004's, not a blank name
        ("not-blank", 7, []),  # a wrong type is the structure rules'
    ],
)
def test_presence_functions(name, value, expected):
    assert problems(name, value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (59, [("value 59 is below the minimum 60", ())]),
        (60, []),
        (2147483647, []),
        (2147483648, [("value 2147483648 is above the maximum 2147483647", ())]),
        (True, []),
        ("59", []),
        (MISSING, []),
    ],
)
def test_range_checks_numbers_only(value, expected):
    assert problems("range", value, min=60, max=2147483647) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["a", "b"], []),
        (["a", "b", "c"], [("length 3 is above the maximum 2", ())]),
        ("abc", [("length 3 is above the maximum 2", ())]),
        (7, []),
    ],
)
def test_length(value, expected):
    assert problems("length", value, max=2) == expected


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        (["a", "b", "a", "a"], {}, [("duplicates item 0", (2,)), ("duplicates item 0", (3,))]),
        (["a", "A"], {}, []),
        (["a", "A"], {"case_sensitive": False}, [("duplicates item 0", (1,))]),
        ([{"x": 1}, {"x": 1}], {}, [("duplicates item 0", (1,))]),
        ("not a list", {}, []),
    ],
)
def test_unique_items(value, options, expected):
    assert problems("unique", value, **options) == expected


ASSIGNMENTS = [
    {"priority": 1, "signOnPolicy": {"id": "a"}},
    {"priority": 2, "signOnPolicy": {"id": "b"}},
    {"priority": 1, "signOnPolicy": {"id": "c"}},
    {"signOnPolicy": {"id": "d"}},
    {"priority": 2, "signOnPolicy": {"id": "e"}},
]


def test_unique_by_key_reports_at_the_key_of_each_repetition():
    assert problems("unique", ASSIGNMENTS, key="priority") == [
        ("duplicates item 0", (2, "priority")),
        ("duplicates item 1", (4, "priority")),
    ]


def test_unique_by_dotted_key():
    assert problems("unique", ASSIGNMENTS, key="signOnPolicy.id") == []
    repeated = [*ASSIGNMENTS, {"priority": 9, "signOnPolicy": {"id": "a"}}]
    assert problems("unique", repeated, key="signOnPolicy.id") == [
        ("duplicates item 0", (5, "signOnPolicy", "id"))
    ]


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        ({}, {}, []),
        ({"a": None}, {}, []),
        ({"a": 1}, {}, [("sets a", ("a",))]),
        ({"b": {"c": False}, "a": 0}, {}, [("sets a, b.c", ("a",))]),
        ({"b": {"c": True}}, {}, [("sets b.c", ("b", "c"))]),
        ({"a": 600}, {"defaults": {"a": 600}}, []),
        ({"a": 601}, {"defaults": {"a": 600}}, [("sets a", ("a",))]),
        ("not an object", {}, []),
    ],
)
def test_unset_fields(value, options, expected):
    assert problems("unset-fields", value, fields=["a", "b.c"], **options) == expected


def test_unset_fields_needs_fields():
    with pytest.raises(ValueError):
        validate_options(get_function("unset-fields").options, {"fields": []})


@pytest.mark.parametrize(("value", "expected"), [
    ("aud", [("is one of the reserved values aud, iss", ())]),
    ("Aud", []),  # exact, as PingOne compares claim names
    ("audience", []),
    (MISSING, []),
])
def test_not_enum(value, expected):
    assert problems("not-enum", value, values=["aud", "iss"]) == expected


def test_enum():
    assert problems("enum", "X", values=["A", "B"]) == [("must be one of: A, B", ())]
    assert problems("enum", "A", values=["A", "B"]) == []
    assert problems("enum", MISSING, values=["A"]) == []
