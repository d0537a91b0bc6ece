"""Dotted field paths (`corsSettings.behavior`) read from plain data, and MISSING, the value of
a field that is absent."""

from __future__ import annotations

from typing import Any


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
    """The value at `dotted` below `data`, or MISSING when any step is absent."""
    current = data
    for part in dotted.split("."):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return MISSING
    return current
