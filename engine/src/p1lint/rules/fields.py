"""Dotted field paths (`corsSettings.behavior`) read from plain data."""

from __future__ import annotations

from typing import Any

from p1lint.functions.base import MISSING


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
