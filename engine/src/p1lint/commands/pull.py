"""`p1lint pull`: an environment snapshot from the Management API, as a directory (`-o DIR`) or
one document on standard output."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from p1lint.escaping import printable
from p1lint.exitcodes import EXIT_ERROR, EXIT_OK
from p1lint.findings import P1LintError
from p1lint.pull.run import PullOptions, Snapshot, summary_lines, take_snapshot

STDOUT = "-"


def run_pull(options: PullOptions, output: str | None) -> int:
    from p1lint.pull.writer import snapshot_document, snapshot_files, write_directory, write_document

    try:
        snapshot = take_snapshot(options)
        if output is None or output == STDOUT:
            write_document(snapshot_document(*snapshot), sys.stdout)
            where = "standard output"
        else:
            write_directory(Path(output), snapshot_files(*snapshot))
            where = output
    except P1LintError as problem:
        click.echo(printable(str(problem)), err=True)
        return EXIT_ERROR
    _report(snapshot, where)
    return EXIT_OK


def pull_for_check(options: PullOptions, directory: Path) -> Path | None:
    """`p1lint check --pull`: the snapshot written below `directory`; None (after one line on
    standard error) when it could not be pulled."""
    from p1lint.pull.writer import snapshot_files, write_directory

    target = directory / "snapshot"
    try:
        snapshot = take_snapshot(options)
        write_directory(target, snapshot_files(*snapshot))
    except P1LintError as problem:
        click.echo(printable(str(problem)), err=True)
        return None
    _report(snapshot, "a temporary directory")
    return target


def _report(snapshot: Snapshot, where: str) -> None:
    for line in summary_lines(snapshot, where):
        click.echo(printable(line), err=True)
