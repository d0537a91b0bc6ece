"""Conventions of the command line that the CLI and its commands share: comma-separated option
values and when to colour the output."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing typing on the replay path
if TYPE_CHECKING:
    from typing import Any


def split_values(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def use_color(no_color: bool, stream: Any) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()


def echo(message: str, *, err: bool = False) -> None:
    """`click.echo` of one line without importing click: a line with an escape code goes to click,
    which strips such codes where the stream is no terminal."""
    import sys

    if "\x1b" in message:
        import click

        click.echo(message, err=err)
        return
    stream = sys.stderr if err else sys.stdout
    stream.write(f"{message}\n")
    stream.flush()


def discard_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush cannot
    fail again on a closed pipe."""
    import sys

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def escape_unencodable_output() -> None:
    """A file name the terminal cannot encode is escaped, not an error."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
