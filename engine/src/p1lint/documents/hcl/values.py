"""What an HCL expression is worth before Terraform evaluates anything: `Expr`.

A literal (number, `true`, `false`, `null`, a string without `${` or `%{`, a literal heredoc, a
negated number) is known; so is a tuple or an object whose keys are literal, even when some of its
elements are not. Everything else — references, function calls, `for` expressions, conditionals,
operators, templates that interpolate — is unknown, and becomes a `Unknown` of its source text and
the traversals it mentions (`pingone_application.web.id`, `var.apps["a"]`, `each.key`).
"""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

from p1lint.terraform.values import Unknown, contains_unknown

MAX_REFERENCES = 100  # traversals kept per expression: a hostile one may mention millions
LITERAL_NAMES: dict[str, Any] = {"true": True, "false": False, "null": None}
_ROOT = re.compile(r"[^.\[]+")

Key = str | int


class Expr(NamedTuple):
    """An expression and where it is written (character offsets of its text)."""

    start: int
    end: int
    known: bool
    value: Any = None  # when known: plain data (a tuple or object may hold Unknown values)
    references: tuple[str, ...] = ()  # traversals it mentions, its own (`traversal`) excluded
    traversal: str | None = None  # the expression as a reference, when it is one (`var.x[0]`)
    items: tuple[tuple[Key, Expr], ...] = ()  # a known tuple's or object's elements, in order
    name: str | None = None  # a bare identifier, which an object key means literally


def known(start: int, end: int, value: Any, items: tuple[tuple[Key, Expr], ...] = ()) -> Expr:
    """A known value; a tuple or object mentions what its elements do (`[var.a]`)."""
    return Expr(start, end, True, value, merged(*(item for _, item in items)), items=items)


def unknown(start: int, end: int, *parts: Expr | tuple[str, ...]) -> Expr:
    """An unknown expression mentioning the references of `parts` (expressions or references)."""
    return Expr(start, end, False, references=merged(*parts))


def references_of(expr: Expr) -> tuple[str, ...]:
    """Every traversal `expr` mentions, its own included."""
    return (expr.traversal, *expr.references) if expr.traversal else expr.references


def merged(*parts: Expr | tuple[str, ...]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for part in parts:
        for reference in references_of(part) if isinstance(part, Expr) else part:
            found[reference] = None
            if len(found) >= MAX_REFERENCES:
                return tuple(found)
    return tuple(found)


def outside(references: tuple[str, ...], bound: tuple[str, ...]) -> tuple[str, ...]:
    """The references that are not to names a `for` binds (`[for app in var.apps: app.id]`)."""
    return tuple(ref for ref in references if (found := _ROOT.match(ref)) is None or found[0] not in bound)


def value_of(expr: Expr, text: str) -> Any:
    """The plain value of `expr`, or the `Unknown` that stands for it."""
    if expr.known:
        return expr.value
    return Unknown(text[expr.start : expr.end], references_of(expr))


def variable(start: int, end: int, name: str) -> Expr:
    if name in LITERAL_NAMES:
        return Expr(start, end, True, LITERAL_NAMES[name], name=name)
    return Expr(start, end, False, traversal=name, name=name)


def number(start: int, end: int, text: str) -> Expr:
    value = int(text) if text.isdigit() else float(text)
    return known(start, end, value)


def negation(start: int, end: int, operand: Expr) -> Expr:
    """`-1` is the number -1; any other negation is an operation."""
    if operand.known and type(operand.value) in (int, float):
        return known(start, end, -operand.value)
    return unknown(start, end, operand)


def parenthesis(start: int, end: int, inner: Expr) -> Expr:
    """`(x)` is worth `x`, but `(name)` as an object key is the value of `name`, not a name."""
    return inner._replace(start=start, end=end, traversal=None, references=references_of(inner), name=None)


def step(start: int, end: int, base: Expr, suffix: str | None, *keys: Expr) -> Expr:
    """`base` followed by `.name`, `[key]` or a splat: a longer traversal when `base` is one and
    `suffix` (the step as written in a reference) is known, else an unknown value."""
    if base.traversal is not None and suffix is not None:
        return Expr(start, end, False, references=base.references, traversal=base.traversal + suffix)
    return unknown(start, end, base, *keys)


def index_suffix(key: Expr) -> str | None:
    """`[0]` or `["name"]` for a literal index; None for any other."""
    if key.known and type(key.value) in (int, str):
        return f"[{json.dumps(key.value)}]"
    return None


def json_text(value: Any) -> str | None:
    """`jsonencode` of a literal value as Terraform writes it (compact, object keys sorted), or
    None when the value holds an unknown one."""
    if contains_unknown(value):
        return None
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
