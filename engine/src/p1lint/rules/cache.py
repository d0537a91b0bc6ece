"""A cache of parsed rule files, so that start-up does not re-read YAML that has not changed.
Entries are keyed by path, modification time and size (see `p1lint.cachefiles`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from p1lint.cachefiles import JsonStore, cache_file


def default_cache_file() -> Path | None:
    return cache_file("rules")


def signature(path: Path) -> list[int] | None:
    """Modification time and size: what tells a changed file from an unchanged one."""
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_mtime_ns, status.st_size]


class RuleDataCache(JsonStore):
    """Parsed rule data by file. Only the files of the latest run are kept, so the cache cannot
    grow with every rules directory it has ever seen."""

    def __init__(self, file: Path | None) -> None:
        super().__init__(file)
        self.used: set[str] = set()

    def get(self, path: Path) -> Any:
        self.used.add(str(path))
        entry = self.entries.get(str(path))
        if isinstance(entry, dict) and entry.get("signature") == signature(path):
            return entry.get("data")
        return None

    def put(self, path: Path, data: Any) -> None:
        file_signature = signature(path)
        if file_signature is not None:
            self.used.add(str(path))
            self.set(str(path), {"signature": file_signature, "data": data})

    def save(self) -> None:
        if set(self.entries) - self.used:
            self.entries = {key: value for key, value in self.entries.items() if key in self.used}
            self.dirty = self.file is not None
        super().save()
