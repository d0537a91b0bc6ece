"""What to suggest for an unknown property: where it belongs, or the name it is a misspelling of.

A key that is a property of a nested object (`passcodeRefreshDuration` at the top level is a
setting of `mobile`) is misplaced, not misspelt: saying where it belongs beats the closest name
of the wrong object (`refreshTokenDuration`)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from p1lint.models.shapes import ModelShape, ObjectShape
from p1lint.pointer import Pointer

MAX_NESTING = 3


class Place(NamedTuple):
    """A nested object that has a property: its path of names, and whether it is a list."""

    path: tuple[str, ...]
    is_list: bool

    def describe(self) -> str:
        name = ".".join(self.path)
        return f"each entry of {name}" if self.is_list else name


def unknown_key_hint(model: ModelShape, pointer: Pointer) -> str:
    """`; it belongs in mobile …` or `; did you mean "…"?` or nothing."""
    key, parent = str(pointer[-1]), shape_at(model.root, pointer[:-1])
    places = list(_places_of(parent, key, model.read_only_names)) if parent is not None else []
    if places:
        where = " or ".join(place.describe() for place in places[:3])
        return f"; it is a setting of {where}: move it there"
    names = parent.names() if parent is not None else []
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""


def _places_of(shape: ObjectShape, key: str, read_only: frozenset[str]) -> Iterator[Place]:
    """Nested objects below `shape` (breadth first, a few levels) that define `key`."""
    level: list[tuple[ObjectShape, Place]] = [(shape, Place((), False))]
    for _ in range(MAX_NESTING):
        below = [(inner, Place((*place.path, name), place.is_list or many))
                 for current, place in level for name, inner, many in _nested(current)]
        yield from (place for inner, place in below if key in _own_names(inner, read_only))
        level = below


@cache  # per object shape: the shapes are fixed, unknown keys can be many
def _nested(shape: ObjectShape) -> tuple[tuple[str, ObjectShape, bool], ...]:
    return tuple((found.name, found.inner, found.is_list) for found in shape.fields
                 if found.inner is not None and not found.inner.open)


@cache
def _own_names(shape: ObjectShape, read_only: frozenset[str]) -> frozenset[str]:
    return frozenset(shape.names()) - read_only


def shape_at(root: ObjectShape, pointer: Pointer) -> ObjectShape | None:
    """The object shape at `pointer`, following list items and optionals."""
    shape: ObjectShape | None = root
    for key in pointer:
        if isinstance(key, int):
            continue
        found = shape.field(key) if shape is not None else None
        if found is None:
            return None
        shape = found.inner
    return shape
