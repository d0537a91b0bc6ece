"""`p1lint expr 'EXPRESSION'`: check one attribute-mapping expression, as an editor would."""

from __future__ import annotations

import contextlib

import click

from p1lint.exitcodes import EXIT_FINDINGS, EXIT_OK
from p1lint.findings import SEVERITY_RANK


def run_expr(source: str, *, show_ast: bool, custom_attributes: list[str], fail_on: str) -> int:
    from p1lint.expressions import check_expression, render_caret

    diagnostics = check_expression(source, custom_attributes=custom_attributes)
    for found in diagnostics:
        where = f"<expression>:{found.line}:{found.column}:"
        click.echo(f"{where} {found.severity} {found.message} [{found.code}]")
        click.echo(_indent(render_caret(source, found)))
    if show_ast:
        _print_tree(source)
    failing = any(SEVERITY_RANK[d.severity] >= SEVERITY_RANK[fail_on] for d in diagnostics)
    return EXIT_FINDINGS if failing else EXIT_OK


def _print_tree(source: str) -> None:
    from p1lint.expressions import ExpressionSyntaxError, parse_expression, to_sexpr

    with contextlib.suppress(ExpressionSyntaxError):  # already reported among the diagnostics
        click.echo(to_sexpr(parse_expression(source)))


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())
