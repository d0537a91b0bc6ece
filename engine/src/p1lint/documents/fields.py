"""Dotted field paths (`corsSettings.behavior`) read from plain data, and MISSING, the value of
a field that is absent."""

from __future__ import annotations

from typing import Any

from p1lint.pointer import Pointer
from p1lint.terraform.values import Unknown


class _Missing:
    """The value of a field that is absent (distinct from JSON null)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()


def field_value(data: Any, dotted: str) -> Any:
    """The value at `dotted` below `data`, or MISSING when any step is absent. A step into an
    unknown value (`oidcOptions.x` where `oidcOptions` is a Terraform variable) gives that
    unknown: what lies below it is unknown too, not absent."""
    current = data
    for part in dotted.split("."):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return current if isinstance(current, Unknown) else MISSING
    return current


def value_at(data: Any, pointer: Pointer) -> Any:
    """The value at `pointer` below `data`, or MISSING when there is none."""
    for key in pointer:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return MISSING
    return data


def field_pointer(data: Any, dotted: str) -> Pointer:
    """The pointer of `field_value(data, dotted)`: the whole path, or the part of it that leads
    to the unknown value a step met."""
    current, pointer = data, []
    for part in dotted.split("."):
        if isinstance(current, Unknown):
            break
        key: str | int = int(part) if isinstance(current, list) and part.isdigit() else part
        pointer.append(key)
        current = field_value(current, part)
    return tuple(pointer)
