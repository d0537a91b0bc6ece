"""References from an application to other objects of its environment (groups, resources, ...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem


class KnownReferenceOptions(Options):
    collection: str  # a list collection of the environment: groups, resources, scopes, ...

    @staticmethod
    def check_collection(collection: str) -> None:
        from p1lint.environment.collections import COLLECTIONS

        names = [c.name for c in COLLECTIONS if c.shape == "list"]
        if collection not in names:
            raise ValueError(f"unknown collection {collection!r}; use one of {', '.join(names)}")


@check_function("known-reference", KnownReferenceOptions)
def known_reference(value: Any, options: KnownReferenceOptions, context: Context) -> Iterator[Problem]:
    """A present id must be the id of an object of the environment's `collection`; judged only
    when the input has that collection (possibly empty) and every id in it is known."""
    environment = context.environment
    if isinstance(value, str) and environment is not None and environment.lacks(options.collection, value):
        yield Problem(f"is not among the environment's {options.collection}")
