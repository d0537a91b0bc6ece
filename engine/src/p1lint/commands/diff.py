"""`p1lint diff`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from p1lint.exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from p1lint.findings import P1LintError


def run_diff(
    inputs: list[str], *, revisions: str | None, output_format: str, output: Path | None, fail_on: str,
    profile: str, rule_dirs: tuple[Path, ...], select: tuple[str, ...], ignore: tuple[str, ...],
    max_file_size: int, actor: str | None = None, custom_domain: str | None = None,
) -> int:
    """Report the security-relevant changes from OLD to NEW (or between two git revisions): exit
    1 when one, or an introduced finding, is at `fail_on` or above; 2 when an input could not be
    read or the report not written."""
    from p1lint.commands.check import combined_selection, select_rules
    from p1lint.diff.run import Reading, diff_sides
    from p1lint.diff.sides import sides
    from p1lint.run_settings import RunSettings

    try:
        rules = select_rules(rule_dirs, profile, *combined_selection(select, ignore))
        with sides(inputs, revisions) as (old, new):
            reading = Reading(rules, RunSettings(custom_domain=custom_domain), max_file_size, actor)
            result = diff_sides(old, new, reading)
        _write(result, output_format, output)
    except P1LintError as problem:
        click.echo(str(problem), err=True)
        return EXIT_ERROR
    for error in result.errors:
        click.echo(str(error), err=True)
    if result.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.failing(fail_on) else EXIT_OK


def _write(result: object, output_format: str, output: Path | None) -> None:
    from p1lint.diff.formats import renderer
    from p1lint.outputfiles import write_text_atomically

    text = renderer(output_format)(result)  # type: ignore[arg-type]
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_text_atomically(output, text)
    except OSError as error:
        raise P1LintError(f"p1lint: cannot write {output}: {error.strerror or error}") from error
