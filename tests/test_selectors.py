"""JSONPath selectors: the native fast path and jsonpath-ng agree on values and pointers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from p1lint.rules.selectors import Selector
from p1lint.terraform.values import Unknown

DATA = {
    "name": "App",
    "redirectUris": ["https://a/cb", "https://b/cb"],
    "corsSettings": {"behavior": "X", "origins": ["https://a"]},
    "attributeMappings": [{"name": "sub", "value": "${user.id}"}, {"name": "email"}],
}


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("$", [((), DATA)]),
        ("$.name", [(("name",), "App")]),
        ("$.redirectUris[*]", [(("redirectUris", 0), "https://a/cb"), (("redirectUris", 1), "https://b/cb")]),
        ("$.redirectUris[1]", [(("redirectUris", 1), "https://b/cb")]),
        ("$.redirectUris[5]", []),
        ("$.corsSettings.origins[*]", [(("corsSettings", "origins", 0), "https://a")]),
        ("$.attributeMappings[*].name", [(("attributeMappings", 0, "name"), "sub"), (("attributeMappings", 1, "name"), "email")]),
        ("$.missing[*]", []),
        ("$.name[*]", []),
    ],
)
def test_simple_paths_take_the_fast_path(expression, expected):
    selector = Selector(expression)
    assert selector._parsed is None
    assert [(m.pointer, m.value) for m in selector.find(DATA)] == expected


@pytest.mark.parametrize(
    ("expression", "pointers"),
    [
        ('$.attributeMappings[?(@.name=="sub")]', [("attributeMappings", 0)]),
        ("$..origins", [("corsSettings", "origins")]),
        ("$.redirectUris[-1]", [("redirectUris", 1)]),
    ],
)
def test_complex_paths_use_jsonpath_ng(expression, pointers):
    selector = Selector(expression)
    assert [m.pointer for m in selector.find(DATA)] == pointers


@pytest.mark.parametrize("expression", ["$.a[", "$.[", "$..", "@@"])
def test_invalid_paths_raise(expression):
    with pytest.raises(Exception):  # noqa: B017 - jsonpath-ng raises unrelated types
        Selector(expression)


FILTERS = [
    "$.attributeMappings[?(@.idToken == false && @.userInfo == false)]",
    '$.attributeMappings[?(@.name=="sub")]',
    "$.items[?(@.n == 1)]",
    "$.items[?(@.n == 1.5 && @.on == true)]",
    "$.a[*].items[?(@.name == 'x')].value",
    "$.items[?(@.name == '')]",
]


def test_equality_filters_take_the_fast_path():
    for expression in FILTERS:
        selector = Selector(expression)
        assert selector._parsed is None and any(kind == "filter" for kind, _ in selector._steps), expression


SCALARS = st.sampled_from([False, True, 0, 1, 1.0, 1.5, -1, "", "x", "sub", "1", "true", None, Unknown("var.x")])
MEMBERS = ("idToken", "userInfo", "name", "n", "on", "value")
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(MEMBERS),
                                                                                           inner, max_size=3),
                      max_leaves=10)
ITEM = st.fixed_dictionaries({}, optional={member: st.one_of(SCALARS, SCALARS, VALUES) for member in MEMBERS})
ITEMS = st.lists(st.one_of(ITEM, ITEM, ITEM, VALUES), max_size=6)
DOCUMENTS = st.fixed_dictionaries({}, optional={
    "attributeMappings": st.one_of(ITEMS, ITEMS, VALUES), "items": st.one_of(ITEMS, ITEMS, VALUES),
    "a": st.lists(st.fixed_dictionaries({}, optional={"items": ITEMS, "value": VALUES}), max_size=3)})


@settings(max_examples=1500, deadline=None)
@given(data=DOCUMENTS, expression=st.sampled_from(FILTERS))
def test_equality_filters_match_what_jsonpath_ng_matches(data, expression):
    from jsonpath_ng.ext.parser import parse

    from p1lint.rules.selectors import _datum_pointer

    native = [(m.pointer, m.value) for m in Selector(expression).find(data)]
    reference = [(_datum_pointer(d), d.value) for d in parse(expression).find(data)]
    assert native == reference
