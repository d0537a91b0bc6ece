"""Checks across all applications of one environment (rules with `scope: environment`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from p1lint.documents.fields import MISSING, field_value
from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.terraform.values import Unknown

# protocols without client ids; an absent or unknown protocol counts as OpenID Connect, as elsewhere
OTHER_PROTOCOLS = frozenset({"SAML", "WS_FED", "EXTERNAL_LINK"})


class UniqueFieldOptions(Options):
    field: str
    ignore_case: bool = False
    ignore_spacing: bool = False
    group_by: str | None = None


class _Seen(NamedTuple):
    value: str
    group: Any
    label: str


@check_function("unique-field", UniqueFieldOptions, unknown_members=True)
def unique_field(value: Any, options: UniqueFieldOptions, context: Context) -> Iterator[Problem]:
    """String `field` of the items of a list must be unique; each repetition is reported at its
    own item. With `group_by`, items whose groups differ are never compared (an item without a
    group is compared with every item)."""
    if not isinstance(value, list):
        return
    seen: dict[str, list[_Seen]] = {}
    path = tuple(options.field.split("."))
    for index, item in enumerate(value):
        text = field_value(item, options.field)
        if not isinstance(text, str) or not text.strip():
            continue
        group = field_value(item, options.group_by) if options.group_by else MISSING
        earlier = _clash(seen.get(_key(text, options), []), group)
        if earlier is not None:
            yield Problem(_detail(path[-1], text, earlier), (index, *path))
        seen.setdefault(_key(text, options), []).append(_Seen(text, group, _label(item)))


class UniqueClientIdOptions(Options):
    group_by: str | None = None


@check_function("unique-client-id", UniqueClientIdOptions, unknown_members=True)
def unique_client_id(value: Any, options: UniqueClientIdOptions, context: Context) -> Iterator[Problem]:
    """The client ids of the OpenID Connect applications of a list must be unique. An
    application's client id is its `clientId` (an administrator-defined id of a migrated
    application) or else its `id`; each repetition is reported at the field it comes from.
    Applications of another protocol have no client id; `group_by` works as in `unique-field`."""
    if not isinstance(value, list):
        return
    seen: dict[str, list[_Seen]] = {}
    for index, item in enumerate(value):
        found = _client_id(item)
        if found is None:
            continue
        field, text = found
        group = field_value(item, options.group_by) if options.group_by else MISSING
        earlier = _clash(seen.get(text, []), group)
        if earlier is not None:
            yield Problem(f"is also the client id of {earlier.label}", (index, field))
        seen.setdefault(text, []).append(_Seen(text, group, _label(item)))


def _client_id(item: Any) -> tuple[str, str] | None:
    """The field that gives an OpenID Connect application's client id, and the id."""
    protocol = item.get("protocol") if isinstance(item, dict) else None
    if not isinstance(item, dict) or (isinstance(protocol, str) and protocol in OTHER_PROTOCOLS):
        return None
    for field in ("clientId", "id"):
        text = item.get(field)
        if isinstance(text, Unknown):
            return None  # not known, and no other field stands in for it
        if isinstance(text, str) and text.strip():
            return field, text
    return None


def _key(text: str, options: UniqueFieldOptions) -> str:
    key = " ".join(text.split()) if options.ignore_spacing else text
    return key.casefold() if options.ignore_case else key


def _clash(candidates: list[_Seen], group: Any) -> _Seen | None:
    comparable = (c for c in candidates if _unknown(c.group) or _unknown(group) or c.group == group)
    return next(comparable, None)


def _unknown(group: Any) -> bool:
    return group is MISSING or group is None


def _label(item: Any) -> str:
    identifier = item.get("id") if isinstance(item, dict) else None
    return f"application {identifier}" if isinstance(identifier, str) else "another application"


def _detail(field: str, text: str, earlier: _Seen) -> str:
    exact = "" if earlier.value == text else f" ('{earlier.value}', ignoring case and spacing)"
    return f"is also the {field} of {earlier.label}{exact}"
