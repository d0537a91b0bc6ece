"""Compile `when` conditions into predicates over an application.

A condition on an unknown value (a Terraform variable) is neither true nor false: it is
`Undecided`, naming the unknown values, and a rule whose conditions are undecided does not apply
to the application ("unknown, not wrong"). `all`, `any` and `not` combine the three values as
Kleene's logic does: `all` is false when one condition is false, whatever the others; `any` is
true when one is true. A list test is decided by the known items when they settle it (`contains:
X` with X among them), else undecided while an item is unknown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from p1lint.documents.fields import MISSING, field_pointer, field_value
from p1lint.pointer import Pointer
from p1lint.terraform.values import Unknown, contains_unknown, unknowns_in
from p1lint.urls import is_loopback, parse_uri


class Undecided(NamedTuple):
    """The outcome of a condition on unknown values: where each is, and the value."""

    unknowns: tuple[tuple[Pointer, Unknown], ...]


Outcome = bool | Undecided
Condition = dict[str, Any]  # a validated condition as data: `{"field": ..., "equals": ...}`, `{"all": [...]}`
Predicate = Callable[[Any], Outcome]
Test = Callable[[Any], bool | None]  # None: unknown values leave the test open


def compile_conditions(conditions: list[Condition]) -> Predicate:
    """All conditions must hold (no condition: always; one: that one, without a wrapper)."""
    predicates = [compile_condition(condition) for condition in conditions]
    if not predicates:
        return lambda application: True
    if len(predicates) == 1:
        return predicates[0]
    return lambda application: every(predicates, application)


def compile_condition(condition: Condition) -> Predicate:
    if "all" in condition:
        return compile_conditions(condition["all"])
    if "any" in condition:
        alternatives = [compile_condition(c) for c in condition["any"]]
        return lambda application: some(alternatives, application)
    if "not" in condition:
        negated = compile_condition(condition["not"])
        return lambda application: negation(negated(application))
    return _field_test(condition)


def every(predicates: list[Predicate], application: Any) -> Outcome:
    undecided: Undecided | None = None
    for test in predicates:
        outcome = test(application)
        if outcome is False:
            return False
        if outcome is not True:
            undecided = outcome if undecided is None else _joined(undecided, outcome)
    return True if undecided is None else undecided


def some(predicates: list[Predicate], application: Any) -> Outcome:
    undecided: Undecided | None = None
    for test in predicates:
        outcome = test(application)
        if outcome is True:
            return True
        if outcome is not False:
            undecided = outcome if undecided is None else _joined(undecided, outcome)
    return False if undecided is None else undecided


def negation(outcome: Outcome) -> Outcome:
    return outcome if isinstance(outcome, Undecided) else not outcome


def _joined(first: Undecided, second: Undecided) -> Undecided:
    return Undecided((*first.unknowns, *(u for u in second.unknowns if u not in first.unknowns)))


def _field_test(condition: Condition) -> Predicate:
    name = condition["field"]
    for test_name, build in _BUILDERS.items():
        if test_name in condition:
            test = build(condition[test_name])
            return lambda application: _decided(test(field_value(application, name)), application, name)
    raise ValueError(f"a condition on {name!r} without a test")


def _decided(outcome: bool | None, application: Any, name: str) -> Outcome:
    """A test's outcome; None (the test met unknown values) becomes `Undecided` with their places."""
    if outcome is not None:
        return outcome
    pointer = field_pointer(application, name)
    found = unknowns_in(field_value(application, name))
    return Undecided(tuple(((*pointer, *below), unknown) for below, unknown in found))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _is_set(value: Any) -> bool:
    return value is not MISSING and value is not None


def _loopback_only(value: Any) -> bool | None:
    """Absent, empty, or a list of http(s) URIs on loopback hosts only (None: unknown items decide)."""
    if value is MISSING or value is None:
        return True
    if not isinstance(value, list):
        return False
    known = [uri for uri in value if not isinstance(uri, Unknown)]
    if not all(isinstance(uri, str) and _is_loopback_uri(uri) for uri in known):
        return False
    return True if len(known) == len(value) else None


def _is_loopback_uri(text: str) -> bool:
    uri = parse_uri(text)
    return uri.scheme_lower in ("http", "https") and is_loopback(uri.host)


def _includes(value: Any, expected: Any) -> bool | None:
    """Whether the list `value` has the item `expected`; None while an unknown item might be it."""
    items = _as_list(value)
    if expected in items:
        return True
    return None if any(contains_unknown(item) for item in items) else False


def _includes_any(value: Any, expected: list[Any]) -> bool | None:
    found = [_includes(value, item) for item in expected]
    return True if True in found else (None if None in found else False)


def _not(outcome: bool | None) -> bool | None:
    return None if outcome is None else not outcome


def _known(test: Callable[[Any], bool]) -> Test:
    """A test that compares the whole value: None when any of it is unknown."""
    return lambda value: None if contains_unknown(value) else test(value)


def _shallow(test: Test) -> Test:
    """A test of presence, emptiness or items: None when the value itself is unknown (a list
    with unknown items is still present and not empty; its items decide item tests)."""
    return lambda value: None if isinstance(value, Unknown) else test(value)


_BUILDERS: dict[str, Callable[[Any], Test]] = {
    "equals": lambda expected: _known(lambda value: value is not MISSING and value == expected),
    "not_equals": lambda expected: _known(lambda value: value is MISSING or value != expected),
    "in": lambda expected: _known(lambda value: value is not MISSING and value in expected),
    "not_in": lambda expected: _known(lambda value: value is MISSING or value not in expected),
    "contains": lambda expected: _shallow(lambda value: _includes(value, expected)),
    "contains_any": lambda expected: _shallow(lambda value: _includes_any(value, expected)),
    "not_contains": lambda expected: _shallow(lambda value: _not(_includes(value, expected))),
    "contains_none": lambda expected: _shallow(lambda value: _not(_includes_any(value, expected))),
    "defined": lambda expected: _shallow(lambda value: _is_set(value) == expected),
    "truthy": lambda expected: _shallow(lambda value: bool(value) == expected),
    "loopback_only": lambda expected: _shallow(lambda value: _equal(_loopback_only(value), expected)),
}


def _equal(outcome: bool | None, expected: bool) -> bool | None:
    return None if outcome is None else outcome == expected
