"""Compile the bundled rule files into the catalogue the package ships (`rules/catalogue.json`).

    python -m p1lint.rules.build           # rewrite it
    python -m p1lint.rules.build --check   # exit 1 when it differs from a fresh compile

Every rule file and its options are validated by pydantic here; a run reads the result."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from p1lint.resources import data_dir
from p1lint.rules.artefact import BUNDLED, compiled_document, render, sources_digest


def build_bundled(directory: Path | None = None) -> str:
    """The text of the compiled catalogue of the rule files below `directory` (the bundled ones)."""
    from p1lint.rules.loader import compile_directory

    directory = directory or data_dir("rules")
    return render(compiled_document(compile_directory(directory), sources_digest(directory)))


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file renamed over it: readers see all or nothing."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def main(arguments: list[str]) -> int:
    from p1lint.findings import P1LintError

    try:
        text = build_bundled()
    except P1LintError as error:
        print(error, file=sys.stderr)
        return 2
    current = BUNDLED.read_text(encoding="utf-8") if BUNDLED.is_file() else None
    if "--check" in arguments:
        print(f"{BUNDLED.name} is up to date" if text == current else f"{BUNDLED} is stale: {REGENERATE}")
        return 0 if text == current else 1
    if text != current:
        write_atomically(BUNDLED, text)
    print(f"wrote {BUNDLED}")
    return 0


REGENERATE = "run `python -m p1lint.rules.build` to compile the rule files again"

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
