"""Progress of a pull on standard error: a bar per stage (collections, then the applications'
related objects) on a terminal, nothing otherwise."""

from __future__ import annotations

import sys
from typing import Any


class Quiet:
    def stage(self, label: str, total: int) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass


class Bars:
    """click's progress bar, one per stage."""

    def __init__(self) -> None:
        self._bar: Any = None

    def stage(self, label: str, total: int) -> None:
        import click

        self.finish()
        self._bar = click.progressbar(length=max(total, 1), label=f"p1lint pull: {label}", file=sys.stderr)
        self._bar.__enter__()

    def advance(self, steps: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(steps)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def progress_for(stream: Any) -> Quiet | Bars:
    return Bars() if stream.isatty() else Quiet()
