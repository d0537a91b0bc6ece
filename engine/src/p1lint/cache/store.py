"""Where entries live and how they are read and written: JSON files in the user's cache
directory (`$XDG_CACHE_HOME/p1lint`, else `~/.cache/p1lint`; `--cache-dir` or
`P1LINT_CACHE_DIR` name another), never in the checked repository, which may be untrusted.

Anything wrong with an entry — missing, truncated, not JSON, the wrong shape, too large, a
directory or a symlink where a file should be, unreadable — makes it a miss. Writes go to a
temporary file renamed into place (`os.replace`), so that concurrent runs see a whole entry or
none; a cache directory that cannot be written leaves the run as it would be without one."""

from __future__ import annotations

import json
import os
import stat
import time

from p1lint.cachedir import cache_root

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing typing on the replay path
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Store", "cache_root", "prune"]

ENTRY_FORMAT = 1
SUBDIRECTORY = f"results-{ENTRY_FORMAT}"  # what else is in the cache directory is never read
MAX_ENTRY_BYTES = 64 << 20  # a unit with tens of thousands of findings
MAX_TOTAL_BYTES = 256 << 20  # past this, the oldest entries go
MAX_ENTRIES = 20_000
PRUNE_INTERVAL_SECONDS = 600.0


class Store:
    """The entries of one cache directory, by kind (`unit`, `run`) and key (a hex digest)."""

    def __init__(self, root: str) -> None:
        self.directory = os.path.join(root, SUBDIRECTORY)

    def path(self, kind: str, key: str) -> str:
        return os.path.join(self.directory, f"{kind}-{key}.json")

    def read(self, kind: str, key: str) -> dict[str, Any] | None:
        """The body of an entry, or None: a miss for anything but a well-formed entry of this key."""
        raw = _read_regular(self.path(kind, key))
        if raw is None:
            return None
        try:
            entry = json.loads(raw)
        except (ValueError, RecursionError):
            return None
        if not isinstance(entry, dict) or entry.get("format") != ENTRY_FORMAT or entry.get("key") != key:
            return None
        body = entry.get("body")
        return body if isinstance(body, dict) else None

    def write(self, kind: str, key: str, body: dict[str, Any]) -> bool:
        """Write an entry atomically; False (and nothing left behind) when the directory refuses."""
        text = json.dumps({"format": ENTRY_FORMAT, "key": key, "body": body}, separators=(",", ":"))
        if not self._ready():
            return False
        temporary = os.path.join(self.directory, f".{kind}-{key}.{os.getpid()}.{time.monotonic_ns()}.tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except OSError:
            return False
        try:
            with os.fdopen(descriptor, "w", encoding="ascii") as handle:
                handle.write(text)
            os.replace(temporary, self.path(kind, key))
            return True
        except (OSError, ValueError):
            _remove(temporary)
            return False

    def touch(self, kind: str, key: str) -> None:
        """Mark an entry as used now, so that pruning takes it last."""
        try:  # noqa: SIM105 (contextlib is not imported on the start-up path)
            os.utime(self.path(kind, key), follow_symlinks=False)
        except (OSError, NotImplementedError):
            pass

    def _ready(self) -> bool:
        """Whether the entries' directory exists (made if need be) as a real directory, not a link."""
        try:
            os.makedirs(self.directory, mode=0o700, exist_ok=True)
            return stat.S_ISDIR(os.lstat(self.directory).st_mode)
        except OSError:
            return False

    def prune_if_due(self) -> None:
        """Prune at most once per `PRUNE_INTERVAL_SECONDS` (a marker file's age tells)."""
        marker = os.path.join(self.directory, ".pruned")
        try:
            if time.time() - os.lstat(marker).st_mtime < PRUNE_INTERVAL_SECONDS:
                return
        except OSError:
            pass
        if self._ready() and self.write_marker(marker):
            prune(self.directory)

    def write_marker(self, marker: str) -> bool:
        try:
            descriptor = os.open(marker, os.O_WRONLY | os.O_CREAT | _NOFOLLOW, 0o600)
            os.close(descriptor)
            os.utime(marker, follow_symlinks=False)
            return True
        except (OSError, NotImplementedError):
            return False


def prune(directory: str, max_bytes: int = MAX_TOTAL_BYTES, max_entries: int = MAX_ENTRIES) -> int:
    """Remove the least recently used entries until at most `max_entries` entries of at most
    `max_bytes` in all remain, and temporary files left by runs that died; the number removed."""
    entries, removed = _entries(directory), 0
    entries.sort(key=lambda entry: entry[0])
    total = sum(size for _, size, _ in entries)
    count = len(entries)
    for _, size, path in entries:
        if total <= max_bytes and count <= max_entries:
            break
        removed += _remove(path)
        total, count = total - size, count - 1
    return removed + _remove_stale_temporaries(directory)


def _entries(directory: str) -> list[tuple[int, int, str]]:
    """(modified, size, path) of each regular entry file of `directory`."""
    found = []
    try:
        with os.scandir(directory) as listing:
            for item in listing:
                if _is_entry(item):
                    status = item.stat(follow_symlinks=False)
                    found.append((status.st_mtime_ns, status.st_size, item.path))
    except OSError:
        return found
    return found


def _is_entry(item: os.DirEntry[str]) -> bool:
    name = item.name
    return name.endswith(".json") and not name.startswith(".") and item.is_file(follow_symlinks=False)


def _remove_stale_temporaries(directory: str, age_seconds: float = 3600.0) -> int:
    removed = 0
    try:
        with os.scandir(directory) as listing:
            for item in listing:
                old = time.time() - item.stat(follow_symlinks=False).st_mtime > age_seconds
                if item.name.endswith(".tmp") and old:
                    removed += _remove(item.path)
    except OSError:
        pass
    return removed


def _remove(path: str) -> int:
    try:
        os.unlink(path)
        return 1
    except OSError:
        return 0


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _read_regular(path: str) -> bytes | None:
    """The bytes of `path` if it is a regular file (not a link) of at most `MAX_ENTRY_BYTES`."""
    try:
        descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
