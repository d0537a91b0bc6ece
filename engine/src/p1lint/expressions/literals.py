"""Values without `${...}`: literals, sent to every user as they are written.

The API stores "string constants or expression[s]" (the `value` of an attribute mapping, PingOne
Platform API schema): a value without the `${...}` wrapper is a constant, never evaluated. That is
legal (a static claim such as `myClaimValue`, a JSON literal), so it is information, not a warning;
when the text looks like something meant to be evaluated — a user attribute path, an expression that
lost its wrapper — the message shows the expression to write instead.
"""

from __future__ import annotations

import re

from p1lint.expressions.attributes import USER_ROOT, KnownAttributes
from p1lint.expressions.diagnostics import Diagnostic, ExpressionSyntaxError, diagnostic

LITERAL = "this is a literal and will not be evaluated: every user gets this text as written"
PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
# Wrappers of other template languages: `{x}`, `{{x}}`, `$x`, `$(x)`, `#{x}`, `%{x}`
WRAPPED = re.compile(r"\{\{(.+)\}\}|[#%]?\{(.+)\}|\$\((.+)\)|\$([A-Za-z_#].*)", re.DOTALL)
MAX_SHOWN = 60


def check_literal(source: str, known: KnownAttributes) -> Diagnostic:
    """The `literal-value` diagnostic of a value that has no `${`."""
    expression = _meant_expression(source.strip(), known)
    hint = f"; to evaluate it, write ${{{expression}}}" if expression else ""
    return diagnostic("literal-value", LITERAL + hint, 1, 1)


def _meant_expression(text: str, known: KnownAttributes) -> str | None:
    """The expression the text probably stands for, if any."""
    if PATH.fullmatch(text):
        path = text.removeprefix(USER_ROOT + ".")
        return f"{USER_ROOT}.{path}" if known.accepts(path) else None
    wrapped = WRAPPED.fullmatch(text)
    inner = next((group for group in wrapped.groups() if group), text) if wrapped else text
    reads = "user." in inner or "#" in inner
    return inner.strip() if reads and len(inner) <= MAX_SHOWN and _parses(inner) else None


def _parses(inner: str) -> bool:
    from p1lint.expressions.parser import parse_expression

    try:
        parse_expression("${" + inner + "}")
    except ExpressionSyntaxError:
        return False
    return True
