"""The typed syntax tree of an expression: frozen dataclasses, one per construct.

Every node carries its start (`line`, `column`) and end (`end_line`, `end_column`, exclusive),
1-based and counted in the source as given. Positions are left out of equality, so two trees compare
equal when they mean the same thing, wherever they were written. Operators are stored in one
canonical spelling (`and`, `or`, `!`, `==`, `<=`, `/`, `%`, ...); `BinaryOp.op_column` points at the
operator as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Node:
    """Base of all nodes: the source span."""

    line: int = field(default=0, compare=False, repr=False, kw_only=True)
    column: int = field(default=0, compare=False, repr=False, kw_only=True)
    end_line: int = field(default=0, compare=False, repr=False, kw_only=True)
    end_column: int = field(default=0, compare=False, repr=False, kw_only=True)

    def children(self) -> tuple[Node, ...]:
        """The direct sub-expressions, left to right."""
        return ()


# ---- values -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Template(Node):
    """`${body}`, or `$${body}` when `escaped` (Terraform's escape of the dollar)."""

    body: Node
    escaped: bool = False

    def children(self) -> tuple[Node, ...]:
        return (self.body,)


@dataclass(frozen=True)
class StringLiteral(Node):
    value: str


@dataclass(frozen=True)
class NumberLiteral(Node):
    """A number as written: `42`, `42L`, `0x1F`, `8.57`, `1e5`, `2.5f`."""

    text: str


@dataclass(frozen=True)
class BooleanLiteral(Node):
    value: bool


@dataclass(frozen=True)
class NullLiteral(Node):
    pass


@dataclass(frozen=True)
class InlineList(Node):
    """`{a, b}`; `{}` is the empty list."""

    items: tuple[Node, ...]

    def children(self) -> tuple[Node, ...]:
        return self.items


@dataclass(frozen=True)
class MapEntry(Node):
    """`key: value` inside an inline map; a bare-name key is a literal name, not a lookup."""

    key: Node
    value: Node

    def children(self) -> tuple[Node, ...]:
        return (self.key, self.value)


@dataclass(frozen=True)
class InlineMap(Node):
    """`{'k': v}`; `{:}` is the empty map."""

    entries: tuple[MapEntry, ...]

    def children(self) -> tuple[Node, ...]:
        return self.entries


# ---- references ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Name(Node):
    """A bare identifier: a root object (`user`), or an element property inside `.?[ ]`, `.![ ]`."""

    name: str


@dataclass(frozen=True)
class Variable(Node):
    """`#this`, `#root` or another `#name`; `name` is stored without the `#`."""

    name: str


@dataclass(frozen=True)
class PropertyAccess(Node):
    """`target.name`, or `target?.name` when `safe` (safe navigation, disabled in PingOne)."""

    target: Node
    name: str
    safe: bool = False
    name_line: int = field(default=0, compare=False, repr=False, kw_only=True)
    name_column: int = field(default=0, compare=False, repr=False, kw_only=True)
    op_line: int = field(default=0, compare=False, repr=False, kw_only=True)
    op_column: int = field(default=0, compare=False, repr=False, kw_only=True)

    def children(self) -> tuple[Node, ...]:
        return (self.target,)


@dataclass(frozen=True)
class Index(Node):
    """`target[index]`: list indexing or map access such as `user['name']`."""

    target: Node
    index: Node

    def children(self) -> tuple[Node, ...]:
        return (self.target, self.index)


SelectionKind = Literal["all", "first", "last"]


@dataclass(frozen=True)
class Selection(Node):
    """`target.?[criterion]` (all), `.^[...]` (first) or `.$[...]` (last)."""

    target: Node
    kind: SelectionKind
    criterion: Node

    def children(self) -> tuple[Node, ...]:
        return (self.target, self.criterion)


@dataclass(frozen=True)
class Projection(Node):
    """`target.![expression]`."""

    target: Node
    expression: Node

    def children(self) -> tuple[Node, ...]:
        return (self.target, self.expression)


# ---- calls --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HelperCall(Node):
    """`#library.function(arguments)`, e.g. `#string.upperCase(user.email)`."""

    library: str
    function: str
    arguments: tuple[Node, ...]
    name_line: int = field(default=0, compare=False, repr=False, kw_only=True)
    name_column: int = field(default=0, compare=False, repr=False, kw_only=True)

    def children(self) -> tuple[Node, ...]:
        return self.arguments


@dataclass(frozen=True)
class MethodCall(Node):
    """A Java method call, `target.name(...)` or `name(...)` on the root (disabled in PingOne)."""

    target: Node | None
    name: str
    arguments: tuple[Node, ...]
    safe: bool = False
    name_line: int = field(default=0, compare=False, repr=False, kw_only=True)
    name_column: int = field(default=0, compare=False, repr=False, kw_only=True)
    op_line: int = field(default=0, compare=False, repr=False, kw_only=True)
    op_column: int = field(default=0, compare=False, repr=False, kw_only=True)

    def children(self) -> tuple[Node, ...]:
        return self.arguments if self.target is None else (self.target, *self.arguments)


@dataclass(frozen=True)
class FunctionCall(Node):
    """`#name(arguments)`: a call of a registered function (PingOne registers none)."""

    name: str
    arguments: tuple[Node, ...]

    def children(self) -> tuple[Node, ...]:
        return self.arguments


# ---- operators ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BinaryOp(Node):
    """`left op right`; `op` is canonical (`div` is `/`, `&&` is `and`, `?:` is Elvis)."""

    op: str
    left: Node
    right: Node
    op_line: int = field(default=0, compare=False, repr=False, kw_only=True)
    op_column: int = field(default=0, compare=False, repr=False, kw_only=True)
    op_end_column: int = field(default=0, compare=False, repr=False, kw_only=True)

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)


