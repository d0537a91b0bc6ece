"""Checks over lists of objects (attribute mappings, assignments): an item present."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from p1lint.documents.fields import field_value
from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem, not_judged
from p1lint.terraform.values import contains_unknown


class HasItemOptions(Options):
    key: str
    value: Any
    require: dict[str, Any] = {}
    absent_ok: bool = False  # a list without the item passes; only a present item is checked


@check_function("has-item", HasItemOptions, unknown_members=True)
def has_item(value: Any, options: HasItemOptions, context: Context) -> Iterator[Problem]:
    """A present list must hold an object whose `key` is `value` (unless `absent_ok`), with the
    members of `require`. While an item's `key` is unknown, that item may be the one: not judged."""
    if not isinstance(value, list):
        return
    key, wanted = options.key, f"{options.key} {options.value}"
    for index, item in enumerate(value):
        if isinstance(item, dict) and item.get(options.key) == options.value:
            yield from _unmet(item, index, wanted, options.require)
            return
    unknown = [not_judged((i,)) for i, item in enumerate(value) if contains_unknown(field_value(item, key))]
    yield from unknown if unknown or options.absent_ok else [Problem(f"has no item with {wanted}")]


def _unmet(item: dict[str, Any], index: int, wanted: str, require: dict[str, Any]) -> Iterator[Problem]:
    for key, expected in require.items():
        if contains_unknown(item.get(key)):
            yield not_judged((index, key))
        elif item.get(key) != expected:
            found = json.dumps(item.get(key))
            yield Problem(f"item {wanted} has {key}: {found}; expected {json.dumps(expected)}", (index, key))
