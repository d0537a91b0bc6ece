"""Small JSON caches that make repeated runs (pre-commit hooks) faster.

A cache is JSON, never pickle: loading it can run no code. Files live in `$P1LINT_CACHE_DIR`,
else `$XDG_CACHE_HOME/p1lint`, else `~/.cache/p1lint`, one per p1lint version; `P1LINT_NO_CACHE=1`
turns caching off. A missing, corrupt or unwritable cache only means a slower run."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from p1lint import __version__

_OPEN: list[JsonStore] = []


def cache_dir() -> Path | None:
    """The user's cache directory for p1lint, or None when caching is turned off."""
    if os.environ.get("P1LINT_NO_CACHE"):
        return None
    base = os.environ.get("P1LINT_CACHE_DIR")
    if not base:
        base = str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "p1lint")
    return Path(base)


def cache_file(name: str) -> Path | None:
    directory = cache_dir()
    return directory / f"{name}-{__version__}.json" if directory else None


class JsonStore:
    """A dict persisted as one JSON file; `save` writes only when something changed."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.entries: dict[str, Any] = self._read() if file else {}
        self.dirty = False
        if file is not None:
            _OPEN.append(self)

    def _read(self) -> dict[str, Any]:
        try:
            entries = json.loads(self.file.read_text(encoding="utf-8"))  # type: ignore[union-attr]
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def set(self, key: str, value: Any) -> None:
        if self.file is not None:
            self.entries[key] = value
            self.dirty = True

    def save(self) -> None:
        if not (self.dirty and self.file):
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.file.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(self.entries), encoding="utf-8")
            os.replace(temporary, self.file)
            self.dirty = False
        except (OSError, TypeError, ValueError):
            pass


def save_all() -> None:
    """Write every cache opened in this process that has changed."""
    for store in _OPEN:
        store.save()
