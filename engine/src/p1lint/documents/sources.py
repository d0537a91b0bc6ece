"""Read input paths into plain data; every failure becomes an `InputError`, never an exception."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from p1lint.documents.document import SourceDocument
from p1lint.documents.files import (
    DEFAULT_MAX_FILE_SIZE,
    ReadProblem,
    Unlisted,
    read_regular_file,
    read_stream,
    walk_files,
)
from p1lint.documents.formats import DATA_SUFFIXES, NAMES, format_for
from p1lint.findings import InputError

if TYPE_CHECKING:
    from p1lint.documents.exclusion import FileScope

__all__ = ["DATA_SUFFIXES", "STDIN_NAME", "EmptyDirectory", "SourceDocument", "WalkedFile", "discover",
           "parse_bytes", "read_source"]
STDIN_NAME = "-"


def discover(paths: Iterable[str], scope: FileScope | None = None) -> Iterator[str]:
    """Expand directories recursively into their input files (of any format in `formats`), in a
    stable order. Hidden files and directories (`.git`, `.github`, ...) below a given directory are
    skipped, and those `scope` excludes (see `exclusion`); a path given twice (or standard input
    named twice) is read once. A directory that cannot be listed comes out as `Unlisted`, one
    without any input file as `EmptyDirectory` (unless its files were all excluded)."""
    for raw in dict.fromkeys(paths):
        if raw != STDIN_NAME and scope is not None and scope.skips_named(raw):
            continue
        if raw != STDIN_NAME and os.path.isdir(raw):
            keep = None if scope is None else partial(scope.keeps, raw)
            found = sorted(walk_files(raw, DATA_SUFFIXES, keep))
            empty = [] if scope is not None and raw in scope.partial else [EmptyDirectory(raw)]
            yield from [_walked(name) for name in found] if found else empty
        else:
            yield raw


class EmptyDirectory(str):
    """A directory argument with no input file below it: reported, never silently passed."""


class WalkedFile(str):
    """A file found below a directory argument, not named by the user: one that is not a PingOne
    document (a `package.json`, a workflow file) is skipped with a notice, not reported as bad."""


def _walked(name: str) -> str:
    return name if isinstance(name, Unlisted) else WalkedFile(name)


def read_source(
    name: str, stdin_name: str = "<stdin>", max_size: int = DEFAULT_MAX_FILE_SIZE
) -> SourceDocument | InputError:
    """Read and parse one path (or standard input for `-`), reading at most `max_size` bytes."""
    if isinstance(name, EmptyDirectory):
        return InputError(name, 1, 1, f"no {NAMES} files found in this directory")
    if isinstance(name, Unlisted):
        return InputError(name, 0, 0, name.reason)
    display = stdin_name if name == STDIN_NAME else name
    try:
        if name == STDIN_NAME:
            raw = read_stream(sys.stdin.buffer, max_size)
        else:
            raw = read_regular_file(name, max_size)
    except ReadProblem as problem:
        return InputError(display, 1, 1, str(problem))
    except OSError as error:
        return InputError(display, 1, 1, f"cannot read file: {error.strerror or type(error).__name__}")
    return parse_bytes(display, raw)


def parse_bytes(name: str, raw: bytes) -> SourceDocument | InputError:
    """Decode and parse `raw` in its format (see `formats`). A blank file is an error unless its
    format reads it as a document (an empty `.tf` file is an empty Terraform configuration)."""
    text = _decode(name, raw)
    if isinstance(text, InputError):
        return text
    document = format_for(name, text).parse(name, text)
    if not text.strip() and isinstance(document, InputError):
        return InputError(name, 1, 1, "empty file: expected an application object or a list")
    return document


def _decode(name: str, raw: bytes) -> str | InputError:
    if b"\x00" in raw:
        return InputError(name, 1, 1, f"binary file: expected {NAMES} text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        from p1lint.documents.lines import byte_position

        line, column = byte_position(raw, error.start)
        return InputError(name, line, column, f"not UTF-8 text: invalid byte 0x{raw[error.start]:02x}")
