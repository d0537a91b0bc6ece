"""Diagnostics: what a check reports about one expression, and how to show it under the source."""

from __future__ import annotations

from typing import Literal, NamedTuple

Severity = Literal["error", "warning", "info"]

# Every diagnostic code and its severity, in one place. The package docstring explains each code.
SEVERITIES: dict[str, Severity] = {
    "syntax-error": "error",
    "line-break": "error",
    "too-deep": "error",
    "too-long": "error",
    "longer-than-pingone-accepts": "error",
    "operator-spacing": "error",
    "disabled-feature": "error",
    "unknown-helper": "error",
    "wrong-arity": "error",
    "unknown-root": "error",
    "unknown-variable": "warning",
    "unknown-attribute": "warning",
    "disabled-attribute": "warning",
    "literal-value": "info",
    "constant-expression": "info",
    "constant-condition": "info",
    "always-null": "info",
}


class Diagnostic(NamedTuple):
    """One finding inside an expression; `line` and `column` are 1-based, within the source."""

    code: str
    severity: Severity
    message: str
    line: int
    column: int
    end_column: int | None = None


def diagnostic(code: str, message: str, line: int, column: int, end_column: int | None = None) -> Diagnostic:
    """Build a diagnostic whose severity comes from the code table."""
    return Diagnostic(code, SEVERITIES[code], message, line, column, end_column)


class ExpressionSyntaxError(ValueError):
    """An expression that cannot be parsed; `diagnostic` says where and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def render_caret(source: str, diagnostic: Diagnostic) -> str:
    """Return the diagnostic's source line and, under it, a caret line pointing at the column."""
    lines = source.split("\n")
    text = _printable(lines[min(max(diagnostic.line, 1), len(lines)) - 1])
    column = min(max(diagnostic.column, 1), len(text) + 1)
    width = 1
    if diagnostic.end_column is not None and diagnostic.end_column > column:
        width = min(diagnostic.end_column, len(text) + 1) - column
    padding = "".join("\t" if char == "\t" else " " for char in text[: column - 1])
    return f"{text}\n{padding}{'^' * max(width, 1)}"


def _printable(text: str) -> str:
    """Replace characters a terminal cannot show (controls, lone surrogates) one for one."""
    return "".join(char if char == "\t" or char.isprintable() else "?" for char in text)
