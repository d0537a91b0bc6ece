"""A cache of parsed rule files, so that start-up does not re-read YAML that has not changed.

Entries are keyed by path, modification time and size; the cache is JSON (never pickle: loading
it can run no code) in `$P1LINT_CACHE_DIR`, else `$XDG_CACHE_HOME/p1lint`, else `~/.cache/p1lint`.
`P1LINT_NO_CACHE=1` turns it off. Any problem with the cache file only means a slower start."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from p1lint import __version__


def default_cache_file() -> Path | None:
    if os.environ.get("P1LINT_NO_CACHE"):
        return None
    base = os.environ.get("P1LINT_CACHE_DIR")
    if base:
        return Path(base) / f"rules-{__version__}.json"
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "p1lint" / f"rules-{__version__}.json"


def _signature(path: Path) -> list[int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_mtime_ns, status.st_size]


class RuleDataCache:
    """Parsed rule data by file; `save` writes only when something changed."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.entries: dict[str, Any] = self._read() if file else {}
        self.dirty = False

    def _read(self) -> dict[str, Any]:
        try:
            entries = json.loads(self.file.read_text(encoding="utf-8"))  # type: ignore[union-attr]
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, path: Path) -> Any:
        entry = self.entries.get(str(path))
        if isinstance(entry, dict) and entry.get("signature") == _signature(path):
            return entry.get("data")
        return None

    def put(self, path: Path, data: Any) -> None:
        signature = _signature(path)
        if self.file is not None and signature is not None:
            self.entries[str(path)] = {"signature": signature, "data": data}
            self.dirty = True

    def save(self) -> None:
        if not (self.dirty and self.file):
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.file.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(self.entries), encoding="utf-8")
            os.replace(temporary, self.file)
        except (OSError, TypeError, ValueError):
            pass
