"""The function library. A function registers itself with `@check_function`; modules of this
package are discovered, so adding a function means adding it to a module here — nothing else.
A compiled catalogue records each function's module, so that a run imports the modules of the
rules it runs and no other."""

from __future__ import annotations

import contextlib
import importlib
import re
from collections.abc import Callable

from p1lint.functions.base import CheckCallable, CheckFunction, Options

_REGISTRY: dict[str, CheckFunction] = {}
MODULE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
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
        _REGISTRY[name] = CheckFunction(name, options, check, summary, unknown_members, after_others,
                                        check.__module__.rpartition(".")[2])
        return check

    return register


def _load_modules() -> None:
    global _LOADED
    if not _LOADED:
        for module in module_names():
            importlib.import_module(f"{__name__}.{module}")
        _LOADED = True


def get_function(name: str, module: str | None = None) -> CheckFunction | None:
    """The function `name`; with its `module` (as a compiled catalogue records it), importing that
    module only, else every module of the library."""
    if name not in _REGISTRY and module is not None and MODULE_NAME.match(module):
        with contextlib.suppress(ModuleNotFoundError):  # not a module of the library: look in all
            importlib.import_module(f"{__name__}.{module}")
    if name not in _REGISTRY:
        _load_modules()
    return _REGISTRY.get(name)


def module_names() -> list[str]:
    """The modules of the library, in order (a function's module is one of them)."""
    import pkgutil

    return sorted(module.name for module in pkgutil.iter_modules(__path__) if module.name != "base")


def all_functions() -> dict[str, CheckFunction]:
    _load_modules()
    return dict(sorted(_REGISTRY.items()))


