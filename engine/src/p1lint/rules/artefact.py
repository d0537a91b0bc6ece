"""Compiled catalogues on disk: the bundled one (`catalogue.json`, package data, written by
`python -m p1lint.rules.build`) and those of the user's `--rules` directories (in the cache directory).

A compiled catalogue is JSON holding the digest of the rule files it was compiled from and one
entry per rule. It is used only when that digest is the digest of the rule files as they are now;
otherwise (a rule file edited in a checkout, a missing, damaged or planted file) the rule files are
compiled again in memory — slower, never wrong. Nothing is ever written into the package."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from p1lint.rules.compiled import CompiledRule
from p1lint.rules.entries import BadEntry, checked_entry, rule_from_entry

FORMAT = 1
BUNDLED = Path(__file__).with_name("catalogue.json")
RULE_SUFFIXES = (".yaml", ".yml")
MAX_SIZE = 16 * 1024 * 1024  # a larger file is cut short, so not JSON: refused


def sources_digest(directory: Path) -> str:
    """SHA-256 of the names and bytes of the rule files below `directory`, in a stable order."""
    digest = hashlib.sha256()
    root = str(directory)
    for relative in _rule_paths(root):
        with open(os.path.join(root, relative), "rb") as handle:
            digest.update(relative.encode("utf-8") + b"\0" + handle.read() + b"\0")
    return digest.hexdigest()


def _rule_paths(root: str) -> list[str]:
    found = []
    for folder, directories, files in os.walk(root, followlinks=True):
        directories.sort()
        base = os.path.relpath(folder, root)
        found += [name if base == "." else f"{base}/{name}" for name in files if name.endswith(RULE_SUFFIXES)]
    return sorted(found)


def read_compiled(path: Path, digest: str) -> list[dict[str, Any]] | None:
    """The entries of the compiled catalogue at `path` when it was compiled from rule files of
    `digest`; None when it is missing, unreadable, damaged or of other rule files."""
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read(MAX_SIZE + 1))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("sources") != digest:
            return None
        entries = data.get("rules")
        return [checked_entry(entry) for entry in entries] if isinstance(entries, list) else None
    except (OSError, ValueError, RecursionError):  # BadEntry and JSON errors are ValueErrors
        return None


def rules_of(entries: list[dict[str, Any]], directory: Path, *, prepare: bool) -> list[CompiledRule] | None:
    """The rules of checked entries; with `prepare`, each made ready to run now (None when one cannot be)."""
    rules = [rule_from_entry(entry, directory) for entry in entries]
    if prepare:
        try:
            for rule in rules:
                rule.prepare()
        except Exception:
            return None
    return rules


def compiled_document(entries: list[dict[str, Any]], digest: str) -> dict[str, Any]:
    return {"format": FORMAT, "sources": digest, "rules": sorted(entries, key=lambda entry: entry["id"])}


def render(document: dict[str, Any]) -> str:
    """A compiled catalogue as text: stable, one key per line, so that its diffs can be read."""
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def load_bundled(directory: Path, digest: str) -> list[CompiledRule]:
    """The bundled rules, from the compiled catalogue when it was compiled from the rule files below
    `directory` as they are (`digest`), else compiled from them now."""
    entries = read_compiled(BUNDLED, digest)
    if entries is not None:
        return rules_of(entries, directory, prepare=False) or []
    from p1lint.rules.loader import load_rules

    return sorted(load_rules([directory]), key=lambda rule: rule.id)


__all__ = ["BadEntry", "load_bundled", "read_compiled", "render", "sources_digest"]
