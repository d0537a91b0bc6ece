"""Role names matched loosely, as `data/pingone-roles.yaml` says: case-insensitively, runs of
spaces, hyphens and underscores as one space, and the documentation's other spellings (aliases)."""

from __future__ import annotations

from functools import cache

from p1lint.roles.builtin import BUILTIN_ROLES, BuiltinRole


def loose(name: str) -> str:
    """`name` in the form names are compared in."""
    return " ".join(name.replace("-", " ").replace("_", " ").split()).casefold()


@cache
def _by_loose_name() -> dict[str, BuiltinRole]:
    table: dict[str, BuiltinRole] = {}
    for role in BUILTIN_ROLES:
        for spelling in (role.name, *role.aliases):
            table.setdefault(loose(spelling), role)
    return table


def builtin_role(name: object) -> BuiltinRole | None:
    """The built-in role called `name` (any spelling), or None."""
    return _by_loose_name().get(loose(name)) if isinstance(name, str) else None
