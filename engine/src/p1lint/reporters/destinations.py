"""Where each report of a run goes: `--format NAME` to standard output (or to `-o FILE`),
`--format NAME=FILE` to a file; several formats in one run. Files are written whole or not at
all (a complete temporary file renamed over the target)."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, NamedTuple

from p1lint.escaping import printable
from p1lint.findings import Finding, P1LintError
from p1lint.reporters import REPORTERS, Outcome, make_reporter, report


class Destination(NamedTuple):
    format: str
    path: Path | None  # None: standard output


def parse_format(value: str) -> Destination:
    """`NAME` or `NAME=FILE`; a name that is no format is a `ValueError` naming the formats."""
    name, separator, file = value.partition("=")
    name = name.strip()
    if name not in REPORTERS:
        raise ValueError(f"unknown format {name!r}; use one of {', '.join(REPORTERS)}")
    if separator and not file:
        raise ValueError(f"{value!r}: a file name must follow '='")
    return Destination(name, Path(file) if file else None)


def destinations(formats: Sequence[str | Destination], output: Path | None) -> list[Destination]:
    """The formats of a run; the one without a file goes to `output` (else standard output).
    Two reports to one place are an error."""
    parsed = [value if isinstance(value, Destination) else _parse(value) for value in formats]
    if not parsed:
        parsed = [Destination("text", None)]
    chosen = [item._replace(path=output) if item.path is None else item for item in parsed]
    places = [str(item.path) if item.path else "standard output" for item in chosen]
    for place in places:
        if places.count(place) > 1:
            raise P1LintError(printable(f"p1lint: two formats would be written to {place}; "
                                        "give each but one a file (--format sarif=out.sarif)"))
    return chosen


def _parse(value: str) -> Destination:
    try:
        return parse_format(value)
    except ValueError as error:
        raise P1LintError(printable(f"p1lint: --format {error}")) from None


def emit(
    places: Sequence[Destination], findings: list[Finding], outcome: Outcome, *, color: bool, quiet: bool
) -> None:
    """Write every report; a file that cannot be written is a `P1LintError` (the others are
    still written)."""
    failures = []
    for place in places:
        if place.path is None:
            _render(place.format, sys.stdout, findings, outcome, color=color, quiet=quiet)
            continue
        try:
            _write(place, findings, outcome, quiet)
        except (OSError, UnicodeEncodeError) as error:
            failures.append(f"p1lint: cannot write {place.path}: {getattr(error, 'strerror', None) or error}")
    if failures:
        raise P1LintError(printable("\n".join(failures)))


def _write(place: Destination, findings: list[Finding], outcome: Outcome, quiet: bool) -> None:
    from p1lint.outputfiles import write_text_atomically

    assert place.path is not None
    buffer = io.StringIO()
    _render(place.format, buffer, findings, outcome._replace(to_file=True), color=False, quiet=quiet)
    write_text_atomically(place.path, buffer.getvalue())


def _render(
    name: str, stream: IO[str], findings: list[Finding], outcome: Outcome, *, color: bool, quiet: bool
) -> None:
    report(make_reporter(name, stream, color=color, quiet=quiet), findings, outcome)
