"""Read input paths into plain data; every failure becomes an `InputError`, never an exception."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from p1lint.documents.files import (
    DEFAULT_MAX_FILE_SIZE,
    ReadProblem,
    Unlisted,
    read_regular_file,
    read_stream,
    walk_files,
)
from p1lint.findings import InputError

DATA_SUFFIXES = (".json", ".yaml", ".yml")
STDIN_NAME = "-"


@dataclass
class SourceDocument:
    """A parsed input file: its text, its plain data and a lazily built position map."""

    name: str
    text: str
    data: Any
    duplicate_keys: tuple[tuple[str | int, ...], ...] = ()
    is_json: bool = False
    _positions: Any = field(default=None, repr=False)
    _lines: list[str] | None = field(default=None, repr=False)
    _repeats: dict[int, dict[tuple[str | int, ...], list[tuple[str | int, ...]]]] = field(
        default_factory=dict, repr=False)

    def position(self, pointer: tuple[str | int, ...]) -> tuple[int, int]:
        """Line and column (1-based) of the value at `pointer`, or of its nearest ancestor."""
        if self._positions is None:
            from p1lint.documents.positions import PositionMap

            build = PositionMap.from_json if self.is_json else PositionMap.from_text
            self._positions = build(self.text)
        return self._positions.locate(pointer)  # type: ignore[no-any-return]

    def repeated_keys_below(self, prefix: tuple[str | int, ...]) -> tuple[tuple[str | int, ...], ...]:
        """The repeated keys inside the value at `prefix`, relative to it; grouped once per file,
        not searched once per application."""
        if not self.duplicate_keys:
            return ()
        length = len(prefix)
        groups = self._repeats.get(length)
        if groups is None:
            groups = self._repeats[length] = {}
            for pointer in self.duplicate_keys:
                if len(pointer) >= length:
                    groups.setdefault(pointer[:length], []).append(pointer[length:])
        return tuple(groups.get(prefix, ()))

    def position_in_string(self, pointer: tuple[str | int, ...], offset: int) -> tuple[int, int]:
        """Line and column of character `offset` inside the string value at `pointer`."""
        from p1lint.documents.lines import split_lines
        from p1lint.documents.positions import position_in_scalar

        line, column = self.position(pointer)
        if self._lines is None:  # split once per file, not once per finding
            self._lines = split_lines(self.text)
        lines = self._lines
        if not 0 < line <= len(lines):
            return line, column
        return position_in_scalar(lines, line, column, offset)


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories recursively into their JSON/YAML files, in a stable order. Hidden files
    and directories (`.git`, `.github`, ...) below a given directory are skipped; a path given
    twice (or standard input named twice) is read once. A directory that cannot be listed comes
    out as `Unlisted`, one without any JSON or YAML file as `EmptyDirectory`."""
    for raw in dict.fromkeys(paths):
        if raw != STDIN_NAME and os.path.isdir(raw):
            found = sorted(walk_files(raw, DATA_SUFFIXES))
            yield from [_walked(name) for name in found] if found else [EmptyDirectory(raw)]
        else:
            yield raw


class EmptyDirectory(str):
    """A directory argument with no JSON or YAML file below it: reported, never silently passed."""


class WalkedFile(str):
    """A file found below a directory argument, not named by the user: one that is not a PingOne
    document (a `package.json`, a workflow file) is skipped with a notice, not reported as bad."""


def _walked(name: str) -> str:
    return name if isinstance(name, Unlisted) else WalkedFile(name)


def read_source(
    name: str, stdin_name: str = "<stdin>", max_size: int = DEFAULT_MAX_FILE_SIZE
) -> SourceDocument | InputError:
    """Read and parse one path (or standard input for `-`), reading at most `max_size` bytes."""
    if isinstance(name, EmptyDirectory):
        return InputError(name, 1, 1, "no JSON or YAML files found in this directory")
    if isinstance(name, Unlisted):
        return InputError(name, 0, 0, name.reason)
    display = stdin_name if name == STDIN_NAME else name
    try:
        if name == STDIN_NAME:
            raw = read_stream(sys.stdin.buffer, max_size)
        else:
            raw = read_regular_file(name, max_size)
    except ReadProblem as problem:
        return InputError(display, 1, 1, str(problem))
    except OSError as error:
        return InputError(display, 1, 1, f"cannot read file: {error.strerror or type(error).__name__}")
    return parse_bytes(display, raw)


def parse_bytes(name: str, raw: bytes) -> SourceDocument | InputError:
    """Decode and parse `raw`; the format follows the file suffix, content decides for stdin."""
    text = _decode(name, raw)
    if isinstance(text, InputError):
        return text
    if not text.strip():
        return InputError(name, 1, 1, "empty file: expected an application object or a list")
    if _looks_like_json(name, text):
        return _parse_json(name, text)
    return _parse_yaml(name, text)


