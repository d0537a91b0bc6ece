"""Reading inputs from disk without trusting them: regular files only, never more than a size cap,
and directory walks that report what they cannot list instead of skipping it silently.

A FIFO, a device (`/dev/zero`) or a socket named as an input would hang the run or fill memory, so
a path is `stat`-ed before it is opened (opening some devices has effects of its own), opened with
`O_NONBLOCK` (a FIFO that turns up between the two calls cannot block), checked again with
`fstat`, and read to at most the cap plus one byte."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator
from typing import BinaryIO

DEFAULT_MAX_FILE_SIZE = 100 * 1024 * 1024
_CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_KINDS = (
    (stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)


_SIZE = re.compile(r"^\s*(\d{1,15})\s*(|B|K|KiB|M|MiB|G|GiB)\s*$", re.IGNORECASE)
_FACTORS = {"": 1, "b": 1, "k": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mib": 1 << 20,
            "g": 1 << 30, "gib": 1 << 30}


def parse_size(text: str | int) -> int:
    """`100MiB`, `100M`, `512KiB`, `1048576` → bytes; `ValueError` for anything else or for 0."""
    found = _SIZE.match(str(text))
    if not found:
        raise ValueError("expected a size such as 100MiB, 512KiB or a number of bytes")
    size = int(found[1]) * _FACTORS[found[2].lower()]
    if size < 1:
        raise ValueError("the size must be at least 1 byte")
    return size


class ReadProblem(Exception):
    """Why a file was not read; the message names no content of the file."""


def format_size(size: int) -> str:
    """`104857600` → `100 MiB`; sizes that are not a whole number of KiB stay in bytes."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size:,} bytes"


def _too_large(limit: int) -> ReadProblem:
    return ReadProblem(f"file is larger than the --max-file-size limit of {format_size(limit)}")


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _require_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise ReadProblem(f"not a regular file ({_kind(mode)}): p1lint reads only regular files")


def read_regular_file(path: str, limit: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The bytes of the regular file at `path` (symbolic links followed); `ReadProblem` for
    anything else or for a file over `limit` bytes, `OSError` when it cannot be opened."""
    _require_regular(os.stat(path).st_mode)
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(descriptor)
        _require_regular(info.st_mode)
        if info.st_size > limit:
            raise _too_large(limit)
        return _read_at_most(lambda size: os.read(descriptor, size), limit)
    finally:
        os.close(descriptor)


def read_stream(stream: BinaryIO, limit: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """Standard input, read to at most `limit` bytes (it may be endless: `< /dev/zero`)."""
    return _read_at_most(stream.read, limit)


def _read_at_most(read: Callable[[int], bytes], limit: int) -> bytes:
    chunks: list[bytes] = []
    remaining = limit + 1  # one byte more than allowed tells "exactly the limit" from "over it"
    while remaining > 0:
        chunk = read(min(remaining, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    if remaining <= 0:
        raise _too_large(limit)
    return b"".join(chunks)


class Unlisted(str):
    """A directory that could not be listed; `reason` says why (reported as `dir: reason`)."""

    reason: str

    def __new__(cls, path: str, reason: str) -> Unlisted:
        made = super().__new__(cls, path)
        made.reason = reason
        return made


def walk_files(
    root: str, suffixes: tuple[str, ...], keep: Callable[[str, bool], bool] | None = None
) -> Iterator[str]:
    """Files below `root` whose name ends with one of `suffixes` (any case), in no particular order.
    Hidden entries (`.git`, ...) are skipped, and those `keep(path, is_dir)` refuses (a directory
    refused is not entered); directory links are not followed (no loops); only regular files (or
    links to them) are yielded: a checkout holds no FIFOs or devices. A directory that cannot be
    listed is yielded as `Unlisted`."""
    pending = [root]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError as error:
            yield Unlisted(directory, f"cannot list directory: {error.strerror or type(error).__name__}")
            continue
        for entry in entries:
            if not entry.name.startswith("."):
                yield from _visit(entry, suffixes, pending, keep)


def _wanted(entry: os.DirEntry[str], suffixes: tuple[str, ...]) -> bool:
    return entry.name.lower().endswith(suffixes) and entry.is_file()


def _visit(
    entry: os.DirEntry[str], suffixes: tuple[str, ...], pending: list[str],
    keep: Callable[[str, bool], bool] | None,
) -> Iterator[str]:
    try:
        if entry.is_dir(follow_symlinks=False):
            if keep is None or keep(entry.path, True):
                pending.append(entry.path)
        elif _wanted(entry, suffixes) and (keep is None or keep(entry.path, False)):
            yield entry.path
    except OSError as error:
        yield Unlisted(entry.path, f"cannot inspect: {error.strerror or type(error).__name__}")
