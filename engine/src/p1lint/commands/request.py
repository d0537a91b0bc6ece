"""`p1lint request URL --env SNAPSHOT`: check one authorization request against its application."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from p1lint.commands.check import (
    exit_code,
    not_checked_lines,
    report_places,
    run_outcome,
    select_rules,
    write_reports,
)
from p1lint.documents.files import DEFAULT_MAX_FILE_SIZE, ReadProblem, read_stream
from p1lint.exitcodes import EXIT_ERROR
from p1lint.findings import P1LintError
from p1lint.run_settings import RunSettings
from p1lint.terminal import split_values

STDIN = "-"


def run_request(
    request: str, *, environment: str, application: str | None, par: bool, output_format: str,
    select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str, profile: str,
    rule_dirs: tuple[Path, ...], no_color: bool, quiet: bool, max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    output: Path | None = None, docs_url: str | None = None,
) -> int:
    """The request is never printed: it may carry a client secret."""
    from p1lint.engine import lint_request

    started = time.perf_counter()
    try:
        places = report_places(output_format, output, docs_url)
        text = _request_text(request, max_file_size)
        rules = select_rules(rule_dirs, profile, split_values(select), split_values(ignore))
        settings = RunSettings()
        result = lint_request(text, "par" if par else "url", environment, application, rules, settings,
                              max_file_size)
    except P1LintError as problem:
        click.echo(str(problem), err=True)
        return EXIT_ERROR
    for error in result.errors:
        click.echo(str(error), err=True)
    for line in [] if quiet else not_checked_lines(result.not_checked):
        click.echo(line, err=True)
    outcome = run_outcome(result, rules, fail_on, started)
    written = write_reports(places, result.findings, outcome, docs_url, no_color=no_color, quiet=quiet)
    return exit_code(result.findings, bool(result.errors), fail_on, written)


def _request_text(request: str, max_size: int) -> str:
    """The request as given, or read from standard input (`-`), without a final line break."""
    if request != STDIN:
        return request
    try:
        raw = read_stream(sys.stdin.buffer, max_size)
    except ReadProblem as problem:
        raise P1LintError(f"p1lint: <stdin>: {problem}") from None
    try:
        return raw.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError:
        raise P1LintError("p1lint: <stdin>: the request is not UTF-8 text") from None
