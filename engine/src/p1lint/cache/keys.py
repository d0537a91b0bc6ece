"""Identities: of a file (size, modification time, content digest), of a directory (the names
it lists), of this installation of p1lint (its version, the Python running it, and the files of
the package and its data), and digests of JSON values. A file whose modification time moved, or
lies within `RACY_NS` before its state was taken, is compared by content (as git does with its
index): a checkout that rewrote it unchanged is still a hit."""

from __future__ import annotations

import json
import os
import stat
import sys

from p1lint import __version__

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing typing on the replay path

RACY_NS = 2_000_000_000
if TYPE_CHECKING:
    from typing import Any

    FileState = list[Any]  # [path, size, mtime_ns, digest]
    DirectoryState = list[Any]  # [path, digest of its names]
else:
    FileState = DirectoryState = list
_CHUNK = 1 << 20


def _hasher() -> Any:
    """A BLAKE2b hasher of 32 bytes (the `_blake2` module that hashlib wraps: it does not load
    OpenSSL, which costs more at start-up than the rest of a cached run)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # a Python built without it
        from hashlib import blake2b
    return blake2b(digest_size=32)


def digest_json(value: Any) -> str:
    """A digest of a JSON value (lone surrogates of file names escaped, keys in order)."""
    hasher = _hasher()
    hasher.update(json.dumps(value, sort_keys=True, separators=(",", ":")).encode("ascii"))
    return str(hasher.hexdigest())


def file_state(path: str) -> FileState | None:
    """The state of a regular file; one that cannot be read is known by its status change time
    and mode instead of a digest (it is reported again while they stay). None: not a regular file."""
    try:
        before = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(before.st_mode):
        return None
    content = _content_digest(path)
    if content is None:
        content = f"unreadable:{before.st_ctime_ns}:{before.st_mode}"
    return [path, before.st_size, before.st_mtime_ns, content]


def _content_digest(path: str) -> str | None:
    hasher = _hasher()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                hasher.update(chunk)
    except (OSError, ValueError):
        return None
    return str(hasher.hexdigest())


def file_unchanged(state: Any, taken_ns: int) -> bool:
    """Whether the file of `state` (taken at `taken_ns`) is still as it was."""
    if not (isinstance(state, list) and len(state) == 4 and isinstance(state[0], str)):
        return False
    path, size, mtime_ns, content = state
    try:
        now = os.stat(path)
    except (OSError, ValueError):
        return False
    if not stat.S_ISREG(now.st_mode) or now.st_size != size:
        return False
    if isinstance(content, str) and content.startswith("unreadable:"):
        return content == f"unreadable:{now.st_ctime_ns}:{now.st_mode}" and _content_digest(path) is None
    trusted = now.st_mtime_ns == mtime_ns and isinstance(mtime_ns, int) and mtime_ns < taken_ns - RACY_NS
    return trusted or _content_digest(path) == content


def directory_state(path: str) -> DirectoryState | None:
    """A directory by the digest of the names it lists (hidden ones too); None if it is none."""
    try:
        names = os.listdir(path or ".")
    except (OSError, ValueError):
        return None
    return [path, digest_json(sorted(names))]


def directory_unchanged(state: Any) -> bool:
    """Whether the directory of `state` still lists the same names."""
    if not (isinstance(state, list) and len(state) == 2 and isinstance(state[0], str)):
        return False
    return directory_state(state[0]) == state


_INSTALLATION: list[str] = []


def installation_fingerprint() -> str:
    """This p1lint: its version, the Python that runs it, and the size and modification time of
    every file of the package, its rules, its grammars and its data (an edited checkout is another
    p1lint)."""
    if not _INSTALLATION:
        from p1lint.resources import data_path

        package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        trees = [package, data_path("rules"), data_path("grammar"), data_path("data")]
        value = [__version__, sys.version, sys.executable, *(_tree_signature(tree) for tree in trees)]
        _INSTALLATION.append(digest_json(value))
    return _INSTALLATION[0]


def _tree_signature(root: str) -> list[Any]:
    signature: list[Any] = [root]
    pending = [root]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as listing:
                items = sorted(listing, key=lambda item: item.name)
        except OSError:
            signature.append([directory, None])
            continue
        for item in items:
            if item.is_dir(follow_symlinks=False):
                if item.name != "__pycache__":
                    pending.append(item.path)
            elif not item.name.endswith((".pyc", ".tmp")):
                status = item.stat()
                signature.append([item.path, status.st_size, status.st_mtime_ns])
    return signature
