"""Locate the data directories (`rules/`, `grammar/`) in a wheel or a source checkout."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing typing on the replay path
if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE_DIR = os.path.dirname(os.path.realpath(__file__))


def data_path(name: str) -> str:
    """The bundled data directory `name` (wheel: `p1lint/_data/name`, checkout: repo root), as
    a string: for the start-up path, which does not import pathlib."""
    bundled = os.path.join(_PACKAGE_DIR, "_data", name)
    if os.path.isdir(bundled):
        return bundled
    return os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(_PACKAGE_DIR))), name)


def data_dir(name: str) -> Path:
    """Return the bundled data directory `name` (wheel: `p1lint/_data/name`, checkout: repo root)."""
    from pathlib import Path

    return Path(data_path(name))
