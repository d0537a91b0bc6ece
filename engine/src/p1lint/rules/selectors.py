"""JSONPath selectors (jsonpath-ng), compiled once.

Simple paths — fields, `[*]`, indexes and filters of equality tests joined by `&&` — are walked
natively, which is an order of magnitude faster than jsonpath-ng's generic `find` and needs no
jsonpath-ng at start-up; anything else (other filters, `..`) uses jsonpath-ng. A test compares both
on generated data.

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
# `[?(@.a == false && @.b == 'x')]`: equality tests on members of list items, read without jsonpath-ng too
_LITERAL = r"true|false|-?\d{1,15}(?:\.\d{1,15})?|'[^'\\]{0,200}'|\"[^\"\\]{0,200}\""
_TEST = rf"@\.([A-Za-z_][A-Za-z0-9_]*) ?== ?({_LITERAL})"
EQUALITY_FILTER = re.compile(rf"\[\?\(({_TEST}(?: ?&& ?{_TEST}){{0,7}})\)\]")
EQUALITY_TEST = re.compile(_TEST)


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
        elif not checked and any(kind == "filter" for kind, _ in self._steps):
            _jsonpath_ng(expression)  # a filter read natively is one jsonpath-ng reads too

    def parse(self) -> None:
        """Parse an expression that is not a simple path now (refusing unbounded regular expressions)."""
        if self._steps is not None or self._parsed is not None:
            return
        self._parsed = _jsonpath_ng(self.expression)
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


def _jsonpath_ng(expression: str) -> Any:
    """The expression parsed by jsonpath-ng; refused when it would run an unbounded regular expression."""
    from jsonpath_ng.ext.parser import parse

    parsed = parse(expression)
    if _runs_regex(parsed):
        raise ValueError(UNBOUNDED_REGEX)
    return parsed


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
    if SIMPLE_PATH.match(expression):
        return tuple(_simple_step(match) for match in SIMPLE_STEP.finditer(expression, 1))
    if "[?(" not in expression or not expression.startswith("$"):
        return None
    return _parse_with_filters(expression)


def _simple_step(match: re.Match[str]) -> Step:
    name, index = match.group(1), match.group(2)
    if name is not None:
        return ("field", name)
    return ("index", int(index)) if index is not None else ("each", None)


def _parse_with_filters(expression: str) -> tuple[Step, ...] | None:
    """Simple steps and equality filters, or None when the expression has anything else."""
    steps: list[Step] = []
    position = 1
    while position < len(expression):
        simple = SIMPLE_STEP.match(expression, position)
        found = simple or EQUALITY_FILTER.match(expression, position)
        if found is None:
            return None
        steps.append(_simple_step(found) if simple else ("filter", _equality_tests(found.group(1))))
        position = found.end()
    return tuple(steps)


def _equality_tests(text: str) -> tuple[tuple[str, Any], ...]:
    return tuple((test.group(1), _literal(test.group(2))) for test in EQUALITY_TEST.finditer(text))


def _literal(text: str) -> Any:
    if text in ("true", "false"):
        return text == "true"
    if text[0] in "'\"":
        return text[1:-1]
    return float(text) if "." in text else int(text)


def _passes(item: Any, tests: tuple[tuple[str, Any], ...]) -> bool:
    """Whether a member passes every test, as jsonpath-ng (RFC 9535 equality) decides: a boolean
    equals only the same boolean, an unknown value equals no literal, a missing member fails."""
    if not isinstance(item, dict):
        return False
    for name, expected in tests:
        if name not in item:
            return False
        value = item[name]
        if isinstance(value, bool) or isinstance(expected, bool):
            if value is not expected:
                return False
        elif isinstance(value, list | dict | Unknown) or value != expected:
            return False
    return True


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
            if kind == "filter":  # the members of a list or an object; an unknown value has none to test
                following += [m for m in _members(value, pointer) if _passes(m.value, argument)]
            elif isinstance(value, Unknown):  # the rest of the path lies inside the unknown value
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
