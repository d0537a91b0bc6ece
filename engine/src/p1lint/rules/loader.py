"""Load rule files: YAML → `RuleSpec` → `CompiledRule`, every problem as `file:line:col: message`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from p1lint.documents.files import Unlisted, walk_files
from p1lint.findings import InputError, P1LintError
from p1lint.functions import all_functions, as_options, get_function
from p1lint.rules.compiled import CompiledRule
from p1lint.rules.conditions import compile_conditions
from p1lint.rules.selectors import Selector
from p1lint.rules.spec import RuleSpec

RULE_SUFFIXES = (".yaml", ".yml")


class RuleLoadError(P1LintError):
    """One or more rule files are invalid; `errors` holds each problem with its position."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


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
    """Load every rule file below `directories`; raise `RuleLoadError` listing all problems."""
    rules: list[CompiledRule] = []
    errors: list[InputError] = []
    for path in rule_files(directories):
        loaded = load_rule_file(path)
        if isinstance(loaded, CompiledRule):
            rules.append(loaded)
        else:
            errors.extend(loaded)
    errors.extend(_duplicates(rules))
    if errors:
        raise RuleLoadError(errors)
    return rules


def load_rule_file(path: Path) -> CompiledRule | list[InputError]:
    """Rule files are parsed on every run: no cache of their data is kept between runs, as a
    tampered one could change which rules exist and what they check."""
    data = _read_and_parse(path)
    if isinstance(data, list):
        return data
    return _RuleBuilder(path).build(data)


def _read_and_parse(path: Path) -> Any:
    from p1lint.documents.files import ReadProblem, read_regular_file

    try:
        text = read_regular_file(str(path)).decode("utf-8")
    except (OSError, UnicodeDecodeError, ReadProblem) as error:
        return [InputError(str(path), 1, 1, f"cannot read rule file: {error}")]
    data = _parse(path, text)
    return [data] if isinstance(data, InputError) else data


def _parse(path: Path, text: str) -> Any:
    from p1lint.documents.sources import parse_bytes

    if not text.strip():
        return InputError(str(path), 1, 1, "empty rule file")
    parsed = parse_bytes(str(path.with_suffix(".yaml")), text.encode("utf-8"))
    if isinstance(parsed, InputError):
        return parsed._replace(file=str(path))
    if not isinstance(parsed.data, dict):
        return InputError(str(path), 1, 1, "a rule file holds one mapping (id, name, title, ...)")
    if parsed.duplicate_keys:
        repeated = parsed.duplicate_keys[0]
        line, column = parsed.position(repeated)
        where = ".".join(str(part) for part in repeated)
        return InputError(str(path), line, column, f"{where}: key written more than once")
    return parsed.data


class _RuleBuilder:
    """Validate one parsed rule file step by step, locating each problem in its text."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._positions: Any = None

    def error(self, location: tuple[str | int, ...], message: str) -> InputError:
        if self._positions is None:
            from p1lint.documents.yamlformat import YAML

            self._positions = YAML.locator(self.path.read_text(encoding="utf-8"))
        line, column, _, _ = self._positions.span(location)
        where = ".".join(str(part) for part in location)
        return InputError(str(self.path), line, column, f"{where}: {message}" if where else message)

    def build(self, data: dict[str, Any]) -> CompiledRule | list[InputError]:
        try:
            spec = RuleSpec.model_validate(data)
        except ValidationError as error:
            return [self.error(_location(e["loc"]), e["msg"]) for e in error.errors()]
        function = get_function(spec.then.function)
        if function is None:
            return [self.error(("then", "function"), _unknown_function(spec.then.function))]
        try:
            options = as_options(function, spec.then.options)
        except ValidationError as error:
            return [self._option_error(e) for e in error.errors()]
        selectors = self._selectors(spec)
        if isinstance(selectors, InputError):
            return [selectors]
        applies = compile_conditions(spec.when)
        return CompiledRule(spec, self.path, selectors, applies, function, options)

    def _option_error(self, error: Any) -> InputError:
        location = ("then", "options", *_location(error["loc"]))
        return self.error(location, f"invalid option: {error['msg']}")

    def _selectors(self, spec: RuleSpec) -> tuple[Selector, ...] | InputError:
        selectors = []
        for index, expression in enumerate(spec.given):
            try:
                selectors.append(Selector(expression))
            except Exception as error:  # jsonpath-ng raises several unrelated types
                return self.error(("given", index), f"invalid JSONPath {expression!r}: {error}")
        return tuple(selectors)


def _location(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    aliases = {"in_": "in", "not_": "not"}
    return tuple(aliases.get(part, part) if isinstance(part, str) else part for part in loc)


def _unknown_function(name: str) -> str:
    known = list(all_functions())
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"
    return f"unknown function {name!r}{hint}"


def _duplicates(rules: list[CompiledRule]) -> Iterator[InputError]:
    seen: dict[str, CompiledRule] = {}
    for rule in rules:
        for key in (rule.id, rule.name):
            if key in seen:
                first = seen[key].source
                yield InputError(str(rule.source), 1, 1, f"{key!r} is already used by {first}")
            seen[key] = rule
