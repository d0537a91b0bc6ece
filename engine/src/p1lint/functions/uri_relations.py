"""URI checks that look beyond the value: another field of the application, or the settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, Options, Problem
from p1lint.functions.domains import custom_domain_mismatch
from p1lint.urls import DEFAULT_PORTS, origin, parse_uri


class OtherFieldOptions(Options):
    other: str


@check_function("same-origin", OtherFieldOptions)
def same_origin(value: Any, options: OtherFieldOptions, context: Context) -> Iterator[Problem]:
    """A present http(s) URL must have the same origin as the http(s) URL in field `other`."""
    other = context.other_field(options.other)
    if not (isinstance(value, str) and isinstance(other, str)):
        return
    mine, theirs = origin(parse_uri(value)), origin(parse_uri(other))
    if mine is not None and theirs is not None and mine != theirs:
        yield Problem(f"is on the origin {_show(mine)}, not on {_show(theirs)} like {options.other}")


def _show(found: tuple[str, str, int]) -> str:
    scheme, host, port = found
    return f"{scheme}://{host}" if DEFAULT_PORTS[scheme] == port else f"{scheme}://{host}:{port}"


class ItemTextOptions(Options):
    other: str
    text: str


@check_function("any-item-contains", ItemTextOptions)
def any_item_contains(value: Any, options: ItemTextOptions, context: Context) -> Iterator[Problem]:
    """Some string item of the list in field `other` must contain `text` (absent counts as empty)."""
    items = context.other_field(options.other)
    items = items if isinstance(items, list) else []
    if not any(isinstance(item, str) and options.text in item for item in items):
        yield Problem(f"is set, but no item of {options.other} contains '{options.text}'")


@check_function("same-site-as-custom-domain", NoOptions)
def same_site_as_custom_domain(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """A present URL must be on the registrable domain of the configured custom domain
    (`--custom-domain`); nothing is checked when none is configured."""
    custom_domain = context.settings.custom_domain
    if isinstance(value, str) and custom_domain:
        detail = custom_domain_mismatch(value, custom_domain)
        if detail:
            yield Problem(detail)
