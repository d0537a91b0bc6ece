"""The PingOne expression language: parse, print and check attribute-mapping values.

A mapping value is either a template, `${expression}` (Terraform writes `$${expression}`), or, without
the wrapper, a literal that PingOne sends as written (`myClaimValue`). The expression language is
SpEL 5.1 with the restrictions PingOne documents.

Public API::

    check_expression(source, *, custom_attributes=(), disabled_attributes=()) -> list[Diagnostic]
    parse_expression(source) -> Node            # raises ExpressionSyntaxError
    render_caret(source, diagnostic) -> str     # the source line and a caret under the column
    to_source(node) -> str                      # canonical text; parses back to an equal tree
    to_sexpr(node) -> str                       # compact s-expression of the tree

Diagnostic codes (severity):

- `syntax-error` (error): the value does not parse: unexpected or missing token, unterminated
  string, unbalanced bracket, missing `}`, text around `${...}`, an empty expression.
- `line-break` (error): the value contains a line break; PingOne rejects those.
- `too-deep` (error): the tree nests more than `MAX_DEPTH` (100) levels.
- `too-long` (error): the value is longer than 10,000 characters (p1lint's bound, not PingOne's);
  it is not parsed.
- `longer-than-pingone-accepts` (error): the value is longer than 1,029 characters, PingOne's limit.
- `operator-spacing` (error): a binary operator without a space on each side (`'Hi'+ x`, `5+6`);
  PingOne requires them for every operator but `!`. Unary `-` and the ternary `? :` are not checked.
- `disabled-feature` (error): `T(...)`, `instanceof`, assignment `=`, `++`/`--`, Java method calls
  (with the helper to use instead, when one exists), safe navigation `?.`, `new` (except arrays of
  primitives), bean references `@name` / `&name`.
- `unknown-helper` (error): an unknown `#library`, an unknown function in a library, `#fn(...)`
  calls, or a helper library used without a call.
- `wrong-arity` (error): a helper called with a number of arguments its table entry does not accept.
- `unknown-variable` (warning): a `#name` that is neither `#this`, `#root` nor a helper library.
- `unknown-root` (error): a path that starts at a name other than `user`, `context`, `#root`.
- `unknown-attribute` (warning): a `user.` path not in the standard user schema nor among the custom
  attributes, with a did-you-mean.
- `disabled-attribute` (warning): a `user.` path that reads an attribute (or sub-attribute) listed in
  `disabled_attributes`, the attributes an environment's user schema disables.
- `literal-value` (info): a value without `${...}`: a literal, not evaluated; when it looks like an
  attribute path or an expression that lost its wrapper, the expression to write.
- `constant-expression` (info): the expression, or an operation inside it, has the same value for
  every user.
- `constant-condition` (info): a ternary condition is constant, or the left of `?:` is always null.
- `always-null` (info): the expression, or a read inside it, is always null.

Data: helper arities are in `grammar/helpers.yaml`, standard user attributes in
`grammar/user-attributes.txt`, the grammar in `grammar/expression.lark`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from p1lint.expressions.ast import Node
    from p1lint.expressions.checks import check_expression
    from p1lint.expressions.diagnostics import (
        SEVERITIES,
        Diagnostic,
        ExpressionSyntaxError,
        Severity,
        render_caret,
    )
    from p1lint.expressions.dump import to_sexpr
    from p1lint.expressions.parser import MAX_DEPTH, parse_expression
    from p1lint.expressions.printer import to_source

# The public names and the module of each: imported on first use, so that loading the rules
# (which only need the diagnostic codes) does not build the parser.
_HOMES = {
    "Node": "ast", "check_expression": "checks", "SEVERITIES": "diagnostics",
    "Diagnostic": "diagnostics", "ExpressionSyntaxError": "diagnostics", "Severity": "diagnostics",
    "render_caret": "diagnostics", "to_sexpr": "dump", "MAX_DEPTH": "parser",
    "parse_expression": "parser", "to_source": "printer",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)


__all__ = [
    "MAX_DEPTH",
    "SEVERITIES",
    "Diagnostic",
    "ExpressionSyntaxError",
    "Node",
    "Severity",
    "check_expression",
    "parse_expression",
    "render_caret",
    "to_sexpr",
    "to_source",
]
