"""Validation against the PingOne application model (pydantic) as a rule function, one kind of
problem per rule."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.models.validation import ProblemKind
from p1lint.pointer import Pointer
from p1lint.terraform.values import Unknown


class ApplicationModelOptions(Options):
    kind: ProblemKind


@check_function("application-model", ApplicationModelOptions, unknown_members=True)
def application_model(value: Any, options: ApplicationModelOptions, context: Context) -> Iterator[Problem]:
    """The application must match the PingOne application model; reports one kind of mismatch.
    An unknown value (Terraform) is of no wrong type, no wrong value and holds nothing missing."""
    problems = context.memo.get("application-model")
    if problems is None:
        from p1lint.models.validation import validate_application

        problems = validate_application(context.application)
        if context.has_unknowns:
            problems = [p for p in problems if not _through_unknown(context.application, p.pointer)]
        context.memo["application-model"] = problems
    for problem in problems:
        if problem.kind == options.kind:
            yield Problem(problem.message, problem.pointer)


def _through_unknown(data: Any, pointer: Pointer) -> bool:
    """Whether the value at `pointer`, or one on the way there, is unknown."""
    for key in pointer:
        if isinstance(data, Unknown):
            return True
        data = data.get(key) if isinstance(data, dict) else _item(data, key)
    return isinstance(data, Unknown)


def _item(data: Any, key: Any) -> Any:
    return data[key] if isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data) else None
