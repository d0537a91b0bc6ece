"""Check the attribute paths an expression reads against the user schema.

A path starts at `user` (or `#root.user`) and continues through `.name` and `['name']` links;
`user.name.given` reads `name.given`. A custom attribute accepts any path below it (JSON
attributes). Inside `.?[...]` and `.![...]` bare names belong to the element, and bare map keys are
literal names, so neither is checked. A root other than `user`, `#root` and the request `context`
is an error: PingOne resolves no other name.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from p1lint.expressions import ast
from p1lint.expressions.catalog import known_standard_paths, with_parents
from p1lint.expressions.diagnostics import Diagnostic, diagnostic

USER_ROOT = "user"
# The request context: `context.requestData.*`, `context.appConfig.*`; its paths are not checked.
OTHER_ROOTS = frozenset({"context"})
CHAIN_LINKS = (ast.PropertyAccess, ast.Index, ast.Selection, ast.Projection, ast.MethodCall)
CHAIN_NODES = (*CHAIN_LINKS, ast.Name, ast.Variable)


class KnownAttributes(NamedTuple):
    """The readable user attribute paths (with parents), the custom attributes, and the attributes
    the environment's user schema disables (`nickname`, or a sub-attribute such as `name.middle`)."""

    paths: frozenset[str]
    custom: frozenset[str]
    disabled: frozenset[str] = frozenset()

    @classmethod
    def build(cls, custom_attributes: Iterable[str] = (), disabled: Iterable[str] = ()) -> KnownAttributes:
        custom = frozenset(_normalized(name) for name in custom_attributes) - {""}
        paths = known_standard_paths() | with_parents(custom) if custom else known_standard_paths()
        return cls(paths, custom, frozenset(_normalized(name) for name in disabled) - {""})

    def accepts(self, path: str) -> bool:
        if path in self.paths:
            return True
        return any(path.startswith(name + ".") for name in self.custom)

    def suggestion(self, path: str) -> str | None:
        candidates = sorted(self.paths)
        exact = [known for known in candidates if known.lower() == path.lower()]
        close = exact or difflib.get_close_matches(path, candidates, n=1, cutoff=0.7)
        return close[0] if close else None


def _normalized(name: str) -> str:
    name = name.strip()
    return name[len(USER_ROOT) + 1 :] if name.startswith(USER_ROOT + ".") else name


class Segment(NamedTuple):
    name: str
    line: int
    column: int


def check_attributes(root: ast.Node, known: KnownAttributes) -> Iterator[Diagnostic]:
    """Each path that reads an attribute the user schema does not have, or starts at an unknown root."""
    stack: list[tuple[ast.Node, bool]] = [(root, False)]
    while stack:
        node, in_element = stack.pop()
        if isinstance(node, CHAIN_NODES) and _target_of(node) is not _NO_TARGET:
            links = _chain(node)
            yield from _check_chain(links, in_element, known)
            stack.extend(_inner_expressions(links, in_element))
        elif isinstance(node, ast.MapEntry) and isinstance(node.key, ast.Name):
            stack.append((node.value, in_element))
        else:
            stack.extend((child, in_element) for child in node.children())


_NO_TARGET = ast.NullLiteral()


def _target_of(node: ast.Node) -> ast.Node | None:
    """The node a chain link applies to; None for a chain root; `_NO_TARGET` for `name(...)`."""
    if isinstance(node, ast.MethodCall):
        return _NO_TARGET if node.target is None else node.target
    return node.target if isinstance(node, CHAIN_LINKS) else None


def _chain(top: ast.Node) -> list[ast.Node]:
    """The links of a postfix chain, from its root (`user`) up to `top`."""
    links = [top]
    target = _target_of(top)
    while target is not None and target is not _NO_TARGET:
        links.append(target)
        target = _target_of(target)
    links.reverse()
    return links


def _inner_expressions(links: list[ast.Node], in_element: bool) -> Iterator[tuple[ast.Node, bool]]:
    root = links[0]
    if not isinstance(root, ast.Name | ast.Variable):
        yield root, in_element
    for link in links[1:]:
        if isinstance(link, ast.Index):
            yield link.index, in_element
        elif isinstance(link, ast.Selection):
            yield link.criterion, True
        elif isinstance(link, ast.Projection):
            yield link.expression, True
        elif isinstance(link, ast.MethodCall):
            yield from ((argument, in_element) for argument in link.arguments)


def _check_chain(links: list[ast.Node], in_element: bool, known: KnownAttributes) -> Iterator[Diagnostic]:
    root, segments = links[0], _segments(links[1:])
    if isinstance(root, ast.Variable) and root.name == "root" and segments:
        if segments[0].name == USER_ROOT:
            yield from _check_user_path(segments[1:], known)
    elif isinstance(root, ast.Name) and not in_element:
        if root.name == USER_ROOT:
            yield from _check_user_path(segments, known)
        elif root.name not in OTHER_ROOTS:
            yield _unknown_root(root, segments, known)


def _segments(links: list[ast.Node]) -> list[Segment]:
    """The attribute names read by the leading `.name` and `['name']` links."""
    segments = []
    for link in links:
        if isinstance(link, ast.PropertyAccess):
            segments.append(Segment(link.name, link.name_line, link.name_column))
        elif isinstance(link, ast.Index) and isinstance(link.index, ast.StringLiteral):
            segments.append(Segment(link.index.value, link.index.line, link.index.column))
        else:
            break
    return segments


def _check_user_path(segments: list[Segment], known: KnownAttributes) -> Iterator[Diagnostic]:
    for end, segment in enumerate(segments, start=1):
        path = ".".join(part.name for part in segments[:end])
        if not known.accepts(path):
            yield _unknown_attribute(path, segment, known)
            return
        if path in known.disabled:
            yield _disabled_attribute(path, segment)
            return
        if path in known.custom:
            return


def _unknown_attribute(path: str, segment: Segment, known: KnownAttributes) -> Diagnostic:
    close = known.suggestion(path)
    hint = f"; did you mean 'user.{close}'?" if close else ""
    message = f"unknown user attribute 'user.{path}'{hint}"
    end = segment.column + len(segment.name)
    return diagnostic("unknown-attribute", message, segment.line, segment.column, end)


def _disabled_attribute(path: str, segment: Segment) -> Diagnostic:
    message = (f"user attribute 'user.{path}' is disabled in the user schema; PingOne does not return"
               " the values of a disabled attribute, so this reads null")
    end = segment.column + len(segment.name)
    return diagnostic("disabled-attribute", message, segment.line, segment.column, end)


def _unknown_root(root: ast.Name, segments: list[Segment], known: KnownAttributes) -> Diagnostic:
    path = ".".join([root.name, *(segment.name for segment in segments)])
    if known.accepts(path) or known.accepts(root.name):
        hint = f"; did you mean 'user.{path if known.accepts(path) else root.name}'?"
    elif difflib.get_close_matches(root.name, [USER_ROOT], n=1):
        hint = f"; did you mean '{USER_ROOT}'?"
    else:
        hint = ""
    message = (f"unknown root '{root.name}': PingOne resolves only user (and the request context);"
               f" read user attributes as 'user.<attribute>'{hint}")
    end = root.column + len(root.name)
    return diagnostic("unknown-root", message, root.line, root.column, end)
