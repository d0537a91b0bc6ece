"""Check one mapping value: parse it, then run every semantic check over the tree.

Each check is a generator of diagnostics over the parsed tree; `CHECKS` lists them. The checks walk
the tree without recursion. Operator spacing, disabled features, helper calls and stray variables
are here; attribute paths are in `attributes`, constant and always-null values in `constants`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from p1lint.expressions import ast
from p1lint.expressions.attributes import KnownAttributes, check_attributes
from p1lint.expressions.catalog import helpers
from p1lint.expressions.constants import check_constants
from p1lint.expressions.diagnostics import Diagnostic, ExpressionSyntaxError, diagnostic
from p1lint.expressions.literals import check_literal
from p1lint.expressions.parser import RESERVED_VARIABLES, parse_expression
from p1lint.expressions.printer import to_source

MAX_LENGTH = 10_000  # p1lint's bound, far above real mappings: parsing time grows with length
# PingOne's: "advanced expressions must not be longer than 1029 characters" (API validation error,
# pingidentity/terraform-provider-pingone issue 1375); the whole value, as the API receives it.
PINGONE_MAX_LENGTH = 1_029
TEMPLATE_MARK = "${"
PRIMITIVE_TYPES = frozenset({"boolean", "byte", "char", "short", "int", "long", "float", "double"})


class Source(NamedTuple):
    """The checked text, split in lines, and the attributes it may read."""

    text: str
    lines: list[str]
    attributes: KnownAttributes


Check = Callable[[ast.Node, Source], Iterable[Diagnostic]]


def check_expression(
    source: str, *, custom_attributes: Iterable[str] = (), disabled_attributes: Iterable[str] = ()
) -> list[Diagnostic]:
    """All diagnostics for one mapping value, in source order; never raises for any text.
    `disabled_attributes` are known attributes the user schema disables (`disabled-attribute`)."""
    found = list(_length(source))
    if len(source) > MAX_LENGTH:
        message = f"the value is {len(source)} characters long; p1lint parses at most {MAX_LENGTH}"
        return [*found, diagnostic("too-long", message, 1, 1)]
    found.extend(_line_breaks(source))
    known = KnownAttributes.build(custom_attributes, disabled_attributes)
    if TEMPLATE_MARK not in source and source.strip():
        return sorted([*found, check_literal(source, known)], key=_position)
    try:
        root = parse_expression(source)
    except ExpressionSyntaxError as error:
        return sorted([*found, error.diagnostic], key=_position)
    context = Source(source, source.split("\n"), known)
    for check in CHECKS:
        found.extend(check(root, context))
    return sorted(found, key=_position)


def _position(item: Diagnostic) -> tuple[int, int, str]:
    return (item.line, item.column, item.code)


def _length(source: str) -> Iterator[Diagnostic]:
    if len(source) > PINGONE_MAX_LENGTH:
        message = (f"the value is {len(source):,} characters long; PingOne accepts at most"
                   f" {PINGONE_MAX_LENGTH:,}: shorten the expression or split the claim")
        yield diagnostic("longer-than-pingone-accepts", message, 1, 1)


def _line_breaks(source: str) -> Iterator[Diagnostic]:
    """PingOne rejects expressions that contain a line break; report the first one."""
    for offset, char in enumerate(source):
        if char in "\r\n":
            line = source.count("\n", 0, offset) + 1
            column = offset - source.rfind("\n", 0, offset)
            yield diagnostic("line-break", "expressions cannot contain line breaks", line, column)
            return


# ---- operator spacing ---------------------------------------------------------------------------


def check_spacing(root: ast.Node, source: Source) -> Iterator[Diagnostic]:
    """PingOne: a binary operator needs a space before and after it (`!`, unary `-` do not)."""
    for node in ast.walk(root):
        if isinstance(node, ast.BinaryOp) and not _spaced(node, source.lines):
            text = source.lines[node.op_line - 1][node.op_column - 1 : node.op_end_column - 1]
            message = f"operator '{text}' needs a space on each side"
            yield diagnostic("operator-spacing", message, node.op_line, node.op_column, node.op_end_column)


def _spaced(node: ast.BinaryOp, lines: list[str]) -> bool:
    text = lines[node.op_line - 1]
    before = text[node.op_column - 2] if node.op_column >= 2 else " "
    after = text[node.op_end_column - 1] if node.op_end_column <= len(text) else " "
    return before.isspace() and after.isspace()


# ---- disabled SpEL features ---------------------------------------------------------------------


def check_disabled(root: ast.Node, source: Source) -> Iterator[Diagnostic]:
    """SpEL features PingOne turns off, each named."""
    for node in ast.walk(root):
        for message, line, column in _disabled(node):
            yield diagnostic("disabled-feature", message, line, column)


def _disabled(node: ast.Node) -> Iterator[tuple[str, int, int]]:
    describe = _DISABLED.get(type(node))
    message = describe(node) if describe else None
    if message:
        yield message, node.line, node.column
    if isinstance(node, ast.BinaryOp) and node.op == "instanceof":
        yield "'instanceof' is disabled in PingOne", node.op_line, node.op_column
    if isinstance(node, ast.MethodCall):
        yield _method_message(node), node.name_line, node.name_column
    if isinstance(node, ast.PropertyAccess | ast.MethodCall) and node.safe:
        message = "safe navigation '?.' is disabled in PingOne; paths are null-safe with '.'"
        yield message, node.op_line, node.op_column


def _array_message(node: ast.NewArray) -> str | None:
    if node.element_type in PRIMITIVE_TYPES:
        return None
    return f"arrays of '{node.element_type}' are disabled in PingOne; only arrays of primitives"


# Disabled constructs reported at the start of the node: type -> message (None: allowed).
_DISABLED: dict[type, Callable[[Any], str | None]] = {
    ast.TypeReference: lambda n: "type references T(...) are disabled in PingOne",
    ast.Assignment: lambda n: "assignment '=' is disabled in PingOne; to compare, write '=='",
    ast.Step: lambda n: f"'{n.op}' assigns to its operand; assignment is disabled in PingOne",
    ast.BeanReference: lambda n: f"bean references ({n.text}) are disabled in PingOne",
    ast.NewObject: lambda n: "'new' objects are disabled in PingOne; only arrays of primitives",
    ast.NewArray: _array_message,
}


def _method_message(node: ast.MethodCall) -> str:
    message = f"Java method calls such as '{node.name}(...)' are disabled in PingOne"
    suggestion = _helper_for_method(node)
    return f"{message}; use {suggestion}" if suggestion else message


def _helper_for_method(node: ast.MethodCall) -> str | None:
    """`user.email.substring(0, 1)` -> `#string.substring(user.email, 0, 1)`, if a helper fits."""
    arguments = node.arguments if node.target is None else (node.target, *node.arguments)
    libraries = [name for name, functions in helpers().items() if node.name in functions]
    for library in libraries:
        if helpers()[library][node.name].accepts(len(arguments)):
            return f"#{library}.{node.name}({', '.join(to_source(a) for a in arguments)})"
    return f"#{libraries[0]}.{node.name}(...)" if libraries else None


# ---- helper calls and variables -----------------------------------------------------------------


def check_helpers(root: ast.Node, source: Source) -> Iterator[Diagnostic]:
    """Helper libraries and functions exist; each call has an accepted number of arguments."""
    for node in ast.walk(root):
        if isinstance(node, ast.HelperCall):
            yield from _helper_call(node)
        elif isinstance(node, ast.FunctionCall):
            yield _function_call(node)
        elif isinstance(node, ast.Variable) and node.name not in RESERVED_VARIABLES:
            yield _stray_variable(node)


def _helper_call(node: ast.HelperCall) -> Iterator[Diagnostic]:
    library = helpers().get(node.library)
    if library is None:
        hint = _did_you_mean(node.library, helpers(), prefix="#")
        message = f"unknown helper library '#{node.library}'{hint}"
        yield diagnostic("unknown-helper", message, node.line, node.column)
    elif node.function not in library:
        hint = _did_you_mean(node.function, library)
        message = f"'#{node.library}' has no function '{node.function}'{hint}"
        yield diagnostic("unknown-helper", message, node.name_line, node.name_column)
    elif not library[node.function].accepts(len(node.arguments)):
        arity = library[node.function].describe()
        message = f"#{node.library}.{node.function} takes {arity}, not {len(node.arguments)}"
        yield diagnostic("wrong-arity", message, node.name_line, node.name_column)


def _function_call(node: ast.FunctionCall) -> Diagnostic:
    owners = [f"#{library}.{node.name}" for library, fns in helpers().items() if node.name in fns]
    hint = f"; did you mean '{owners[0]}(...)'?" if owners else ""
    message = f"'#{node.name}(...)' is not a helper; call helpers as #library.function(...){hint}"
    return diagnostic("unknown-helper", message, node.line, node.column)


def _stray_variable(node: ast.Variable) -> Diagnostic:
    if node.name in helpers():
        message = f"helper library '#{node.name}' must be called, as in #{node.name}.function(...)"
        return diagnostic("unknown-helper", message, node.line, node.column)
    message = f"unknown variable '#{node.name}'; the variables are #this and #root"
    return diagnostic("unknown-variable", message, node.line, node.column)


def _did_you_mean(name: str, choices: Iterable[str], prefix: str = "") -> str:
    candidates = list(choices)
    exact = [choice for choice in candidates if choice.lower() == name.lower()]
    close = exact or difflib.get_close_matches(name, candidates, n=1)
    return f"; did you mean '{prefix}{close[0]}'?" if close else ""


def check_attribute_paths(root: ast.Node, source: Source) -> Iterable[Diagnostic]:
    """Attribute paths exist in the user schema or among the custom attributes."""
    return check_attributes(root, source.attributes)


def check_constant_values(root: ast.Node, source: Source) -> Iterable[Diagnostic]:
    """Constant expressions, constant conditions and always-null reads."""
    return check_constants(root)


CHECKS: tuple[Check, ...] = (
    check_spacing, check_disabled, check_helpers, check_attribute_paths, check_constant_values,
)  # fmt: skip
