"""Print a syntax tree back as canonical source text.

Canonical means: one space around binary operators (PingOne requires it), operators in one spelling
(`and`, `or`, `!`, `==`, `/`, `%`), strings in single quotes, parentheses only where precedence
needs them. Parsing the printed text gives an equal tree. Recursive, but trees from
`parse_expression` are at most `MAX_DEPTH` deep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from p1lint.expressions import ast

# Binding strength, as in the grammar: 0 is the loosest (assignment, Elvis, ternary), 8 an atom.
BINARY_LEVELS = {
    "?:": 0, "or": 1, "and": 2,
    "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
    "matches": 3, "between": 3, "instanceof": 3,
    "+": 4, "-": 4, "*": 5, "/": 5, "%": 5, "^": 6,
}  # fmt: skip
# The least binding strength each operand of a binary operator needs: (left, right).
OPERAND_LEVELS = {0: (1, 0), 1: (1, 2), 2: (2, 3), 3: (4, 4), 4: (4, 5), 5: (5, 6), 6: (7, 7)}
ATOM = 8
UNARY = 7
SELECTION_MARKS = {"all": "?", "first": "^", "last": "$"}


def to_source(node: ast.Node) -> str:
    """The canonical text of `node` (a whole value, or any sub-expression)."""
    return _PRINTERS[type(node)](node)


def level(node: ast.Node) -> int:
    """How tightly `node` binds, 0 (loosest) to 8 (an atom)."""
    if isinstance(node, ast.BinaryOp):
        return BINARY_LEVELS[node.op]
    if isinstance(node, ast.Ternary | ast.Assignment):
        return 0
    if isinstance(node, ast.Step):
        return UNARY if node.prefix else 6
    if isinstance(node, ast.UnaryOp | ast.NewArray):
        return UNARY
    return ATOM


def _operand(node: ast.Node, minimum: int) -> str:
    text = to_source(node)
    return f"({text})" if level(node) < minimum else text


def _join(nodes: Iterable[ast.Node]) -> str:
    return ", ".join(to_source(node) for node in nodes)


def _binary(node: ast.BinaryOp) -> str:
    left, right = OPERAND_LEVELS[BINARY_LEVELS[node.op]]
    return f"{_operand(node.left, left)} {node.op} {_operand(node.right, right)}"


def _unary(node: ast.UnaryOp | ast.Step) -> str:
    # A prefix operator on a prefix operator gets parentheses: `- -x` would read as `--x`.
    nested = isinstance(node.operand, ast.UnaryOp) or (
        isinstance(node.operand, ast.Step) and node.operand.prefix
    )
    operand = _operand(node.operand, UNARY)
    return f"{node.op}({operand})" if nested else f"{node.op}{operand}"


def _step(node: ast.Step) -> str:
    return _unary(node) if node.prefix else f"{_operand(node.operand, UNARY)}{node.op}"


def _ternary(node: ast.Ternary) -> str:
    condition = _operand(node.condition, 1)
    return f"{condition} ? {to_source(node.if_true)} : {to_source(node.if_false)}"


def _target(node: ast.Node) -> str:
    return _operand(node, ATOM)


def _property(node: ast.PropertyAccess) -> str:
    return f"{_target(node.target)}{'?.' if node.safe else '.'}{node.name}"


def _method(node: ast.MethodCall) -> str:
    call = f"{node.name}({_join(node.arguments)})"
    if node.target is None:
        return call
    return f"{_target(node.target)}{'?.' if node.safe else '.'}{call}"


def _selection(node: ast.Selection) -> str:
    return f"{_target(node.target)}.{SELECTION_MARKS[node.kind]}[{to_source(node.criterion)}]"


def _string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _inline_map(node: ast.InlineMap) -> str:
    if not node.entries:
        return "{:}"
    return "{" + _join(node.entries) + "}"


def _new_array(node: ast.NewArray) -> str:
    sizes = "".join(f"[{'' if size is None else to_source(size)}]" for size in node.dimensions)
    initializer = "" if node.initializer is None else "{" + _join(node.initializer) + "}"
    return f"new {node.element_type}{sizes}{initializer}"


def _template(node: ast.Template) -> str:
    return f"{'$$' if node.escaped else '$'}{{{to_source(node.body)}}}"


_PRINTERS: dict[type, Callable[..., str]] = {
    ast.Template: _template,
    ast.StringLiteral: lambda n: _string(n.value),
    ast.NumberLiteral: lambda n: n.text,
    ast.BooleanLiteral: lambda n: "true" if n.value else "false",
    ast.NullLiteral: lambda n: "null",
    ast.InlineList: lambda n: "{" + _join(n.items) + "}",
    ast.InlineMap: _inline_map,
    ast.MapEntry: lambda n: f"{to_source(n.key)}: {to_source(n.value)}",
    ast.Name: lambda n: n.name,
    ast.Variable: lambda n: f"#{n.name}",
    ast.PropertyAccess: _property,
    ast.Index: lambda n: f"{_target(n.target)}[{to_source(n.index)}]",
    ast.Selection: _selection,
    ast.Projection: lambda n: f"{_target(n.target)}.![{to_source(n.expression)}]",
    ast.HelperCall: lambda n: f"#{n.library}.{n.function}({_join(n.arguments)})",
    ast.MethodCall: _method,
    ast.FunctionCall: lambda n: f"#{n.name}({_join(n.arguments)})",
    ast.BinaryOp: _binary,
    ast.UnaryOp: _unary,
    ast.Ternary: _ternary,
    ast.Assignment: lambda n: f"{_operand(n.target, 1)} = {_operand(n.value, 1)}",
    ast.Step: _step,
    ast.TypeReference: lambda n: f"T({n.type_name}{'[]' * n.dimensions})",
    ast.BeanReference: lambda n: n.text,
    ast.NewObject: lambda n: f"new {n.type_name}({_join(n.arguments)})",
    ast.NewArray: _new_array,
}
