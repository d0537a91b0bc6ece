"""The files git tracks in a repository, read from its index (`.git/index`, versions 2 to 4, as
gitformat-index(5) describes it) without running git: a `.gitignore` does not apply to a tracked
file (git's rule), so a walk checks a tracked file whatever the ignore files say — a change
cannot hide a committed export from the check by listing it in a `.gitignore`.

An index p1lint cannot read (another version, a split index, damage) gives None: the ignore
files then apply alone. Nothing of git is run."""

from __future__ import annotations

import os
from typing import NamedTuple

SIGNATURE = b"DIRC"
ENTRY_FIXED = 62  # ctime, mtime, dev, ino, mode, uid, gid, size (4 bytes each, times 8), SHA-1, flags
EXTENDED = 0x4000
MAX_INDEX_SIZE = 1 << 30


class Tracked(NamedTuple):
    """The tracked files of a repository and the directories that hold them (relative, `/`)."""

    files: frozenset[str]
    directories: frozenset[str]


def index_path(root: str) -> str | None:
    """The index of the repository whose work tree is `root` (`.git` a directory, or a file
    naming the git directory of a worktree or submodule)."""
    git = os.path.join(root, ".git")
    if os.path.isdir(git):
        return os.path.join(git, "index")
    try:
        with open(git, encoding="utf-8") as handle:
            first = handle.readline(4096).strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not first.startswith("gitdir:"):
        return None
    return os.path.join(root, first[len("gitdir:"):].strip(), "index")


def tracked(root: str) -> Tracked | None:
    """The files the index of `root` lists; None when there is none p1lint can read."""
    from p1lint.documents.files import ReadProblem, read_regular_file

    path = index_path(root)
    if path is None:
        return None
    try:
        names = entry_names(read_regular_file(path, MAX_INDEX_SIZE))
    except (OSError, ReadProblem, ValueError):
        return None
    files = frozenset(name.decode("utf-8", "surrogateescape") for name in names)
    return Tracked(files, frozenset(_directories(files)))


def entry_names(raw: bytes) -> list[bytes]:
    """The path of each entry of an index; `ValueError` for one that is not a version 2-4 index."""
    if len(raw) < 12 or raw[:4] != SIGNATURE:
        raise ValueError("not a git index")
    version, count = int.from_bytes(raw[4:8], "big"), int.from_bytes(raw[8:12], "big")
    if version not in (2, 3, 4):
        raise ValueError(f"git index version {version}")
    names: list[bytes] = []
    position, previous = 12, b""
    for _ in range(count):
        start = position
        flags = int.from_bytes(raw[start + 60 : start + 62], "big")
        position = start + ENTRY_FIXED + (2 if version >= 3 and flags & EXTENDED else 0)
        if version == 4:
            strip, position = _varint(raw, position)
            end = raw.index(b"\0", position)
            if strip > len(previous):
                raise ValueError("damaged git index")
            previous = previous[: len(previous) - strip] + raw[position:end]
            position = end + 1
        else:
            end = raw.index(b"\0", position)
            previous = raw[position:end]
            position = start + (end - start + 8) // 8 * 8  # padded with 1 to 8 NULs
        if position > len(raw):
            raise ValueError("damaged git index")
        names.append(previous)
    return names


def _varint(raw: bytes, position: int) -> tuple[int, int]:
    """git's offset encoding (varint.c): 7 bits a byte, each continuation adding one."""
    byte = raw[position]
    value, position = byte & 0x7F, position + 1
    while byte & 0x80:
        byte = raw[position]
        value, position = ((value + 1) << 7) | (byte & 0x7F), position + 1
    return value, position


def _directories(files: frozenset[str]) -> set[str]:
    found: set[str] = set()
    for name in files:
        cut = name.rfind("/")
        while cut > 0 and name[:cut] not in found:
            found.add(name[:cut])
            cut = name.rfind("/", 0, cut)
    return found
