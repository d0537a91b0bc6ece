"""A compact s-expression view of a syntax tree, for tests and for showing a tree to a user.

`${'Hi ' + user.name.given}` dumps as `(template (+ 'Hi ' (. (. user name) given)))`. Operators dump as
their canonical spelling; `(if c a b)` is the ternary, `(?: a b)` Elvis, `(u- x)` unary minus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from p1lint.expressions import ast
from p1lint.expressions.printer import SELECTION_MARKS, to_source


def to_sexpr(node: ast.Node) -> str:
    """The s-expression of `node`; recursive, for trees at most `MAX_DEPTH` deep."""
    return _DUMPERS[type(node)](node)


def _form(head: str, *parts: str | ast.Node | None) -> str:
    texts = (part if isinstance(part, str) else _optional(part) for part in parts)
    return "(" + " ".join([head, *texts]) + ")"


def _optional(node: ast.Node | None) -> str:
    return "_" if node is None else to_sexpr(node)


def _all(nodes: Iterable[ast.Node | None]) -> list[str]:
    return [_optional(node) for node in nodes]


def _unary(node: ast.UnaryOp) -> str:
    return _form("!" if node.op == "!" else f"u{node.op}", node.operand)


def _method(node: ast.MethodCall) -> str:
    head = "call?." if node.safe else "call"
    return _form(head, node.name, node.target, *_all(node.arguments))


def _new_array(node: ast.NewArray) -> str:
    dimensions = _form("dims", *_all(node.dimensions))
    initial = "_" if node.initializer is None else _form("init", *_all(node.initializer))
    return _form("new[]", node.element_type, dimensions, initial)


_DUMPERS: dict[type, Callable[..., str]] = {
    ast.Template: lambda n: _form("template$$" if n.escaped else "template", n.body),
    ast.StringLiteral: to_source,
    ast.NumberLiteral: to_source,
    ast.BooleanLiteral: to_source,
    ast.NullLiteral: to_source,
    ast.InlineList: lambda n: _form("list", *_all(n.items)),
    ast.InlineMap: lambda n: _form("map", *_all(n.entries)),
    ast.MapEntry: lambda n: _form(":", n.key, n.value),
    ast.Name: lambda n: n.name,
    ast.Variable: lambda n: f"#{n.name}",
    ast.PropertyAccess: lambda n: _form("?." if n.safe else ".", n.target, n.name),
    ast.Index: lambda n: _form("[]", n.target, n.index),
    ast.Selection: lambda n: _form(f".{SELECTION_MARKS[n.kind]}[]", n.target, n.criterion),
    ast.Projection: lambda n: _form(".![]", n.target, n.expression),
    ast.HelperCall: lambda n: _form(f"#{n.library}.{n.function}", *_all(n.arguments)),
    ast.MethodCall: _method,
    ast.FunctionCall: lambda n: _form(f"#{n.name}()", *_all(n.arguments)),
    ast.BinaryOp: lambda n: _form(n.op, n.left, n.right),
    ast.UnaryOp: _unary,
    ast.Ternary: lambda n: _form("if", n.condition, n.if_true, n.if_false),
    ast.Assignment: lambda n: _form("=", n.target, n.value),
    ast.Step: lambda n: _form(f"pre{n.op}" if n.prefix else f"post{n.op}", n.operand),
    ast.TypeReference: lambda n: _form("T", n.type_name + "[]" * n.dimensions),
    ast.BeanReference: lambda n: _form("bean", n.text),
    ast.NewObject: lambda n: _form("new", n.type_name, *_all(n.arguments)),
    ast.NewArray: _new_array,
}
