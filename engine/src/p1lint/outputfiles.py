"""Files p1lint writes for the user (`--write-baseline`, `docs -o`): all or nothing.

The text is written to a new temporary file in the target's directory and renamed over the target
only once it is complete, so a crash, a full disk or an interrupt leaves the old file (or none),
never a truncated one. The new file gets the old one's permissions, or the usual ones for a new
file (0666 less the umask)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` by renaming a complete temporary file over it; `OSError`
    and `UnicodeEncodeError` leave `path` as it was."""
    data = text.encode("utf-8")
    directory = path.parent if str(path.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), _mode_for(path))
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
