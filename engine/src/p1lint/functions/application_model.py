"""Validation against the PingOne application model (pydantic) as a rule function, one kind of
problem per rule."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.models.validation import ProblemKind


class ApplicationModelOptions(Options):
    kind: ProblemKind


@check_function("application-model", ApplicationModelOptions)
def application_model(value: Any, options: ApplicationModelOptions, context: Context) -> Iterator[Problem]:
    """The application must match the PingOne application model; reports one kind of mismatch."""
    problems = context.memo.get("application-model")
    if problems is None:
        from p1lint.models.validation import validate_application

        problems = context.memo["application-model"] = validate_application(context.application)
    for problem in problems:
        if problem.kind == options.kind:
            yield Problem(problem.message, problem.pointer)
