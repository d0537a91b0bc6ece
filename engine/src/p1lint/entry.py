"""The `p1lint` command: a re-run that the results cache can answer is answered before the
command line (click), the rules or the engine are imported; a common `check` command line is
read without click (`p1lint.check_argv`); any other run goes to `p1lint.cli`."""

from __future__ import annotations

import sys


def main() -> None:
    from p1lint.terminal import escape_unencodable_output

    escape_unencodable_output()
    from p1lint.cache.replay import replay

    try:
        code = replay(sys.argv[1:])
    except KeyboardInterrupt:  # as the full run says it
        from p1lint.exitcodes import EXIT_INTERRUPTED

        sys.stderr.write("p1lint: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    if code is None:
        code = _check_without_click(sys.argv[1:])
    if code is None:
        from p1lint.cli import main as run_in_full

        run_in_full()
        return
    _flush()
    sys.exit(code)


def _check_without_click(argv: list[str]) -> int | None:
    """The common `check` command line, read without click (`p1lint.check_argv`); None: it
    is one for click."""
    from p1lint.check_argv import run

    try:
        return run(argv)
    finally:
        _flush()


def _flush() -> None:
    from p1lint.terminal import discard_stdout

    try:
        sys.stdout.flush()
    except BrokenPipeError:
        discard_stdout()
