"""`has-item` over lists of objects."""

from __future__ import annotations

import pytest

from p1lint.functions import get_function
from p1lint.functions.base import Context


def run(name, checked, **options):
    function = get_function(name)
    return list(function.check(checked, function.options(**options), Context({})))


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([{"name": "sub", "required": True}], []),
        ([{"name": "email"}], [((), "has no item with name sub")]),
        ([], [((), "has no item with name sub")]),
        ([{"name": "sub", "required": False}], [((0, "required"), "item name sub has required: false; expected true")]),
        ([{"name": "x"}, {"name": "sub"}], [((1, "required"), "item name sub has required: null; expected true")]),
        (None, []),
    ],
)
def test_has_item(items, expected):
    problems = run("has-item", items, key="name", value="sub", require={"required": True})
    assert [(p.path, p.detail) for p in problems] == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([{"name": "email"}], []),
        ([], []),
        ([{"name": "sub", "required": False}], [((0, "required"), "item name sub has required: false; expected true")]),
    ],
)
def test_has_item_absent_ok_checks_only_a_present_item(items, expected):
    problems = run("has-item", items, key="name", value="sub", require={"required": True}, absent_ok=True)
    assert [(p.path, p.detail) for p in problems] == expected
