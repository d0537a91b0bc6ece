"""`p1lint check`'s check of the configuration's suppressions: each rule pattern names a rule."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from p1lint.findings import InputError, P1LintError
from p1lint.suppressions.entries import ConfigSuppression


def check_patterns(entries: Sequence[ConfigSuppression], catalogue: Sequence[Any]) -> None:
    """Refuse an entry whose rule pattern names no rule (`file:line:col: message`)."""
    from p1lint.catalogue import did_you_mean
    from p1lint.selection import unknown_patterns

    for entry in entries:
        if unknown_patterns(catalogue, [entry.rule]):
            message = f"suppress: no rule matches {entry.rule}{did_you_mean(catalogue, [entry.rule])}"
            raise P1LintError(str(InputError(entry.source, entry.line, entry.column, message)))
