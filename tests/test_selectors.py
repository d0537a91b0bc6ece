"""JSONPath selectors: the native fast path and jsonpath-ng agree on values and pointers."""

from __future__ import annotations

import pytest

from p1lint.rules.selectors import Selector

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
