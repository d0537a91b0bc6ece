"""Regular expressions, compiled once when the rules load and bounded at run time.

The `regex` engine is used for its match timeout: a pathological pattern on a long value is
reported as a problem instead of hanging the linter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import PrivateAttr, model_validator

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem

MATCH_TIMEOUT_SECONDS = 0.1
MAX_INPUT_LENGTH = 8192


class PatternOptions(Options):
    match: str | None = None
    not_match: str | None = None
    _compiled: tuple[Any, Any] = PrivateAttr()

    @model_validator(mode="after")
    def _compile(self) -> PatternOptions:
        import regex

        if self.match is None and self.not_match is None:
            raise ValueError("set `match`, `not_match` or both")
        try:
            self._compiled = tuple(  # type: ignore[assignment]
                regex.compile(p) if p is not None else None for p in (self.match, self.not_match)
            )
        except regex.error as error:
            raise ValueError(f"invalid regular expression: {error}") from error
        return self


@check_function("pattern", PatternOptions)
def pattern(value: Any, options: PatternOptions, context: Context) -> Iterator[Problem]:
    """A present string must match `match` and must not match `not_match` (searches)."""
    if not isinstance(value, str):
        return
    if len(value) > MAX_INPUT_LENGTH:
        yield Problem(f"is longer than {MAX_INPUT_LENGTH} characters and was not checked")
        return
    must, must_not = options._compiled
    verdicts = [(must, False, f"does not match the pattern {options.match}"),
                (must_not, True, f"matches the forbidden pattern {options.not_match}")]
    for compiled, failing, detail in verdicts:
        if compiled is None:
            continue
        found = _search(compiled, value)
        if found is None:
            yield Problem(f"could not be checked: the pattern took longer than {MATCH_TIMEOUT_SECONDS} s")
        elif found is failing:
            yield Problem(detail)


def _search(compiled: Any, value: str) -> bool | None:
    """True/False, or None when the match timed out (reported as a problem by the caller)."""
    try:
        return compiled.search(value, timeout=MATCH_TIMEOUT_SECONDS) is not None
    except TimeoutError:
        return None
