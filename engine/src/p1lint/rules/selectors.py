"""JSONPath selectors (jsonpath-ng), compiled once.

Simple paths — fields, `[*]` and indexes — are walked natively, which is an order of magnitude
faster than jsonpath-ng's generic `find`; anything else (filters, `..`) uses jsonpath-ng.

jsonpath-ng runs the regular expressions of `=~` filters and `sub(/…/, …)` with Python's `re`,
which has no timeout (`[?(@ =~ "^(a+)+$")]` takes minutes on a 30-character value), so a
selector with either is refused when the rules load: select the values with a path and check
them with the `pattern` function, whose searches are bounded.

A simple path that meets an unknown value (a Terraform variable where a list or an object
would be) matches that unknown: `$.redirectUris[*]` on `redirectUris = var.uris` matches
`var.uris` at `/redirectUris`, so that the check is skipped where the value is unknown, not
silently. Filters (jsonpath-ng) see an unknown as a value equal to nothing but itself: a filter
test `==` on it is false; a rule must not select with `!=` on a field that may be unknown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from p1lint.pointer import Pointer
from p1lint.terraform.values import Unknown


class Match(NamedTuple):
    value: Any
    pointer: Pointer


Step = tuple[str, Any]

# `$`, `.name`, `[*]`, `.*`, `[3]`: read without jsonpath-ng (and without importing it at start-up)
SIMPLE_PATH = re.compile(r"^\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\.\*|\[\*\]|\[\d+\])*$")
SIMPLE_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\.\*|\[\*\]|\[(\d+)\]")


class Selector:
    """A compiled JSONPath; `find` yields each matched value with its JSON Pointer.

    A selector of a compiled catalogue (`checked`: refused regular expressions were looked for when
    the catalogue was built) is parsed by jsonpath-ng when it first meets a value its simple
    leading steps reach (`$.attributeMappings` of `$.attributeMappings[?(...)]`), so a run whose
    files hold no such value never imports jsonpath-ng."""

    def __init__(self, expression: str, *, checked: bool = False) -> None:
        self.expression = expression
        self._parsed: Any = None
        self._steps = _parse_simple(expression)
        self._prefix: tuple[Step, ...] = ()
        if self._steps is None and checked:
            self._prefix = _simple_prefix(expression)
        elif self._steps is None:
            self.parse()

    def parse(self) -> None:
        """Parse an expression that is not a simple path now (refusing unbounded regular expressions)."""
        if self._steps is not None or self._parsed is not None:
            return
        from jsonpath_ng.ext.parser import parse

        self._parsed = parse(self.expression)
        if _runs_regex(self._parsed):
            raise ValueError(UNBOUNDED_REGEX)
        self._steps = _simple_steps(self._parsed)

    @property
    def first_field(self) -> str | None:
        """The member of the data every match lies in (`$.corsSettings.origins`: corsSettings), if one."""
        steps = self._steps or self._prefix
        return steps[0][1] if steps and steps[0][0] == "field" else None

    def find(self, data: Any) -> Iterator[Match]:
        steps = self._steps
        if steps is not None and len(steps) == 1 and steps[0][0] == "field":  # `$.name`: most rules
            name = steps[0][1]
            found = isinstance(data, dict) and name in data
            return iter((Match(data[name], (name,)),) if found else ())
        if steps is not None:
            return _walk(data, steps)
        if self._parsed is None:
            if not any(True for _ in _walk(data, self._prefix)):
                return iter(())
            self.parse()
            return self.find(data)
        return (Match(d.value, _datum_pointer(d)) for d in self._parsed.find(data))


def _simple_prefix(expression: str) -> tuple[Step, ...]:
    """The simple steps an expression starts with (`$.a.b` of `$.a.b[?(@.c == 1)]`): a value the
    whole expression matches lies below a value they reach."""
    for end in range(len(expression), 0, -1):
        steps = _parse_simple(expression[:end])
        if steps is not None and (end == len(expression) or expression[end] in ".["):
            return steps
    return ()


UNBOUNDED_REGEX = ("a regular expression in a selector (`=~`, `sub()`) has no time bound; select the "
                   "values with a path and check them with the `pattern` function")


def _runs_regex(parsed: Any) -> bool:
    """Whether any node of a parsed jsonpath-ng expression is a `=~` filter or a `sub()`."""
    from jsonpath_ng.ext.filter import Expression
    from jsonpath_ng.ext.string import Sub

    stack = [parsed]
    while stack:
        node = stack.pop()
        if isinstance(node, Sub) or (isinstance(node, Expression) and node.op == "=~"):
            return True
        if isinstance(node, list | tuple):
            stack.extend(node)
        elif type(node).__module__.startswith("jsonpath_ng"):
            stack.extend(vars(node).values())
    return False


def _parse_simple(expression: str) -> tuple[Step, ...] | None:
    if not SIMPLE_PATH.match(expression):
        return None
    steps: list[Step] = []
    for match in SIMPLE_STEP.finditer(expression, 1):
        name, index = match.group(1), match.group(2)
        if name is not None:
            steps.append(("field", name))
        elif index is not None:
            steps.append(("index", int(index)))
        else:
            steps.append(("each", None))
    return tuple(steps)


def _simple_steps(parsed: Any) -> tuple[Step, ...] | None:
    from jsonpath_ng import Child, Fields, Index, Root, Slice
    from jsonpath_ng.jsonpath import Wildcard

    steps: list[Step] = []
    node = parsed
    while isinstance(node, Child):
        right = node.right
        if isinstance(right, Fields) and len(right.fields) == 1 and right.fields[0] != "*":
            steps.append(("field", right.fields[0]))
        elif isinstance(right, Wildcard) or (isinstance(right, Slice) and _whole(right)):
            steps.append(("each", None))
        elif isinstance(right, Index) and len(right.indices) == 1:
            steps.append(("index", right.indices[0]))
        else:
            return None
        node = node.left
    return tuple(reversed(steps)) if isinstance(node, Root) else None


def _whole(node: Any) -> bool:
    return node.start is None and node.end is None and node.step is None


def _walk(data: Any, steps: tuple[Step, ...]) -> Iterator[Match]:
    """Follow simple steps breadth-first; one loop per step, no generator per value."""
    frontier: list[Match] = [Match(data, ())]
    for kind, argument in steps:
        following: list[Match] = []
        for value, pointer in frontier:
            if isinstance(value, Unknown):  # the rest of the path lies inside the unknown value
                following.append(Match(value, pointer))
            elif kind == "field":
                if isinstance(value, dict) and argument in value:
                    following.append(Match(value[argument], (*pointer, argument)))
            elif kind == "each":
                following.extend(_members(value, pointer))
            elif isinstance(value, list) and -len(value) <= argument < len(value):
                following.append(Match(value[argument], (*pointer, argument % len(value))))
        frontier = following
    return iter(frontier)


def _members(value: Any, pointer: Pointer) -> list[Match]:
    if isinstance(value, list):
        return [Match(item, (*pointer, index)) for index, item in enumerate(value)]
    if isinstance(value, dict):
        return [Match(item, (*pointer, key)) for key, item in value.items()]
    return []


def _datum_pointer(datum: Any) -> Pointer:
    from jsonpath_ng import Fields, Index

    parts: list[str | int] = []
    while datum is not None and datum.context is not None:
        path = datum.path
        if isinstance(path, Fields):
            parts.append(path.fields[0])
        elif isinstance(path, Index):
            parts.append(path.index if hasattr(path, "index") else path.indices[0])
        datum = datum.context
    return tuple(reversed(parts))
