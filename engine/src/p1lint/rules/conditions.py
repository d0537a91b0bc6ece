"""Compile `when` conditions into predicates over an application."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from p1lint.documents.fields import MISSING, field_value
from p1lint.rules.spec import Condition
from p1lint.urls import is_loopback, parse_uri

Predicate = Callable[[Any], bool]


def compile_conditions(conditions: list[Condition]) -> Predicate:
    """All conditions must hold (no condition: always; one: that one, without a wrapper)."""
    predicates = [compile_condition(condition) for condition in conditions]
    if not predicates:
        return lambda application: True
    if len(predicates) == 1:
        return predicates[0]
    return lambda application: all(test(application) for test in predicates)


def compile_condition(condition: Condition) -> Predicate:
    if condition.all is not None:
        return compile_conditions(condition.all)
    if condition.any is not None:
        alternatives = [compile_condition(c) for c in condition.any]
        return lambda application: any(test(application) for test in alternatives)
    if condition.not_ is not None:
        negated = compile_condition(condition.not_)
        return lambda application: not negated(application)
    return _field_test(condition)


def _field_test(condition: Condition) -> Predicate:
    name = condition.field
    assert name is not None
    for test_name, build in _BUILDERS.items():
        expected = getattr(condition, test_name)
        if expected is not None:
            test = build(expected)
            return lambda application: test(field_value(application, name))
    raise AssertionError("validated conditions always have one test")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _is_set(value: Any) -> bool:
    return value is not MISSING and value is not None


def _loopback_only(value: Any) -> bool:
    """Absent, empty, or a list of http(s) URIs on loopback hosts only."""
    if value is MISSING or value is None:
        return True
    return isinstance(value, list) and all(isinstance(uri, str) and _is_loopback_uri(uri) for uri in value)


def _is_loopback_uri(text: str) -> bool:
    uri = parse_uri(text)
    return uri.scheme_lower in ("http", "https") and is_loopback(uri.host)


_BUILDERS: dict[str, Callable[[Any], Callable[[Any], bool]]] = {
    "equals": lambda expected: lambda value: value is not MISSING and value == expected,
    "not_equals": lambda expected: lambda value: value is MISSING or value != expected,
    "in_": lambda expected: lambda value: value is not MISSING and value in expected,
    "not_in": lambda expected: lambda value: value is MISSING or value not in expected,
    "contains": lambda expected: lambda value: expected in _as_list(value),
    "contains_any": lambda expected: lambda value: any(e in _as_list(value) for e in expected),
    "not_contains": lambda expected: lambda value: expected not in _as_list(value),
    "contains_none": lambda expected: lambda value: not any(e in _as_list(value) for e in expected),
    "defined": lambda expected: lambda value: _is_set(value) == expected,
    "truthy": lambda expected: lambda value: bool(value) == expected,
    "loopback_only": lambda expected: lambda value: _loopback_only(value) == expected,
}
