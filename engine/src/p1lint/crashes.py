"""What p1lint says about its own bugs: the exception's type and where it was raised, never its
text. Exception messages quote data (`KeyError: 'hunter2'`, `invalid literal for int(): '...'`),
and the data may be a credential. `P1LINT_DEBUG=1` re-raises instead, for developers."""

from __future__ import annotations

import os
import traceback
from pathlib import Path

DEBUG_VARIABLE = "P1LINT_DEBUG"
_PACKAGE = Path(__file__).resolve().parent


def debugging() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def crash_site(error: BaseException) -> str:
    """`KeyError at p1lint/reporters/sarif.py:52`: the type and the innermost line of p1lint that
    was running (or of the library it called, when none was)."""
    frames = traceback.extract_tb(error.__traceback__)
    own = [frame for frame in frames if _inside_package(frame.filename)] or list(frames)
    if not own:
        return type(error).__name__
    return f"{type(error).__name__} at {_short(own[-1].filename)}:{own[-1].lineno}"


def _inside_package(filename: str) -> bool:
    try:
        Path(filename).resolve().relative_to(_PACKAGE)
    except (ValueError, OSError):
        return False
    return True


def _short(filename: str) -> str:
    if _inside_package(filename):
        return (Path("p1lint") / Path(filename).resolve().relative_to(_PACKAGE)).as_posix()
    return Path(filename).name


def internal_error_line(error: BaseException) -> str:
    """The one line printed for an unexpected exception that ended a command."""
    return f"p1lint: internal error: {crash_site(error)} (set {DEBUG_VARIABLE}=1 to see the traceback)"
