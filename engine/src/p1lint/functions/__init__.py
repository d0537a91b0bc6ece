"""The function library. A function registers itself with `@check_function`; modules of this
package are discovered, so adding a function means adding it to a module here — nothing else."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from p1lint.functions.base import CheckCallable, CheckFunction, Options

_REGISTRY: dict[str, CheckFunction] = {}
_LOADED = False


def check_function(
    name: str, options: type[Options], *, unknown_members: bool = False, after_others: bool = False
) -> Callable[[CheckCallable], CheckCallable]:
    """Register the decorated callable as the rule function `name` with its options model (and
    the flags of `CheckFunction`)."""

    def register(check: CheckCallable) -> CheckCallable:
        if name in _REGISTRY:
            raise RuntimeError(f"function {name!r} registered twice")
        summary = " ".join((check.__doc__ or "").strip().split("\n\n")[0].split())
        _REGISTRY[name] = CheckFunction(name, options, check, summary, unknown_members, after_others)
        return check

    return register


def _load_modules() -> None:
    global _LOADED
    if not _LOADED:
        for module in pkgutil.iter_modules(__path__):
            if module.name != "base":
                importlib.import_module(f"{__name__}.{module.name}")
        _LOADED = True


def get_function(name: str) -> CheckFunction | None:
    _load_modules()
    return _REGISTRY.get(name)


def all_functions() -> dict[str, CheckFunction]:
    _load_modules()
    return dict(sorted(_REGISTRY.items()))


def as_options(function: CheckFunction, raw: dict[str, Any]) -> Options:
    """Validate a rule's raw options against the function's model (raises pydantic's error)."""
    return function.options.model_validate(raw)
