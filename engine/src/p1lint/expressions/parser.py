"""Parse an attribute-mapping value into the syntax tree of `ast`.

The LALR parser for `grammar/expression.lark` is loaded once, on first use, from its shipped
tables. Building the parse tree, turning it into AST nodes and measuring depth are all iterative,
so deep nesting cannot exhaust the Python stack; a tree deeper than `MAX_DEPTH` is refused with a
`too-deep` diagnostic.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple, TypeGuard

from lark import Lark, Token, Transformer_NonRecursive, v_args
from lark.exceptions import UnexpectedInput
from lark.tree import Meta

from p1lint.expressions import ast
from p1lint.expressions.diagnostics import ExpressionSyntaxError, diagnostic
from p1lint.expressions.syntax_errors import describe_syntax_error

MAX_DEPTH = 100

OPERATORS: dict[str, str] = {
    "OR": "or", "AND": "and", "NOT": "!", "BANG": "!", "ELVIS": "?:",
    "EQ": "==", "EQ_WORD": "==", "NE": "!=", "NE_WORD": "!=", "LT": "<", "LT_WORD": "<",
    "LE": "<=", "LE_WORD": "<=", "GT": ">", "GT_WORD": ">", "GE": ">=", "GE_WORD": ">=",
    "MATCHES": "matches", "BETWEEN": "between", "INSTANCEOF": "instanceof",
    "PLUS": "+", "MINUS": "-", "STAR": "*", "SLASH": "/", "DIV": "/", "PERCENT": "%", "MOD": "%",
    "POWER": "^", "INC": "++", "DEC": "--",
}  # fmt: skip

SELECTIONS: dict[str, ast.SelectionKind] = {
    "SELECT": "all", "SELECT_FIRST": "first", "SELECT_LAST": "last",
}  # fmt: skip

RESERVED_VARIABLES = frozenset({"this", "root"})


@cache
def lark_parser() -> Lark:
    """The LALR parser for the grammar file, loaded on first use from the tables shipped beside it
    (see `p1lint.expressions.tables`)."""
    from p1lint.expressions.tables import load_parser

    parser: Lark = load_parser()
    return parser


def parse_expression(source: str) -> ast.Node:
    """Parse a mapping value written as `${...}` into a `Template`.

    Raises `ExpressionSyntaxError` (carrying a `Diagnostic`) when the value does not parse or nests
    deeper than `MAX_DEPTH`.
    """
    _refuse_deep_brackets(source)
    try:
        tree = lark_parser().parse(source)
    except UnexpectedInput as error:
        raise ExpressionSyntaxError(describe_syntax_error(error, source)) from None
    root: ast.Node = _ToAst().transform(tree)
    _refuse_too_deep(root)
    return root


_TOO_DEEP = f"expression nests more than {MAX_DEPTH} levels deep; simplify it"
_BRACKETS = re.compile(r"'[^']*'|\"[^\"]*\"|[(\[{)\]}]")  # strings are skipped whole
_NESTING = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}


def _refuse_deep_brackets(source: str) -> None:
    """Brackets nest too, even where the tree does not (parentheses); SpEL recurses on each."""
    level = 0
    for match in _BRACKETS.finditer(source):
        level += _NESTING.get(match.group(), 0)
        if level > MAX_DEPTH:
            line = source.count("\n", 0, match.start()) + 1
            column = match.start() - source.rfind("\n", 0, match.start())
            raise ExpressionSyntaxError(diagnostic("too-deep", _TOO_DEEP, line, column))


def _refuse_too_deep(root: ast.Node) -> None:
    stack = [(root, 1)]
    while stack:
        node, level = stack.pop()
        if level > MAX_DEPTH:
            raise ExpressionSyntaxError(diagnostic("too-deep", _TOO_DEEP, node.line, node.column))
        stack.extend((child, level + 1) for child in node.children())


def _span(meta: Meta) -> dict[str, int]:
    return {
        "line": meta.line, "column": meta.column,
        "end_line": meta.end_line, "end_column": meta.end_column,
    }  # fmt: skip


def _name_place(token: Token) -> dict[str, int]:
    return {"name_line": token.line or 0, "name_column": token.column or 0}


def _operator_place(tokens: tuple[Token, ...]) -> dict[str, int]:
    """Where a `?.` before the name is (the name's place when the link is a plain `.`)."""
    operator = tokens[0] if len(tokens) == 2 else tokens[-1]
    return {"op_line": operator.line or 0, "op_column": operator.column or 0}


def _unquote(token: Token) -> str:
    quote = token[0]
    return token[1:-1].replace(quote * 2, quote)


class _Dimension(NamedTuple):
    size: ast.Node | None


@v_args(meta=True, inline=True)
class _ToAst(Transformer_NonRecursive[Token, Any]):
    """Parse tree -> AST. Each method is named after a grammar rule or alias."""

    def template(self, meta: Meta, opener: Token, body: ast.Node) -> ast.Template:
        return ast.Template(body, opener == "$${", **_span(meta))

    # ---- operators ----

    def binary(self, meta: Meta, left: ast.Node, op: Token, right: ast.Node) -> ast.BinaryOp:
        return ast.BinaryOp(
            OPERATORS[op.type], left, right, **_span(meta),
            op_line=op.line or 0, op_column=op.column or 0, op_end_column=op.end_column or 0,
        )  # fmt: skip

    def assign(self, meta: Meta, target: ast.Node, _op: Token, value: ast.Node) -> ast.Assignment:
        return ast.Assignment(target, value, **_span(meta))

    def ternary(
        self, meta: Meta, condition: ast.Node, _mark: Token, if_true: ast.Node, if_false: ast.Node
    ) -> ast.Ternary:
        return ast.Ternary(condition, if_true, if_false, **_span(meta))

    def unary(self, meta: Meta, op: Token, operand: ast.Node) -> ast.UnaryOp:
        return ast.UnaryOp(OPERATORS[op.type], operand, **_span(meta))

    def prefix_step(self, meta: Meta, op: Token, operand: ast.Node) -> ast.Step:
        return ast.Step(OPERATORS[op.type], operand, prefix=True, **_span(meta))

    def postfix_step(self, meta: Meta, operand: ast.Node, op: Token) -> ast.Step:
        return ast.Step(OPERATORS[op.type], operand, prefix=False, **_span(meta))

    # ---- postfix chains ----

    def property(self, meta: Meta, target: ast.Node, *rest: Token) -> ast.PropertyAccess:
        name = rest[-1]
        place = {**_span(meta), **_name_place(name), **_operator_place(rest)}
        return ast.PropertyAccess(target, str(name), len(rest) == 2, **place)

    def method_call(self, meta: Meta, target: ast.Node, *rest: Any) -> ast.Node:
        name: Token = rest[-2]
        arguments = tuple(rest[-1] or ())
        place = {**_span(meta), **_name_place(name)}
        if len(rest) == 2 and _is_library(target):
            return ast.HelperCall(target.name, str(name), arguments, **place)
        place.update(_operator_place(rest[:-1]))
        return ast.MethodCall(target, str(name), arguments, safe=len(rest) == 3, **place)

    def index(self, meta: Meta, target: ast.Node, key: ast.Node) -> ast.Index:
        return ast.Index(target, key, **_span(meta))

    def selection(self, meta: Meta, target: ast.Node, kind: Token, criterion: ast.Node) -> ast.Selection:
        return ast.Selection(target, SELECTIONS[kind.type], criterion, **_span(meta))

    def projection(self, meta: Meta, target: ast.Node, _mark: Token, expression: ast.Node) -> ast.Projection:
        return ast.Projection(target, expression, **_span(meta))

    # ---- atoms ----

    def name(self, meta: Meta, token: Token) -> ast.Name:
        return ast.Name(str(token), **_span(meta))

    def root_method_call(
        self, meta: Meta, name: Token, arguments: tuple[ast.Node, ...] | None
    ) -> ast.MethodCall:
        place = {**_span(meta), **_name_place(name)}
        return ast.MethodCall(None, str(name), arguments or (), safe=False, **place)

    def variable(self, meta: Meta, token: Token) -> ast.Variable:
        return ast.Variable(token[1:], **_span(meta))

    def function_call(
        self, meta: Meta, token: Token, arguments: tuple[ast.Node, ...] | None
    ) -> ast.FunctionCall:
        return ast.FunctionCall(token[1:], arguments or (), **_span(meta))

    def type_reference(self, meta: Meta, _t: Token, name: str, *dims: int) -> ast.TypeReference:
        return ast.TypeReference(name, len(dims), **_span(meta))

    def type_dimension(self, _meta: Meta) -> int:
        return 1

    def bean_reference(self, meta: Meta, token: Token) -> ast.BeanReference:
        return ast.BeanReference(str(token), **_span(meta))

    def new_object(
        self, meta: Meta, _new: Token, name: str, arguments: tuple[ast.Node, ...] | None
    ) -> ast.NewObject:
        return ast.NewObject(name, arguments or (), **_span(meta))

    def new_array(self, meta: Meta, _new: Token, name: str, *rest: Any) -> ast.NewArray:
        sizes = tuple(part.size for part in rest if isinstance(part, _Dimension))
        initializer = rest[-1] if not isinstance(rest[-1], _Dimension) else None
        return ast.NewArray(name, sizes, initializer, **_span(meta))

    def array_dimension(self, _meta: Meta, size: ast.Node | None) -> _Dimension:
        return _Dimension(size)

    def inline_initializer(self, _meta: Meta, *items: ast.Node) -> tuple[ast.Node, ...]:
        return items

    def empty_list(self, meta: Meta) -> ast.InlineList:
        return ast.InlineList((), **_span(meta))

    def empty_map(self, meta: Meta) -> ast.InlineMap:
        return ast.InlineMap((), **_span(meta))

    def inline_list(self, meta: Meta, *items: ast.Node) -> ast.InlineList:
        return ast.InlineList(items, **_span(meta))

    def inline_map(self, meta: Meta, *entries: ast.MapEntry) -> ast.InlineMap:
        return ast.InlineMap(entries, **_span(meta))

    def map_entry(self, meta: Meta, key: ast.Node, value: ast.Node) -> ast.MapEntry:
        return ast.MapEntry(key, value, **_span(meta))

    def arguments(self, _meta: Meta, *items: ast.Node) -> tuple[ast.Node, ...]:
        return items

    def qualified_name(self, _meta: Meta, *names: Token) -> str:
        return ".".join(names)

    # ---- literals ----

    def string(self, meta: Meta, token: Token) -> ast.StringLiteral:
        return ast.StringLiteral(_unquote(token), **_span(meta))

    def number(self, meta: Meta, token: Token) -> ast.NumberLiteral:
        return ast.NumberLiteral(str(token), **_span(meta))

    def boolean(self, meta: Meta, token: Token) -> ast.BooleanLiteral:
        return ast.BooleanLiteral(token.lower() == "true", **_span(meta))

    def null(self, meta: Meta, _token: Token) -> ast.NullLiteral:
        return ast.NullLiteral(**_span(meta))


def _is_library(node: ast.Node) -> TypeGuard[ast.Variable]:
    """`#string` in `#string.upperCase(x)`: a variable that is not `#this` or `#root`."""
    return isinstance(node, ast.Variable) and node.name not in RESERVED_VARIABLES
