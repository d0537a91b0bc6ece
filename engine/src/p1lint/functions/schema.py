"""Model validation (pydantic) exposed as rule functions, one category of problem per rule."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.models.validation import Category


class SchemaOptions(Options):
    category: Category


@check_function("schema", SchemaOptions)
def schema(value: Any, options: SchemaOptions, context: Context) -> Iterator[Problem]:
    """The application must match the PingOne model; reports one category of mismatch."""
    problems = context.memo.get("schema")
    if problems is None:
        from p1lint.models.validation import validate_application

        problems = context.memo["schema"] = validate_application(context.application)
    for problem in problems:
        if problem.category == options.category:
            yield Problem(problem.message, problem.pointer)
