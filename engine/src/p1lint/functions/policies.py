"""The `acr_values` of application URLs and authorization requests (parsed and judged by
`p1lint.authorization.acr`; each rule reports some of its kinds). Assignments to policies the
environment lacks are `known-reference` checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem

ACR_VALUES = "acr_values"


class AcrOptions(Options):
    kinds: list[str]

    @staticmethod
    def check_kinds(kinds: list[str]) -> None:
        from p1lint.authorization.acr import KINDS

        unknown = [kind for kind in kinds if kind not in KINDS]
        if unknown or not kinds:
            raise ValueError(f"unknown acr_values kind(s) {unknown}; known: {', '.join(KINDS)}")


@check_function("acr-values", AcrOptions)
def acr_values(value: Any, options: AcrOptions, context: Context) -> Iterator[Problem]:
    """A URL of the application whose query has `acr_values`: the problems of the kinds in `kinds`,
    at their character in the URL."""
    if not isinstance(value, str) or "acr" not in value:
        return
    from p1lint.authorization.acr import check_url

    for found in check_url(value, context.application, context.environment):
        if found.kind in options.kinds:
            yield Problem(found.detail, offset=found.offset)


@check_function("request-acr-values", AcrOptions)
def request_acr_values(value: Any, options: AcrOptions, context: Context) -> Iterator[Problem]:
    """An authorization request (`scope: request`): the problems of the kinds in `kinds` of its
    `acr_values` (the last one, if repeated), judged against the application the request is for,
    each at its item."""
    request = context.request
    parameter = request.parameter(ACR_VALUES) if request is not None else None
    if request is None or parameter is None or not parameter.value:
        return
    from p1lint.authorization.acr import assigned_policies, check_acr_values, parse_acr_values

    values = parse_acr_values(request.text[parameter.value_start : parameter.end], parameter.value_start)
    for found in check_acr_values(values, assigned_policies(context.application, context.environment)):
        if found.kind in options.kinds:
            yield Problem(found.detail, (ACR_VALUES,), parameter.index_at(found.offset))
