"""Compile rule files: YAML → `RuleSpec` (pydantic) → a catalogue entry (plain data) → `CompiledRule`,
every problem as `file:line:col: message`. The bundled catalogue is compiled when the package is
built (`p1lint.rules.build`); a run reads that instead (`p1lint.rules.artefact`)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from p1lint.documents.files import Unlisted, walk_files
from p1lint.findings import InputError
from p1lint.functions import all_functions, get_function
from p1lint.rules.compiled import CompiledRule, default_docs
from p1lint.rules.conditions import compile_conditions
from p1lint.rules.entries import duplicates, rule_from_entry
from p1lint.rules.errors import RuleLoadError
from p1lint.rules.namespace import is_builtin
from p1lint.rules.options import validated_options
from p1lint.rules.rulefile import RuleText, read_rule_data, yaml_location
from p1lint.rules.selectors import Selector
from p1lint.rules.spec import RuleSpec

RULE_SUFFIXES = (".yaml", ".yml")
Entry = dict[str, Any]


def rule_files(directories: Iterable[Path]) -> Iterator[Path]:
    for directory in directories:
        if not directory.is_dir():
            raise RuleLoadError([InputError(str(directory), 1, 1, "rules directory not found")])
        found = sorted(walk_files(str(directory), RULE_SUFFIXES))
        unlisted = [InputError(name, 0, 0, name.reason) for name in found if isinstance(name, Unlisted)]
        if unlisted:  # a rule file that cannot be seen is a rule silently off: refuse to run
            raise RuleLoadError(unlisted)
        yield from (Path(name) for name in found)


def load_rules(directories: Iterable[Path]) -> list[CompiledRule]:
    """Compile every rule file below `directories`; raise `RuleLoadError` listing all problems."""
    rules: list[CompiledRule] = []
    for directory in directories:
        rules += [rule_from_entry(entry, directory) for entry in compile_directory(directory)]
    errors = list(duplicates(rules))
    if errors:
        raise RuleLoadError(errors)
    return rules


def compile_directory(directory: Path) -> list[Entry]:
    """The catalogue entries of the rule files below `directory` (sources relative to it)."""
    entries: list[Entry] = []
    errors: list[InputError] = []
    for path in rule_files([directory]):
        loaded = compile_rule_file(path)
        if isinstance(loaded, dict):
            entries.append({**loaded, "source": path.relative_to(directory).as_posix()})
        else:
            errors.extend(loaded)
    if errors:
        raise RuleLoadError(errors)
    return entries


def load_rule_file(path: Path) -> CompiledRule | list[InputError]:
    """One rule file, compiled (its problems, when it has any)."""
    entry = compile_rule_file(path)
    return rule_from_entry({**entry, "source": path.name}, path.parent) if isinstance(entry, dict) else entry


def compile_rule_file(path: Path) -> Entry | list[InputError]:
    data = read_rule_data(path)
    if isinstance(data, list):
        return data
    return _RuleBuilder(path).build(data)


class _RuleBuilder:
    """Validate one parsed rule file step by step, locating each problem in its text."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.error = RuleText(path).error

    def build(self, data: dict[str, Any]) -> Entry | list[InputError]:
        try:
            spec = RuleSpec.model_validate(data)
        except ValidationError as error:
            return [self.error(yaml_location(e["loc"]), e["msg"]) for e in error.errors()]
        function = get_function(spec.then.function)
        if function is None:
            return [self.error(("then", "function"), _unknown_function(spec.then.function))]
        try:
            options = validated_options(function.options, spec.then.options)
        except ValidationError as error:
            return [self._option_error(e) for e in error.errors()]
        problem = self._selector_problem(spec)
        if problem is not None:
            return [problem]
        when = [condition.data() for condition in spec.when]
        compile_conditions(when)
        return _entry(spec, function.module, options, when)

    def _option_error(self, error: Any) -> InputError:
        location = ("then", "options", *yaml_location(error["loc"]))
        return self.error(location, f"invalid option: {error['msg']}")

    def _selector_problem(self, spec: RuleSpec) -> InputError | None:
        for index, expression in enumerate(spec.given):
            try:
                Selector(expression)
            except Exception as error:  # jsonpath-ng raises several unrelated types
                return self.error(("given", index), f"invalid JSONPath {expression!r}: {error}")
        return None


def _entry(spec: RuleSpec, module: str, options: dict[str, Any], when: list[dict[str, Any]]) -> Entry:
    """What linting needs of a rule, as plain data (see `p1lint.rules.entries`)."""
    return {
        "id": spec.id, "name": spec.name, "title": spec.title, "severity": spec.severity,
        "profiles": dict(spec.profiles),
        "scope": spec.scope, "clock": spec.clock, "requires": spec.requires, "protocols": spec.protocols,
        "given": spec.given, "when": when, "function": spec.then.function, "module": module,
        "options": options, "field": spec.then.field, "message": spec.message,
        "docs": spec.docs or _default_docs(spec),
    }


def _default_docs(spec: RuleSpec) -> str:
    """A rule without `docs` links to its section of p1lint's rule reference, or, for a rule of
    the user's own (its own id prefix, not in that reference), to its first reference."""
    return default_docs(spec.id, spec.name) if is_builtin(spec.id) else spec.references[0].url


def _unknown_function(name: str) -> str:
    known = list(all_functions())
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"
    return f"unknown function {name!r}{hint}"
