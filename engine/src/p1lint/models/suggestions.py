"""What to suggest for an unknown property: where it belongs, or the name it is a misspelling of.

A key that is a property of a nested object (`passcodeRefreshDuration` at the top level is a
setting of `mobile`) is misplaced, not misspelt: saying where it belongs beats the closest name
of the wrong object (`refreshTokenDuration`)."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel

from p1lint.models.base import ApiObject, ReadOnly
from p1lint.pointer import Pointer

MAX_NESTING = 3
READ_ONLY_NAMES = frozenset(info.alias or name for name, info in ApiObject.model_fields.items())


class Place(NamedTuple):
    """A nested object that has a property: its path of names, and whether it is a list."""

    path: tuple[str, ...]
    is_list: bool

    def describe(self) -> str:
        name = ".".join(self.path)
        return f"each entry of {name}" if self.is_list else name


def unknown_key_hint(root: type[BaseModel], pointer: Pointer) -> str:
    """`; it belongs in mobile …` or `; did you mean "…"?` or nothing."""
    key, parent = str(pointer[-1]), model_at(root, pointer[:-1])
    places = list(_places_of(parent, key)) if parent is not None else []
    if places:
        where = " or ".join(place.describe() for place in places[:3])
        return f"; it is a setting of {where}: move it there"
    close = difflib.get_close_matches(key, field_names(parent), n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""


def _places_of(model: Any, key: str) -> Iterator[Place]:
    """Nested objects below `model` (breadth first, a few levels) that define `key`."""
    level: list[tuple[Any, Place]] = [(model, Place((), False))]
    for _ in range(MAX_NESTING):
        below = [(inner, Place((*place.path, name), place.is_list or many))
                 for current, place in level for name, inner, many in _nested(current)]
        yield from (place for inner, place in below if key in _own_names(inner))
        level = below


@cache  # per model class: the models are fixed, unknown keys can be many
def _nested(model: Any) -> tuple[tuple[str, Any, bool], ...]:
    found = []
    for name, info in getattr(model, "model_fields", {}).items():
        inner = inner_model(info.annotation)
        if inner is not None and not issubclass(inner, ReadOnly):
            found.append((info.alias or name, inner, typing.get_origin(_unoptional(info.annotation)) is list))
    return tuple(found)


@cache
def _own_names(model: Any) -> frozenset[str]:
    return frozenset(field_names(model)) - READ_ONLY_NAMES


def _unoptional(annotation: Any) -> Any:
    arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
    return arguments[0] if len(arguments) == 1 and typing.get_origin(annotation) is not list else annotation


def model_at(model: Any, pointer: Pointer) -> Any:
    """The model of the object at `pointer`, following list items and optionals."""
    for key in pointer:
        if isinstance(key, int):
            continue
        fields = getattr(model, "model_fields", {})
        field = fields.get(key) or next((f for f in fields.values() if f.alias == key), None)
        if field is None:
            return None
        model = inner_model(field.annotation)
    return model


def field_names(model: Any) -> list[str]:
    """Property names (aliases) of a model."""
    return [f.alias or name for name, f in getattr(model, "model_fields", {}).items()]


def inner_model(annotation: Any) -> Any:
    for argument in typing.get_args(annotation) or (annotation,):
        if isinstance(argument, type) and issubclass(argument, BaseModel):
            return argument
        inner = inner_model(argument) if typing.get_args(argument) else None
        if inner is not None:
            return inner
    return None
