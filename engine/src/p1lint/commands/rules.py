"""`p1lint rules` and `p1lint rule ID|NAME`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from p1lint.escaping import printable_line, printable_lines
from p1lint.exitcodes import EXIT_ERROR, EXIT_OK
from p1lint.findings import InputError, P1LintError
from p1lint.rules.compiled import CompiledRule


def _catalogue(rule_dirs: list[Path]) -> list[CompiledRule] | None:
    from p1lint.catalogue import load_catalogue

    try:
        return load_catalogue(rule_dirs)
    except P1LintError as error:
        click.echo(str(error), err=True)
        return None


def run_list(profile: str, rule_dirs: list[Path], output_format: str) -> int:
    catalogue = _catalogue(rule_dirs)
    if catalogue is None:
        return EXIT_ERROR
    rows = [(r.id, r.name, r.severity_in(profile) or "off", r.title) for r in catalogue]
    if output_format == "json":
        keys = ("id", "name", "severity", "title")
        click.echo(json.dumps([dict(zip(keys, row, strict=True)) for row in rows], indent=2))
        return EXIT_OK
    width = max((len(row[1]) for row in rows), default=0)
    for rule_id, name, severity, title in rows:
        click.echo(printable_line(f"{rule_id}  {name:<{width}}  {severity:<7}  {title}"))
    return EXIT_OK


def run_explain(key: str, profile: str, rule_dirs: list[Path]) -> int:
    from p1lint.catalogue import did_you_mean, find_rule
    from p1lint.explain import explain

    catalogue = _catalogue(rule_dirs)
    if catalogue is None:
        return EXIT_ERROR
    rule = find_rule(catalogue, key)
    if rule is None:
        click.echo(f"p1lint: no rule {key!r}{did_you_mean(catalogue, [key])} (see `p1lint rules`)", err=True)
        return EXIT_ERROR
    click.echo(printable_lines(explain(rule, profile)))
    return EXIT_OK


def run_docs(output: Path | None) -> int:
    from p1lint.docs import render_rules_markdown

    catalogue = _catalogue([])
    if catalogue is None:
        return EXIT_ERROR
    markdown = render_rules_markdown(catalogue)
    if output is None:
        click.echo(markdown, nl=False)
        return EXIT_OK
    from p1lint.outputfiles import write_text_atomically

    try:
        write_text_atomically(output, markdown)
    except OSError as error:
        click.echo(str(InputError(str(output), 0, 0, f"cannot write: {error.strerror or error}")), err=True)
        return EXIT_ERROR
    return EXIT_OK
