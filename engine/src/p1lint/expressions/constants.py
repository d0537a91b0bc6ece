"""Find values that do not depend on the user: constant expressions and always-null reads.

Every node is classified bottom-up as `DYNAMIC` (depends on the user, a helper or a variable),
`CONSTANT` (literals and operators over them) or `NULL` (always null: `null`, a read from `null`, a
key missing from an inline map). Then, top-down: a whole expression that is constant or null is
reported once; otherwise the outermost constant computation and the outermost always-null read
inside it are.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from p1lint.expressions import ast
from p1lint.expressions.diagnostics import Diagnostic, diagnostic

Kind = Literal["dynamic", "constant", "null"]
DYNAMIC: Kind = "dynamic"
CONSTANT: Kind = "constant"
NULL: Kind = "null"
LITERALS = (ast.StringLiteral, ast.NumberLiteral, ast.BooleanLiteral)
AGGREGATES = (ast.InlineList, ast.InlineMap, ast.MapEntry, ast.NewArray, ast.UnaryOp, ast.Ternary)


def classify(root: ast.Node) -> dict[int, Kind]:
    """The kind of every node, keyed by `id(node)`; children are classified before parents."""
    kinds: dict[int, Kind] = {}
    for node in reversed(list(ast.walk(root))):
        kinds[id(node)] = _kind(node, kinds)
    return kinds


def _kind(node: ast.Node, kinds: dict[int, Kind]) -> Kind:
    if isinstance(node, ast.NullLiteral):
        return NULL
    if isinstance(node, LITERALS):
        return CONSTANT
    if isinstance(node, ast.Template):
        return kinds[id(node.body)]
    if isinstance(node, ast.BinaryOp):
        return _binary_kind(node, kinds)
    if isinstance(node, ast.PropertyAccess):
        return NULL if kinds[id(node.target)] == NULL else DYNAMIC
    if isinstance(node, ast.Index):
        return _index_kind(node, kinds)
    if isinstance(node, AGGREGATES):
        return _all_known(node, kinds)
    return DYNAMIC


def _known(node: ast.Node, kinds: dict[int, Kind]) -> bool:
    return kinds[id(node)] != DYNAMIC


def _all_known(node: ast.Node, kinds: dict[int, Kind]) -> Kind:
    if isinstance(node, ast.MapEntry) and isinstance(node.key, ast.Name):
        return CONSTANT if _known(node.value, kinds) else DYNAMIC  # a bare key is a literal name
    if isinstance(node, ast.NewArray) and None in node.dimensions and node.initializer is None:
        return DYNAMIC
    return CONSTANT if all(_known(child, kinds) for child in node.children()) else DYNAMIC


def _binary_kind(node: ast.BinaryOp, kinds: dict[int, Kind]) -> Kind:
    left, right = kinds[id(node.left)], kinds[id(node.right)]
    if node.op == "?:" and left == NULL:
        return right
    if node.op == "?:" and left == CONSTANT:
        return CONSTANT
    return CONSTANT if DYNAMIC not in (left, right) else DYNAMIC


def _index_kind(node: ast.Index, kinds: dict[int, Kind]) -> Kind:
    target, key = kinds[id(node.target)], kinds[id(node.index)]
    if target == NULL:
        return NULL
    if DYNAMIC in (target, key):
        return DYNAMIC
    return NULL if _missing_key(node) else CONSTANT


def _missing_key(node: ast.Index) -> bool:
    """`{'a': 1}['b']`: a string key that an inline map of string keys does not have."""
    if not isinstance(node.target, ast.InlineMap) or not isinstance(node.index, ast.StringLiteral):
        return False
    keys = [_literal_key(entry.key) for entry in node.target.entries]
    return None not in keys and node.index.value not in keys


def _literal_key(key: ast.Node) -> str | None:
    if isinstance(key, ast.StringLiteral):
        return key.value
    return key.name if isinstance(key, ast.Name) else None


# ---- reporting ----------------------------------------------------------------------------------


def check_constants(root: ast.Node) -> Iterator[Diagnostic]:
    """Report a constant or null expression, else constant parts and always-null reads inside it."""
    if not isinstance(root, ast.Template):
        return
    kinds = classify(root)
    body, kind = root.body, kinds[id(root.body)]
    if kind == NULL:
        yield diagnostic("always-null", "the expression is always null", body.line, body.column)
    elif kind == CONSTANT:
        message = "the expression is constant: it gives every user the same value"
        yield diagnostic("constant-expression", message, body.line, body.column)
    else:
        yield from _inside(body, kinds)


def _inside(body: ast.Node, kinds: dict[int, Kind]) -> Iterator[Diagnostic]:
    stack = [body]
    while stack:
        node = stack.pop()
        found = _finding(node, kinds)
        if found is not None:
            yield found
        if found is None or found.code == "constant-condition":
            stack.extend(reversed(node.children()))


def _finding(node: ast.Node, kinds: dict[int, Kind]) -> Diagnostic | None:
    kind = kinds[id(node)]
    where = (node.line, node.column)
    if kind == NULL and isinstance(node, ast.PropertyAccess | ast.Index):
        return diagnostic("always-null", "this always reads null", *where)
    if kind == CONSTANT and _computed(node):
        message = "this part is constant; write its value instead"
        return diagnostic("constant-expression", message, *where)
    return _constant_condition(node, kinds)


def _computed(node: ast.Node) -> bool:
    """An operation worth precomputing: not a literal, a literal collection or a negative number."""
    if isinstance(node, ast.UnaryOp):
        return not isinstance(node.operand, ast.NumberLiteral)
    return isinstance(node, ast.BinaryOp | ast.Ternary | ast.Index)


def _constant_condition(node: ast.Node, kinds: dict[int, Kind]) -> Diagnostic | None:
    if isinstance(node, ast.Ternary) and _known(node.condition, kinds):
        condition = node.condition
        message = "the condition is constant: one branch never runs"
        return diagnostic("constant-condition", message, condition.line, condition.column)
    if isinstance(node, ast.BinaryOp) and node.op == "?:" and kinds[id(node.left)] == NULL:
        message = "the left side of '?:' is always null: the right side is always used"
        return diagnostic("constant-condition", message, node.left.line, node.left.column)
    return None
