"""Regular expressions, compiled once when the rules load and bounded at run time.

The `regex` engine is used for its match timeout; `regexes` bounds each pattern when it loads and
each file's total search time, so a pathological pattern or value is reported as an input error
instead of hanging the linter."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.functions.regexes import compile_pattern

MAX_INPUT_LENGTH = 8192


class PatternOptions(Options):
    match: str | None = None
    not_match: str | None = None

    @staticmethod
    def check_match(pattern: str | None) -> None:
        if pattern is not None:
            compile_pattern(pattern)

    check_not_match = check_match

    def check_options(self) -> None:
        if self.match is None and self.not_match is None:
            raise ValueError("set `match`, `not_match` or both")

    @cached_property
    def compiled(self) -> tuple[Any, Any]:
        """The two patterns, compiled (bounded) once per rule, when the rule first runs."""
        must = compile_pattern(self.match) if self.match is not None else None
        return must, compile_pattern(self.not_match) if self.not_match is not None else None


@check_function("pattern", PatternOptions)
def pattern(value: Any, options: PatternOptions, context: Context) -> Iterator[Problem]:
    """A present string must match `match` and must not match `not_match` (searches)."""
    if not isinstance(value, str):
        return
    if len(value) > MAX_INPUT_LENGTH:
        yield Problem(f"is longer than {MAX_INPUT_LENGTH} characters and was not checked")
        return
    must, must_not = options.compiled
    verdicts = [(must, False, f"does not match the pattern {options.match}"),
                (must_not, True, f"matches the forbidden pattern {options.not_match}")]
    for compiled, failing, detail in verdicts:
        if compiled is not None and context.regex_budget.search(compiled, value) is failing:
            yield Problem(detail)
