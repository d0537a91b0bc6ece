"""The rule catalogue: bundled rules plus the user's `--rules` directories, loaded once."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from p1lint.resources import data_dir
from p1lint.rules.compiled import CompiledRule


def load_catalogue(extra_directories: Iterable[Path] = ()) -> list[CompiledRule]:
    """All rules, sorted by id; raises `RuleLoadError` when any rule file is invalid."""
    from p1lint.rules.loader import load_rules

    rules = load_rules([data_dir("rules"), *extra_directories])
    return sorted(rules, key=lambda rule: rule.id)


def closest_rule_name(rules: Iterable[CompiledRule], key: str) -> str | None:
    """The rule name most like `key`, for a did-you-mean."""
    import difflib

    found = difflib.get_close_matches(key, [rule.name for rule in rules], n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(rules: Iterable[CompiledRule], keys: Iterable[str]) -> str:
    """`; did you mean 'x'?` for the first key that has a close rule name, else nothing."""
    rules = list(rules)
    for key in keys:
        close = closest_rule_name(rules, key)
        if close:
            return f"; did you mean {close!r}?"
    return ""


def find_rule(rules: Iterable[CompiledRule], key: str) -> CompiledRule | None:
    """Look a rule up by id (any case) or name."""
    for rule in rules:
        if rule.id == key.upper() or rule.name == key:
            return rule
    return None
