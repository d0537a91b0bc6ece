"""The user's `--rules` directories, each compiled once and kept in the cache directory.

An entry's name is the digest of the p1lint version and of the rule files' names and bytes, so an
edited rule file, or another p1lint, is compiled again. An entry is read only when it is a regular
file of sane size, valid JSON of the compiled-catalogue shape, compiled from exactly these rule
files, and every rule in it can be made ready to run; anything else is ignored and compiled again
(and rewritten). Rule files with problems are never kept: their errors are reported on every run."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from p1lint import __version__
from p1lint.cachedir import cache_root
from p1lint.rules.artefact import FORMAT, compiled_document, read_compiled, render, rules_of, sources_digest
from p1lint.rules.compiled import CompiledRule

SUBDIRECTORY = f"rules-{FORMAT}"


def load_user_rules(directories: list[Path], cache_dir: str | None = None) -> list[CompiledRule]:
    """The rules of `directories`, from the cache when it holds them, else compiled (and kept)."""
    root = cache_root(cache_dir)
    rules: list[CompiledRule] = []
    for directory in directories:
        rules += _directory_rules(directory, root)
    return rules


def _directory_rules(directory: Path, root: str | None) -> list[CompiledRule]:
    from p1lint.rules.loader import rule_files

    list(rule_files([directory]))  # a missing directory or an unlisted file is an error, cached or not
    digest = sources_digest(directory)
    path = Path(root, SUBDIRECTORY, f"{entry_key(digest)}.json") if root else None
    cached = read_compiled(path, digest) if path and _regular(path) else None
    rules = rules_of(cached, directory, prepare=True) if cached is not None else None
    return rules if rules is not None else _compile(directory, digest, path)


def _compile(directory: Path, digest: str, path: Path | None) -> list[CompiledRule]:
    from p1lint.rules.loader import compile_directory

    entries = compile_directory(directory)  # raises RuleLoadError: bad rule files are never kept
    if path is not None:
        _keep(path, render(compiled_document(entries, digest)))
    return rules_of(entries, directory, prepare=False) or []


def entry_key(digest: str) -> str:
    return hashlib.sha256(f"{__version__}\0{FORMAT}\0{digest}".encode()).hexdigest()


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _keep(path: Path, text: str) -> None:
    """Write the entry atomically; a cache directory that cannot be written is no error."""
    from p1lint.rules.build import write_atomically

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomically(path, text)
    except OSError:
        pass
