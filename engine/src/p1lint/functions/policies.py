"""The `acr_values` of application URLs and authorization requests (parsed and judged by
`p1lint.authorization.acr`; each rule reports some of its kinds). Assignments to policies the
environment lacks are `known-reference` checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import field_validator

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem


class AcrOptions(Options):
    kinds: list[str]

    @field_validator("kinds")
    @classmethod
    def _known(cls, kinds: list[str]) -> list[str]:
        from p1lint.authorization.acr import KINDS

        unknown = [kind for kind in kinds if kind not in KINDS]
        if unknown or not kinds:
            raise ValueError(f"unknown acr_values kind(s) {unknown}; known: {', '.join(KINDS)}")
        return kinds


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
    """An authorization request of the environment (`{application, url}`): the problems of the
    kinds in `kinds` of the `acr_values` of its `url`, judged against the application the request
    names (by `application.id`, the `client_id` of the URL, or a unique `application.name`)."""
    url = value.get("url") if isinstance(value, dict) else None
    if not isinstance(url, str) or "acr" not in url:
        return
    from p1lint.authorization.acr import check_url

    application = request_application(value, url, context)
    for found in check_url(url, application, context.environment):
        if found.kind in options.kinds:
            yield Problem(found.detail, ("url",), found.offset)


def request_application(request: dict[str, Any], url: str, context: Context) -> Any:
    """The application an authorization request belongs to, or None when it cannot be told."""
    environment = context.environment
    if environment is None:
        return None
    named = request.get("application")
    named = named if isinstance(named, dict) else {}
    by_id = environment.get("applications", named.get("id"))
    if by_id is not None:
        return by_id
    applications = [t.application for t in environment.applications if isinstance(t.application, dict)]
    client_id = _client_id(url)
    for key, wanted in (("clientId", client_id), ("id", client_id), ("name", named.get("name"))):
        matching = [a for a in applications if isinstance(wanted, str) and a.get(key) == wanted]
        if len(matching) == 1:
            return matching[0]
    return None


def _client_id(url: str) -> str | None:
    """The URL's one `client_id` (read without `urlsplit`, which raises on a broken host)."""
    from urllib.parse import parse_qs

    query = url.partition("#")[0].partition("?")[2]
    values = parse_qs(query).get("client_id", [])
    return values[0] if len(values) == 1 else None
