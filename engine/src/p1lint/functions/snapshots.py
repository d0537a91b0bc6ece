"""What a snapshot says of itself: the collections `p1lint pull` could not read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, Problem


@check_function("pulled-completely", NoOptions)
def pulled_completely(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """An entry of `pulled.missing`: a collection the pull could not read, and why."""
    if not isinstance(value, dict):
        return
    collection, reason = value.get("collection"), value.get("reason")
    if isinstance(collection, str):
        said = reason if isinstance(reason, str) else "no reason given"
        yield Problem(f"{collection} could not be pulled ({said})")
