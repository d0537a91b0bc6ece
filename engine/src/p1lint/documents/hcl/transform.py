"""HCL rules → body items (`Attribute`, `Block`) holding `Expr` values, built while the parser
reduces: lark calls the method named after each rule or alias of `grammar/hcl.lark` with its
children (tokens and what earlier calls made), and no parse tree is built. The parser's loop is
iterative, so a long chain (`a + a + ...`, `x.a.a.a...`) cannot exhaust the Python stack.

One `ToValues` serves the one shared parser; `reading` sets the text being parsed (a file, or the
text of a heredoc parsed while its file is) and restores the outer one after."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from lark import Token

from p1lint.documents.duplicates import RepeatedKeys
from p1lint.documents.hcl import values
from p1lint.documents.hcl.errors import HclError
from p1lint.documents.hcl.templates import (
    BadEscape,
    decode_quoted,
    heredoc_value,
    is_literal_heredoc,
    split_heredoc,
)
from p1lint.documents.hcl.values import Expr, known, unknown

MAX_HEREDOC_NESTING = 8  # heredocs inside the interpolations of heredocs


class Attribute(NamedTuple):
    name: str
    value: Any  # plain data or Unknown
    expr: Expr


class Block(NamedTuple):
    type: str
    labels: tuple[str, ...]
    items: tuple[Attribute | Block, ...]
    start: int
    end: int


class Pair(NamedTuple):
    key: Expr
    value: Expr


class Dynamic(NamedTuple):
    """An interpolation or directive of a template: what it mentions, and for a `for` directive
    the names it binds and the references of its collection (outside their scope)."""

    references: tuple[str, ...] = ()
    bound: tuple[str, ...] = ()
    outer: tuple[str, ...] = ()


Children = list[Any]


def _start(child: Any) -> int:
    """Where a token or a value made of tokens starts (the lexer sets every token's offsets)."""
    found: int = (child.start_pos or 0) if isinstance(child, Token) else child.start
    return found


def _end(child: Any) -> int:
    found: int = (child.end_pos or 0) if isinstance(child, Token) else child.end
    return found


def _expressions(children: Children) -> list[Expr]:
    return [child for child in children if isinstance(child, Expr)]


def _names(children: Children) -> tuple[str, ...]:
    return tuple(str(child) for child in children if isinstance(child, Token) and child.type == "IDENTIFIER")


class ToValues:
    def __init__(self) -> None:
        self.text, self.repeats, self.depth = "", RepeatedKeys(), 0
        self.read_template: Callable[[str], Children] = _no_template  # the parser's, once loaded

    @contextmanager
    def reading(self, text: str, repeats: RepeatedKeys, depth: int = 0) -> Iterator[None]:
        outer = self.text, self.repeats, self.depth
        self.text, self.repeats, self.depth = text, repeats, depth
        try:
            yield
        finally:
            self.text, self.repeats, self.depth = outer

    def value_of(self, expr: Expr) -> Any:
        return values.value_of(expr, self.text)

    # ---- structure ----

    def start(self, children: Children) -> tuple[Attribute | Block, ...]:
        body: tuple[Attribute | Block, ...] = children[0]
        return body

    def body(self, children: Children) -> tuple[Attribute | Block, ...]:
        return tuple(children)

    def attribute(self, children: Children) -> Attribute:
        name, expr = children
        return Attribute(str(name), self.value_of(expr), expr)

    def block(self, children: Children) -> Block:
        kind, *labels, _open, body, close = children
        names = tuple(_label(label) for label in labels)
        return Block(str(kind), names, body, _start(kind), _end(close))

    # ---- literals and collections ----

    def number(self, children: Children) -> Expr:
        return values.number(_start(children[0]), _end(children[0]), str(children[0]))

    def variable(self, children: Children) -> Expr:
        return values.variable(_start(children[0]), _end(children[0]), str(children[0]))

    def tuple(self, children: Children) -> Expr:
        elements = _expressions(children)
        items = tuple(enumerate(elements))
        return known(_start(children[0]), _end(children[-1]), [self.value_of(e) for e in elements], items)

    def object_item(self, children: Children) -> Pair:
        key, value = _expressions(children)
        return Pair(key, value)

    def object(self, children: Children) -> Expr:
        start, end = _start(children[0]), _end(children[-1])
        pairs = [child for child in children if isinstance(child, Pair)]
        keys = [self._key(pair.key) for pair in pairs]
        if None in keys:
            return unknown(start, end, *(part for pair in pairs for part in pair))
        items = tuple((str(key), pair.value) for key, pair in zip(keys, pairs, strict=True))
        result = {key: self.value_of(value) for key, value in items}
        if len(result) < len(items):
            self.repeats.note(result, (key for key, _ in items))
        return known(start, end, result, items)

    def _key(self, key: Expr) -> str | None:
        """An object key: a bare name literally, a literal string or number as text."""
        if key.name is not None:
            return key.name
        if key.known and type(key.value) in (str, int, float):
            return key.value if isinstance(key.value, str) else self.text[key.start : key.end]
        return None

    # ---- operations: unknown ----

    def operation(self, children: Children) -> Expr:
        return unknown(_start(children[0]), _end(children[-1]), *_expressions(children))

    conditional = operation

    def call(self, children: Children) -> Expr:
        """A function call is unknown, except `jsonencode` of a literal value — how a `jwks` is
        mostly written — which is known: its JSON text (keys sorted, as Terraform writes them)."""
        arguments = _expressions(children)
        name = str(children[0])
        if name == "jsonencode" and len(arguments) == 1 and arguments[0].known:
            text = values.json_text(arguments[0].value)
            if text is not None:
                return known(_start(children[0]), _end(children[-1]), text)
        return self.operation(children)

    def negation(self, children: Children) -> Expr:
        return values.negation(_start(children[0]), _end(children[-1]), children[-1])

    def parenthesis(self, children: Children) -> Expr:
        return values.parenthesis(_start(children[0]), _end(children[-1]), children[1])

    def for_tuple(self, children: Children) -> Expr:
        collection, *rest = _expressions(children)
        inner = values.outside(values.merged(*rest), _names(children))
        return unknown(_start(children[0]), _end(children[-1]), collection, inner)

    for_object = for_tuple

    # ---- traversals ----

    def get_attr(self, children: Children) -> Expr:
        base, name = children
        return values.step(base.start, _end(name), base, f".{name}")

    def legacy_index(self, children: Children) -> Expr:
        base, index = children
        return values.step(base.start, _end(index), base, f"[{index}]" if str(index).isdigit() else None)

    def index(self, children: Children) -> Expr:
        base, _open, key, close = children
        return values.step(base.start, _end(close), base, values.index_suffix(key), key)

    def splat(self, children: Children) -> Expr:
        return values.step(children[0].start, _end(children[-1]), children[0], "[*]")

    # ---- templates ----

    def string(self, children: Children) -> Expr:
        start, end = _start(children[0]), _end(children[-1])
        if len(children) == 1:  # LITERAL_STRING, quotes included
            return known(start, end, _decoded(children[0], 1))
        parts = children[1:-1]
        if all(isinstance(part, Token) for part in parts):
            return known(start, end, "".join(map(_decoded, parts)))
        return unknown(start, end, _template_references(parts))

    def heredoc(self, children: Children) -> Expr:
        token = children[0]
        heredoc = split_heredoc(str(token))
        if is_literal_heredoc(heredoc.content):
            return known(_start(token), _end(token), heredoc_value(heredoc))
        parts = self._heredoc_parts(heredoc.content, _start(token) + heredoc.body)
        return unknown(_start(token), _end(token), _template_references(parts))

    def _heredoc_parts(self, content: str, base: int) -> Children:
        """The parts of the template of a heredoc that interpolates, parsed as a text of its own."""
        if self.depth >= MAX_HEREDOC_NESTING:
            raise HclError(base, "heredocs nest too deeply inside each other's interpolations")
        try:
            with self.reading(content, self.repeats, self.depth + 1):
                parts = self.read_template(content)
        except HclError as error:
            raise HclError(base + error.offset, error.message) from None
        return parts

    def heredoc_template(self, children: Children) -> Children:
        return children

    def string_interpolation(self, children: Children) -> Dynamic:
        return Dynamic(values.references_of(_expressions(children)[0]))

    heredoc_interpolation = string_interpolation

    def string_directive(self, children: Children) -> Dynamic:
        found = [child for child in children if isinstance(child, Dynamic | Expr)]
        if not found:  # else, endif, endfor
            return Dynamic()
        return found[0] if isinstance(found[0], Dynamic) else Dynamic(values.references_of(found[0]))

    heredoc_directive = string_directive

    def for_directive(self, children: Children) -> Dynamic:
        return Dynamic(bound=_names(children), outer=values.references_of(_expressions(children)[0]))


def _no_template(text: str) -> Children:
    raise RuntimeError("ToValues.read_template is set when the parser is loaded")


def _label(label: Token | Expr) -> str:
    if isinstance(label, Token):
        return str(label)
    if not label.known:
        raise HclError(label.start, "a block label is a literal string: no ${...} or %{...} in it")
    return str(label.value)


def _template_references(parts: Children) -> tuple[str, ...]:
    dynamic = [part for part in parts if isinstance(part, Dynamic)]
    bound = tuple(name for part in dynamic for name in part.bound)
    inner = values.outside(values.merged(*(part.references for part in dynamic)), bound)
    return values.merged(*(part.outer for part in dynamic), inner)


def _decoded(part: Token, quotes: int = 0) -> str:
    """The value of the text of a quoted string (`quotes`: 1 when the token has its quotes)."""
    try:
        return decode_quoted(str(part)[quotes : len(part) - quotes])
    except BadEscape as error:
        raise HclError(_start(part) + quotes + error.index, error.message) from None
