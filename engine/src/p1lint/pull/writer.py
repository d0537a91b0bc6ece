"""A pulled snapshot on disk or on standard output.

The directory form is the one `p1lint check` reads (`p1lint.environment.directory`): one file per
collection as the API returns it (`applications.json`, `roles.json`, ...), each application's
related lists in `applications/<appId>/<list>.json`, and `pulled.json`, which says when and from
where the snapshot was pulled and what it lacks. It is written into a new directory beside the
target, then renamed into place: an interrupted pull leaves the previous snapshot as it was.
Only a directory that does not exist, is empty, or holds a snapshot written by a pull is
replaced — never another directory a typo names."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any

from p1lint import __version__
from p1lint.environment.collections import APPLICATION_FILES
from p1lint.findings import P1LintError
from p1lint.pull.fetch import Pulled

METADATA = "pulled"  # the snapshot member (and file) that describes the pull


def metadata(pulled: Pulled, api: str, taken_at: str) -> dict[str, Any]:
    missing = [{"collection": m.collection, "status": m.status, "reason": m.reason,
                **({"applications": list(m.applications)} if m.applications else {})}
               for m in pulled.missing]
    return {"tool": "p1lint pull", "version": __version__, "pulledAt": taken_at,
            "environment": {"id": pulled.environment_id}, "api": api, "partial": bool(missing),
            "missing": missing}


def snapshot_files(pulled: Pulled, about: dict[str, Any]) -> dict[str, Any]:
    """The directory form: relative file name -> its data."""
    files = {f"{METADATA}.json": about}
    files.update({f"{name}.json": data for name, data in pulled.collections.items()})
    for application, related in pulled.related.items():
        files.update({f"applications/{application}/{name}.json": data for name, data in related.items()})
    return files


def snapshot_document(pulled: Pulled, about: dict[str, Any]) -> dict[str, Any]:
    """The one-document form: each application's related lists as its fields
    (`grants`, `attributeMappings`, ..., `secret`)."""
    document: dict[str, Any] = {METADATA: about, **pulled.collections}
    for application in _entries(document.get("applications"), "applications"):
        if isinstance(application, dict):
            for name, data in pulled.related.get(str(application.get("id")), {}).items():
                application[APPLICATION_FILES[name]] = data if name == "secret" else _entries(data, name)
    return document


def _entries(data: Any, name: str) -> Any:
    inner = data.get("_embedded") if isinstance(data, dict) else None
    return inner.get(name, []) if isinstance(inner, dict) else []


def write_document(document: dict[str, Any], stream: IO[str]) -> None:
    json.dump(document, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
    stream.flush()


def write_directory(target: Path, files: dict[str, Any]) -> None:
    """Write `files` as the directory `target`, replacing a previous snapshot in one rename."""
    _check_replaceable(target)
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.pull-", dir=parent))
    except OSError as error:
        raise P1LintError(f"p1lint pull: cannot write {target}: {error.strerror or error}") from None
    try:
        for name, data in files.items():
            _write_file(staging / name, data)
        _swap(staging, target.absolute())
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise P1LintError(f"p1lint pull: cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _check_replaceable(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise P1LintError(f"p1lint pull: {target} exists and is not a directory; not replaced")
    if target.is_dir() and any(target.iterdir()) and not (target / f"{METADATA}.json").is_file():
        raise P1LintError(f"p1lint pull: {target} is not empty and holds no snapshot written by p1lint pull "
                          f"({METADATA}.json); not replaced")


def _write_file(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(data, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        stream.flush()
        os.fsync(stream.fileno())


def _swap(staging: Path, target: Path) -> None:
    """`staging` becomes `target`; a previous `target` is renamed aside first and removed after."""
    if not target.exists() or not any(target.iterdir()):
        os.replace(staging, target)  # onto nothing, or onto an empty directory
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.replace(target, aside)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)