def _decode(name: str, raw: bytes) -> str | InputError:
    if b"\x00" in raw:
        return InputError(name, 1, 1, "binary file: expected JSON or YAML text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        from p1lint.documents.lines import byte_position

        line, column = byte_position(raw, error.start)
        return InputError(name, line, column, f"not UTF-8 text: invalid byte 0x{raw[error.start]:02x}")


def _looks_like_json(name: str, text: str) -> bool:
    suffix = Path(name).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return False
    return suffix == ".json" or text.lstrip()[:1] in ("{", "[")


def _parse_json(name: str, text: str) -> SourceDocument | InputError:
    from p1lint.documents.duplicates import RepeatedKeys, locate
    from p1lint.documents.strictjson import loads

    repeats = RepeatedKeys()
    try:
        data = loads(text, object_pairs_hook=repeats.json_object)
    except json.JSONDecodeError as error:
        from p1lint.documents.lines import LineIndex

        line, column = LineIndex(text).position(error.pos)
        return InputError(name, line, column, f"invalid JSON: {_json_hint(error)}")
    except RecursionError:
        return InputError(name, 1, 1, "invalid JSON: nested too deeply")
    return SourceDocument(name, text, data, locate(data, repeats.found), is_json=True)


def _json_hint(error: json.JSONDecodeError) -> str:
    """The decoder's message, plus the usual cause when it is a trailing comma."""
    before = error.doc[: error.pos].rstrip()
    if before.endswith(",") and error.doc[error.pos : error.pos + 1] in ("]", "}"):
        return f"{error.msg} (a trailing comma is not allowed in JSON)"
    return error.msg


def _parse_yaml(name: str, text: str) -> SourceDocument | InputError:
    import yaml

    loader = _yaml_loader()(text)
    try:
        documents = list(_documents(loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _mark_position(text, mark)
        return InputError(name, line, column, f"invalid YAML: {yaml_problem(error)}")
    except yaml.YAMLError:
        return InputError(name, 1, 1, "invalid YAML")
    except RecursionError:
        return InputError(name, 1, 1, "invalid YAML: nested too deeply")
    finally:
        loader.dispose()
    if len(documents) != 1:
        return InputError(name, 1, 1, f"expected one YAML document, found {len(documents)}")
    if "*" in text and _expands_too_far(documents[0], MAX_EXPANDED_VALUES + len(text)):
        message = "YAML aliases expand the document far beyond its size (recursive or nested aliases)"
        return InputError(name, *_first_alias(text), message)
    from p1lint.documents.duplicates import locate

    return SourceDocument(name, text, documents[0], locate(documents[0], loader.repeats.found))


def _mark_position(text: str, mark: Any) -> tuple[int, int]:
    from p1lint.documents.lines import LineIndex

    return LineIndex(text).position(mark.index) if mark else (1, 1)


MAX_EXPANDED_VALUES = 100_000
# PyYAML quotes input in its messages: one character is shown, a longer text is not (a tag,
# alias or anchor name may carry a value: `clientSecret: !hunter2`).
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_ONE_CHARACTER = re.compile(r"'(?:[^'\\]|\\[^xuU]|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8})'")


def yaml_problem(error: Any) -> str:
    """The parser's problem without any name quoted from the input; never its snippet of text."""
    problem = str(error.problem or error.context or "cannot be parsed")
    if problem.startswith("could not determine a constructor for the tag"):
        return "a tag (!name) that p1lint does not read; write the plain value"
    return _QUOTED.sub(_quoted_character_only, problem)


def _quoted_character_only(match: re.Match[str]) -> str:
    return match[0] if _ONE_CHARACTER.fullmatch(match[0]) else "(a name from the file)"


def _expands_too_far(data: Any, budget: int) -> bool:
    """Aliases share values: a recursive alias or a "billion laughs" document is small on disk but
    endless to walk. A walk meets each mapping and sequence once per place it appears; one met again
    is an alias, and every value walked below it counts. The budget is `MAX_EXPANDED_VALUES` plus
    one value per character of the text, so what rules walk stays proportional to the file; the walk
    stops there, so a large document without aliases costs one pass and a bomb a bounded one."""
    seen: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    expanded = 0
    while stack:
        node, aliased = stack.pop()
        expanded += aliased
        if expanded > budget:
            return True
        if isinstance(node, dict | list):
            again = aliased or id(node) in seen
            seen.add(id(node))
            stack.extend((child, again) for child in (node.values() if isinstance(node, dict) else node))
    return False


def _first_alias(text: str) -> tuple[int, int]:
    """Where the first alias (`*name`) of a YAML text is written."""
    import yaml

    from p1lint.documents.lines import LineIndex

    for event in yaml.parse(text, Loader=_yaml_loader()):
        if isinstance(event, yaml.AliasEvent):
            return LineIndex(text).position(event.start_mark.index) if event.start_mark else (1, 1)
    return 1, 1


def _documents(loader: Any) -> Iterator[Any]:
    while loader.check_data():
        yield loader.get_data()


def _yaml_loader() -> Any:
    from p1lint.documents.yamlloader import data_loader

    return data_loader()
