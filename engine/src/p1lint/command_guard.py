"""How a command ends when it does not return: interrupted, its reader gone, or a bug — one line
on standard error and an exit code, never a traceback and never the exit code of findings
(`P1LINT_DEBUG=1` shows the traceback). Shared by click's commands and the click-free `check`."""

from __future__ import annotations

from p1lint.exitcodes import EXIT_ERROR, EXIT_INTERRUPTED
from p1lint.terminal import discard_stdout, echo

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing typing at start-up
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def guarded(call: Callable[[], Any], passthrough: tuple[type[BaseException], ...] = ()) -> Any:
    """`call()`, ended as above; exceptions of the `passthrough` types are raised as they are."""
    try:
        return call()
    except passthrough:
        raise
    except KeyboardInterrupt:
        echo("p1lint: interrupted", err=True)
        raise SystemExit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:  # `p1lint check ... | head`: the reader left, nothing to report to
        discard_stdout()
        raise SystemExit(EXIT_ERROR) from None
    except Exception as error:
        from p1lint.crashes import debugging, internal_error_line

        if debugging():
            raise
        echo(internal_error_line(error), err=True)
        raise SystemExit(EXIT_ERROR) from None
