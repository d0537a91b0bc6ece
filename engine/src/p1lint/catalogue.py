"""The rule catalogue: bundled rules plus the user's `--rules` directories, loaded once.

The bundled rules come from the compiled catalogue the package ships (`p1lint.rules.artefact`);
a `--rules` directory is compiled once and kept in the cache directory (`p1lint.rules.usercache`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from p1lint.resources import data_dir
from p1lint.rules.compiled import CompiledRule

if TYPE_CHECKING:
    from p1lint.findings import InputError


def load_catalogue(
    extra_directories: Iterable[Path] = (), cache_dir: Path | None = None
) -> list[CompiledRule]:
    """All rules, sorted by id; raises `RuleLoadError` when any rule file is invalid. The `--rules`
    directories are kept compiled in `cache_dir` (else the user's cache directory)."""
    from p1lint.rules.artefact import load_bundled

    rules = load_bundled(data_dir("rules"), bundled_digest())
    if extra_directories:
        from p1lint.rules.usercache import load_user_rules

        users = load_user_rules(list(extra_directories), str(cache_dir) if cache_dir else None)
        rules = [*rules, *users]
        _refuse_duplicates(users, rules)
    return sorted(rules, key=lambda rule: rule.id)


def catalogue_fingerprint(extra_directories: Iterable[Path] = ()) -> str:
    """A digest that changes when p1lint's version, the compiled catalogue, any bundled rule file or
    any rule file of `extra_directories` (the `--rules` directories) changes."""
    import hashlib

    from p1lint import __version__
    from p1lint.rules.artefact import BUNDLED, sources_digest

    parts = [__version__, _file_digest(BUNDLED), bundled_digest()]
    parts += [f"{directory.resolve()}:{sources_digest(directory)}" for directory in extra_directories]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _file_digest(path: Path) -> str:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def _refuse_duplicates(users: list[CompiledRule], rules: list[CompiledRule]) -> None:
    """Refuse a user's rule with an id of p1lint's own namespace, or an id or name another rule has."""
    from p1lint.rules.entries import duplicates

    errors = list(_reserved_ids(users)) or list(duplicates(rules))
    if errors:
        from p1lint.rules.errors import RuleLoadError

        raise RuleLoadError(errors)


def _reserved_ids(rules: list[CompiledRule]) -> Iterator[InputError]:
    """An error, at its `id`, for each of the user's rules that takes an id of p1lint's own prefix."""
    from p1lint.rules.namespace import RESERVED, is_builtin
    from p1lint.rules.rulefile import RuleText

    for rule in rules:
        if is_builtin(rule.id):
            yield RuleText(rule.source).error(("id",), RESERVED)


_DIGESTS: list[str] = []


def bundled_digest() -> str:
    """The digest of the bundled rule files, worked out once per process."""
    if not _DIGESTS:
        from p1lint.rules.artefact import sources_digest

        _DIGESTS.append(sources_digest(data_dir("rules")))
    return _DIGESTS[0]


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

