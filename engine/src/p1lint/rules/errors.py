"""The error of rule files that cannot be compiled."""

from __future__ import annotations

from p1lint.findings import InputError, P1LintError


class RuleLoadError(P1LintError):
    """One or more rule files are invalid; `errors` holds each problem with its position."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors
