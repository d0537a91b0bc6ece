"""A rule file as text: read it, parse it, validate its whole model, and locate a problem in it
(`file:line:col`). Used when rules are compiled and when a command needs a rule's full text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from p1lint.findings import InputError
from p1lint.rules.errors import RuleLoadError
from p1lint.rules.spec import RuleSpec


def read_spec(path: Path) -> RuleSpec:
    """The validated model of a rule file (for its description, references and examples)."""
    data = read_rule_data(path)
    if isinstance(data, list):
        raise RuleLoadError(data)
    try:
        return RuleSpec.model_validate(data)
    except ValidationError as error:
        text = RuleText(path)
        raise RuleLoadError([text.error(yaml_location(e["loc"]), e["msg"]) for e in error.errors()]) from None


def read_rule_data(path: Path) -> Any:
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


class RuleText:
    """Positions of a rule file's keys and items, worked out when a first problem needs one."""

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


def yaml_location(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    aliases = {"in_": "in", "not_": "not"}
    return tuple(aliases.get(part, part) if isinstance(part, str) else part for part in loc)