@dataclass(frozen=True)
class UnaryOp(Node):
    """`-x`, `+x` or `!x` (`not x` is stored as `!`)."""

    op: str
    operand: Node

    def children(self) -> tuple[Node, ...]:
        return (self.operand,)


@dataclass(frozen=True)
class Ternary(Node):
    """`condition ? if_true : if_false`."""

    condition: Node
    if_true: Node
    if_false: Node

    def children(self) -> tuple[Node, ...]:
        return (self.condition, self.if_true, self.if_false)


# ---- disabled in PingOne: parsed so that the checks can name them --------------------------------


@dataclass(frozen=True)
class Assignment(Node):
    """`target = value`."""

    target: Node
    value: Node

    def children(self) -> tuple[Node, ...]:
        return (self.target, self.value)


@dataclass(frozen=True)
class Step(Node):
    """`++x`, `--x` (`prefix`) or `x++`, `x--`."""

    op: str
    operand: Node
    prefix: bool

    def children(self) -> tuple[Node, ...]:
        return (self.operand,)


@dataclass(frozen=True)
class TypeReference(Node):
    """`T(java.lang.Math)`; `dimensions` counts trailing `[]`."""

    type_name: str
    dimensions: int = 0


@dataclass(frozen=True)
class BeanReference(Node):
    """`@name`, `&name` or `@'quoted name'`, kept as written."""

    text: str


@dataclass(frozen=True)
class NewObject(Node):
    """`new java.util.Date()`."""

    type_name: str
    arguments: tuple[Node, ...]

    def children(self) -> tuple[Node, ...]:
        return self.arguments


@dataclass(frozen=True)
class NewArray(Node):
    """`new int[3]`, `new int[]{1, 2}`: PingOne allows arrays of primitive types only."""

    element_type: str
    dimensions: tuple[Node | None, ...]
    initializer: tuple[Node, ...] | None = None

    def children(self) -> tuple[Node, ...]:
        sizes = tuple(size for size in self.dimensions if size is not None)
        return sizes + (self.initializer or ())


# ---- traversal ----------------------------------------------------------------------------------


def walk(root: Node) -> Iterator[Node]:
    """Every node in pre-order (a parent before its children), without recursion."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children()))


def depth(root: Node) -> int:
    """The number of nodes on the longest path from `root` down to a leaf, without recursion."""
    deepest = 0
    stack = [(root, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in node.children())
    return deepest
