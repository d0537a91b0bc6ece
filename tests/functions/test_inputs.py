"""`unique-field` over the applications of one input: normalisation, groups, reported paths."""

from __future__ import annotations

import pytest

from p1lint.functions import get_function
from p1lint.functions.base import Context
from p1lint.functions.inputs import UniqueFieldOptions

NAMES = UniqueFieldOptions(field="name", ignore_case=True, ignore_spacing=True, group_by="environment.id")


def run(value, options=NAMES):
    function = get_function("unique-field")
    assert function is not None
    return [(p.detail, p.path) for p in function.check(value, options, Context(value))]


def app(name, environment=None, identifier=None):
    found = {"name": name}
    if environment is not None:
        found["environment"] = {"id": environment}
    if identifier is not None:
        found["id"] = identifier
    return found


@pytest.mark.parametrize(
    ("applications", "expected"),
    [
        ([app("Portal"), app("Billing")], []),
        ([app("Portal"), app("Portal")], [("is also the name of another application", (1, "name"))]),
        ([app("Portal", identifier="a1"), app("portal ")],
         [("is also the name of application a1 ('Portal', ignoring case and spacing)", (1, "name"))]),
        ([app("Partner  portal"), app("partner portal")], [("another application ('Partner  portal'", (1, "name"))]),
        ([app("Portal", "dev"), app("Portal", "prod")], []),
        ([app("Portal", "dev"), app("Portal", "dev")], [("another application", (1, "name"))]),
        ([app("Portal", "dev"), app("Portal")], [("another application", (1, "name"))]),
        ([app("Portal"), app("Portal"), app("Portal")],
         [("another application", (1, "name")), ("another application", (2, "name"))]),
        ([app(""), app(""), app("  "), app("  ")], []),
        ([app(3), app(3), {"type": "WORKER"}, "not an application"], []),
    ],
)
def test_duplicate_names(applications, expected):
    found = run(applications)
    assert [path for _, path in found] == [path for _, path in expected]
    for (detail, _), (wanted, _) in zip(found, expected, strict=True):
        assert wanted in detail


def test_exact_comparison_by_default():
    options = UniqueFieldOptions(field="name")
    assert run([app("Portal"), app("portal"), app("Portal ")], options) == []


def test_nested_field_paths():
    options = UniqueFieldOptions(field="icon.href")
    value = [{"icon": {"href": "https://x/a.png"}}, {"icon": {"href": "https://x/a.png"}}]
    assert run(value, options) == [("is also the href of another application", (1, "icon", "href"))]


def test_non_lists_are_ignored():
    assert run({"name": "Portal"}) == []
