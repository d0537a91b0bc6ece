"""Conventions of the command line that the CLI and its commands share: comma-separated option
values and when to colour the output."""

from __future__ import annotations

import os
from typing import Any


def split_values(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def use_color(no_color: bool, stream: Any) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()
