"""`p1lint expr 'EXPRESSION'`: check one attribute-mapping expression, as an editor would. Each
diagnostic is reported under the id and name of the rule that reports it in `check`, and
`--ignore` takes those ids (or prefixes) and names, as `check` does."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

import click

from p1lint.exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from p1lint.findings import SEVERITY_RANK, P1LintError

EXPRESSION_FUNCTION = "expression"


def run_expr(
    source: str, *, show_ast: bool, custom_attributes: list[str], fail_on: str, ignore: Sequence[str] = ()
) -> int:
    from p1lint.expressions import check_expression, render_caret

    try:
        rules, ignored = rules_by_code(), ignored_codes(ignore)
    except P1LintError as problem:
        click.echo(str(problem), err=True)
        return EXIT_ERROR
    found_all = check_expression(source, custom_attributes=custom_attributes)
    diagnostics = [d for d in found_all if d.code not in ignored]
    for found in diagnostics:
        rule = rules.get(found.code)
        where = f"<expression>:{found.line}:{found.column}:"
        named = f"{rule.id} {found.severity} {found.message} [{rule.name}]" if rule else (
            f"{found.severity} {found.message} [{found.code}]")
        click.echo(f"{where} {named}")
        click.echo(_indent(render_caret(source, found)))
    if show_ast:
        _print_tree(source)
    failing = any(SEVERITY_RANK[d.severity] >= SEVERITY_RANK[fail_on] for d in diagnostics)
    return EXIT_FINDINGS if failing else EXIT_OK


def _expression_rules() -> list[Any]:
    from p1lint.catalogue import load_catalogue

    return [r for r in load_catalogue() if r.spec.then.function == EXPRESSION_FUNCTION]


def rules_by_code() -> dict[str, Any]:
    """The rule of `check` that reports each diagnostic code."""
    return {code: rule for rule in _expression_rules() for code in rule.options.codes}


def ignored_codes(ignore: Sequence[str]) -> set[str]:
    """The diagnostic codes of the rules `ignore` names (ids, id prefixes or names, as `check` takes)."""
    from p1lint.catalogue import did_you_mean
    from p1lint.selection import is_selected, unknown_patterns

    if not ignore:
        return set()
    rules = _expression_rules()
    unknown = unknown_patterns(rules, ignore)
    if unknown:
        hint = did_you_mean(rules, unknown)
        raise P1LintError(f"p1lint: no expression rule matches {', '.join(unknown)}{hint}")
    return {code for rule in rules if not is_selected(rule, (), ignore) for code in rule.options.codes}


def _print_tree(source: str) -> None:
    from p1lint.expressions import ExpressionSyntaxError, parse_expression, to_sexpr

    with contextlib.suppress(ExpressionSyntaxError):  # already reported among the diagnostics
        click.echo(to_sexpr(parse_expression(source)))


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())
