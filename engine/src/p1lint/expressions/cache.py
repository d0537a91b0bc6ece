"""Diagnostics of expressions already checked in earlier runs, so that a run whose mappings have
not changed needs neither the parser nor the syntax tree. The cache is dropped whenever a file of
`grammar/` (grammar, helper table, attribute list) changes."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from p1lint.cachefiles import JsonStore, cache_file
from p1lint.expressions.diagnostics import Diagnostic
from p1lint.resources import data_dir
from p1lint.rules.cache import signature

MAX_ENTRIES = 4_000  # the whole file is read on every run: keep it small
FINGERPRINT = "fingerprint"


def _grammar_fingerprint() -> list[object]:
    directory = data_dir("grammar")
    return [[path.name, signature(path)] for path in sorted(directory.iterdir()) if path.is_file()]


@lru_cache(maxsize=1)
def expression_store() -> JsonStore:
    store = JsonStore(cache_file("expressions"))
    fingerprint = _grammar_fingerprint()
    if store.entries.get(FINGERPRINT) != fingerprint:
        store.entries = {FINGERPRINT: fingerprint}
    return store


def _key(source: str, custom_attributes: Iterable[str]) -> str:
    return "\x00".join([source, *custom_attributes])


def cached_diagnostics(source: str, custom_attributes: tuple[str, ...]) -> tuple[Diagnostic, ...] | None:
    found = expression_store().entries.get(_key(source, custom_attributes))
    if not isinstance(found, list):
        return None
    try:
        return tuple(Diagnostic(*item) for item in found)
    except TypeError:
        return None


def remember(source: str, custom_attributes: tuple[str, ...], diagnostics: tuple[Diagnostic, ...]) -> None:
    store = expression_store()
    if len(store.entries) > MAX_ENTRIES:
        store.entries = {FINGERPRINT: store.entries.get(FINGERPRINT)}
    store.set(_key(source, custom_attributes), [list(item) for item in diagnostics])
