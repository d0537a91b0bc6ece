"""Findings and unit results go into the results cache and come back with every field: the
round trip is driven by the field types of `Finding`, so that a field added to it is covered
(or makes these tests fail) without a change here."""

from __future__ import annotations

import json
import types
import typing
from typing import Any

import pytest

from p1lint.cache.codec import (
    BadEntry,
    Part,
    finding_from_json,
    finding_to_json,
    merge_parts,
    part_from_json,
    part_to_json,
)
from p1lint.findings import Finding, InputError, Notice


def sample(hint: Any, seed: str) -> Any:
    """A value of type `hint` unlike any default: a string naming its field, a large number, the
    last choice of a Literal. A type this does not know fails the test, to be taught here."""
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return arguments[-1]
    if origin in (types.UnionType, typing.Union):
        return sample(next(a for a in arguments if a is not type(None)), seed)
    if origin is tuple:
        return tuple(sample(a, f"{seed}.{i}") for i, a in enumerate(arguments) if a is not Ellipsis)
    if origin is list:
        return [sample(arguments[0], f"{seed}.0")]
    if origin is dict:
        return {sample(arguments[0], f"{seed}.key"): sample(arguments[1], f"{seed}.value")}
    if isinstance(hint, type) and hasattr(hint, "_fields"):
        hints = typing.get_type_hints(hint)
        return hint(**{name: sample(hints[name], f"{seed}.{name}") for name in hint._fields})
    known = {str: f"value of {seed} \udcff é", int: 7000 + len(seed), float: 0.5 + len(seed), bool: True}
    if hint not in known:
        pytest.fail(f"teach `sample` a value of {hint!r} (field {seed} of Finding)")
    return known[hint]


def full_finding() -> Finding:
    hints = typing.get_type_hints(Finding)
    return Finding(**{name: sample(hints[name], name) for name in Finding._fields})


def test_every_field_of_a_finding_comes_back():
    finding = full_finding()
    back = finding_from_json(json.loads(json.dumps(finding_to_json(finding))))
    assert type(back) is Finding
    for name in Finding._fields:
        assert getattr(back, name) == getattr(finding, name), name
        assert type(getattr(back, name)) is type(getattr(finding, name)), name
    assert back == finding


def test_every_field_is_written():
    assert set(finding_to_json(full_finding())) == set(Finding._fields)


@pytest.mark.parametrize("name", Finding._fields)
def test_an_entry_missing_a_field_is_refused(name):
    data = finding_to_json(full_finding())
    del data[name]
    with pytest.raises(BadEntry):
        finding_from_json(data)


@pytest.mark.parametrize("name", Finding._fields)
def test_a_field_of_the_wrong_type_is_refused(name):
    data = finding_to_json(full_finding())
    data[name] = [{"not": "this"}]
    with pytest.raises(BadEntry):
        finding_from_json(data)


@pytest.mark.parametrize("bad", [None, [], "finding", 3, {"extra": 1}])
def test_what_is_not_a_finding_is_refused(bad):
    with pytest.raises(BadEntry):
        finding_from_json(bad)


def test_a_severity_outside_its_choices_is_refused():
    data = finding_to_json(full_finding())
    data["severity"] = "fatal"
    with pytest.raises(BadEntry):
        finding_from_json(data)


def test_a_boolean_is_not_a_number():
    data = finding_to_json(full_finding())
    data["line"] = True
    with pytest.raises(BadEntry):
        finding_from_json(data)


def a_part() -> Part:
    errors = [InputError("bad.json", 3, 4, "invalid JSON: \udcfe"), InputError("dir", 0, 0, "cannot list")]
    notices = [Notice("package.json", "not a PingOne document")]
    return Part([full_finding()], errors, 3, notices, 1, {"P1L700": "roles", "P1L701": "actor"}, 2,
                ["apps/a.json", "apps/b\udcff.yaml", "apps/c.json"],
                [full_finding()._replace(suppression="external", justification="ticket 42")], [0, 3])


def test_a_unit_result_comes_back_whole():
    part = a_part()
    assert part_from_json(json.loads(json.dumps(part_to_json(part)))) == part


@pytest.mark.parametrize("field", Part._fields)
def test_a_unit_result_missing_a_field_is_refused(field):
    data = part_to_json(a_part())
    del data[field]
    with pytest.raises(BadEntry):
        part_from_json(data)


@pytest.mark.parametrize("field, value", [
    ("files", -1), ("files", "3"), ("unreadable", 1.5), ("suppressed", None), ("findings", {}),
    ("errors", [["bad.json", 3, 4, "x"]]), ("not_checked", [["P1L700"]]), ("skipped", [{"file": "x"}]),
    ("used_suppressions", [-1]), ("used_suppressions", ["0"]),
])
def test_a_unit_result_of_the_wrong_shape_is_refused(field, value):
    data = part_to_json(a_part())
    data[field] = value
    with pytest.raises(BadEntry):
        part_from_json(data)


def test_parts_add_up_as_the_engine_adds_units():
    first, second = a_part(), a_part()._replace(not_checked={"P1L700": "applications", "P1L702": "x"})
    merged = merge_parts([first, second])
    assert (merged.files, merged.unreadable, merged.suppressed) == (6, 2, 4)
    assert merged.errors == first.errors + second.errors
    assert merged.not_checked == {"P1L700": "roles", "P1L701": "actor", "P1L702": "x"}
    assert merged.findings == sorted(merged.findings, key=Finding.sort_key)


def test_a_unit_result_keeps_every_field_the_engine_gives():
    """A field added to `LintResult` must be added to `Part` (and its JSON), or cached runs lose it."""
    import dataclasses

    from p1lint.engine import LintResult

    kept = {f.name for f in dataclasses.fields(LintResult) if not f.name.startswith("_")} - {"volatile", "suppress"}
    assert kept == set(Part._fields)
