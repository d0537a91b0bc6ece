"""YAML input: one document, read by libyaml (imported only for YAML files) into JSON's data
model; aliases that expand far beyond the file are refused; errors never quote the input."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from p1lint.documents.document import InputFormat, SourceDocument
from p1lint.findings import InputError

if TYPE_CHECKING:
    from p1lint.documents.spans import Locator


class YamlFormat:
    name: str = "YAML"
    suffixes: tuple[str, ...] = (".yaml", ".yml")

    def sniff(self, name: str, text: str) -> bool:
        """Any text: YAML is the format of last resort (JSON text is YAML too)."""
        return True

    def parse(self, name: str, text: str) -> SourceDocument | InputError:
        return _parse(name, text, self)

    def locator(self, text: str) -> Locator:
        from p1lint.documents.spans import OffsetLocator
        from p1lint.documents.yamlpositions import yaml_offsets

        return OffsetLocator(text, yaml_offsets(text))


def _parse(name: str, text: str, form: InputFormat) -> SourceDocument | InputError:
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

    return SourceDocument(name, text, documents[0], form, locate(documents[0], loader.repeats.found))


def _mark_position(text: str, mark: Any) -> tuple[int, int]:
    from p1lint.documents.lines import LineIndex

    return LineIndex(text).position(mark.index) if mark else (1, 1)


MAX_EXPANDED_VALUES = 100_000
# PyYAML quotes input in its messages: one character is shown, a longer text is not (a tag,
# alias or anchor name may carry a value: `clientSecret: !hunter2`). Patterns as text: `re`
# compiles them on the first YAML error, not at start-up.
_QUOTED = r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\""
_ONE_CHARACTER = r"'(?:[^'\\]|\\[^xuU]|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8})'"


def yaml_problem(error: Any) -> str:
    """The parser's problem without any name quoted from the input; never its snippet of text."""
    problem = str(error.problem or error.context or "cannot be parsed")
    if problem.startswith("could not determine a constructor for the tag"):
        return "a tag (!name) that p1lint does not read; write the plain value"
    return re.sub(_QUOTED, _quoted_character_only, problem)


def _quoted_character_only(match: re.Match[str]) -> str:
    return match[0] if re.fullmatch(_ONE_CHARACTER, match[0]) else "(a name from the file)"


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


YAML = YamlFormat()
