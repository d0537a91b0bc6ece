"""The `expression` function: attribute-mapping values checked by the expression language package.

Each rule reports some diagnostic codes (syntax, spacing, disabled features, ...); the expression is
parsed and checked once per value, whichever rules ask. Findings point at the column inside the
expression."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from pydantic import field_validator

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem


class ExpressionOptions(Options):
    codes: list[str]

    @field_validator("codes")
    @classmethod
    def _known(cls, codes: list[str]) -> list[str]:
        from p1lint.expressions.diagnostics import SEVERITIES

        unknown = [code for code in codes if code not in SEVERITIES]
        if unknown or not codes:
            raise ValueError(f"unknown diagnostic code(s) {unknown}; known: {', '.join(SEVERITIES)}")
        return codes


@check_function("expression", ExpressionOptions)
def expression(value: Any, options: ExpressionOptions, context: Context) -> Iterator[Problem]:
    """A present string must be a valid PingOne expression; reports the diagnostics in `codes`."""
    if not isinstance(value, str):
        return
    for found in _diagnostics(value, context):
        if found.code in options.codes:
            yield Problem(found.message, offset=_offset(value, found.line, found.column))


def _diagnostics(value: str, context: Context) -> tuple[Any, ...]:
    """Several rules read each mapping: the application's memo keeps every text it has checked
    (however many mappings it has), the bounded cache below the texts shared across applications."""
    key = "expression:" + value
    found = context.memo.get(key)
    if found is None:
        found = context.memo[key] = _checked(value, tuple(context.settings.get("custom_attributes") or ()))
    return found


@lru_cache(maxsize=8192)
def _checked(value: str, custom_attributes: tuple[str, ...]) -> tuple[Any, ...]:
    """Mappings repeat across applications (`${user.id}` everywhere): check each text once per run.
    Nothing is kept between runs: a stored result could hide a finding."""
    from p1lint.expressions import check_expression

    return tuple(check_expression(value, custom_attributes=custom_attributes))


def _offset(value: str, line: int, column: int) -> int:
    """0-based character offset of a 1-based line/column inside `value`."""
    lines = value.split("\n")
    return sum(len(text) + 1 for text in lines[: line - 1]) + column - 1
