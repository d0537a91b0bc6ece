"""Map JSON Pointers to source line/column, built only for files that have findings: for JSON by
one pass over its tokens (`jsonpositions`), for YAML by one walk over libyaml's node tree. Lines
and columns are those an editor shows (see `lines`): YAML marks are placed by their character
offset, never by libyaml's own line count, which also breaks lines at U+0085, U+2028 and U+2029.
"""

from __future__ import annotations

from typing import Any

from p1lint.documents.lines import LineIndex
from p1lint.pointer import Key, Pointer

Position = tuple[int, int]


class PositionMap:
    """Pointer → (line, column) of the value; unknown pointers fall back to their nearest ancestor."""

    def __init__(self, positions: dict[Pointer, Position]) -> None:
        self._positions = positions

    @classmethod
    def from_json(cls, text: str) -> PositionMap:
        from p1lint.documents.jsonpositions import json_positions

        return cls(json_positions(text))

    @classmethod
    def from_text(cls, text: str) -> PositionMap:
        import yaml

        from p1lint.documents.yamlloader import data_loader

        try:
            root = yaml.compose(text, Loader=data_loader())
        except (yaml.YAMLError, RecursionError):
            return cls({})
        positions: dict[Pointer, Position] = {}
        if root is not None:
            _walk(root, (), positions, LineIndex(text))
        return cls(positions)

    def locate(self, pointer: Pointer) -> Position:
        for end in range(len(pointer), -1, -1):
            found = self._positions.get(pointer[:end])
            if found is not None:
                return found
        return (1, 1)


def _walk(root: Any, root_pointer: Pointer, positions: dict[Pointer, Position], lines: LineIndex) -> None:
    import yaml

    stack: list[tuple[Any, Pointer]] = [(root, root_pointer)]
    seen: set[int] = set()
    while stack:
        node, pointer = stack.pop()
        if id(node) in seen:  # an alias: its value was placed where the anchor is
            continue
        seen.add(id(node))
        positions[pointer] = lines.position(node.start_mark.index)
        if isinstance(node, yaml.MappingNode):  # reversed: a repeated key's last value wins, as in the data
            stack.extend((value, (*pointer, _key(key))) for key, value in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*pointer, index)) for index, item in enumerate(node.value))


def _key(node: Any) -> Key:
    value = node.value
    return value if isinstance(value, str) else str(value)


_ESCAPE_LENGTH = {"u": 6, "x": 4, "U": 10}


def position_in_scalar(lines: list[str], line: int, column: int, offset: int) -> Position:
    """Line and column of the `offset`-th character of the scalar that starts at `line:column`,
    stepping over the opening quote, escapes (`\\n`, `\\u00e9`, YAML's `''`) and, for YAML values
    that span lines (folded or literal blocks, long quoted or plain scalars), over each line break
    and the indentation after it — one character of the value each."""
    row, index = line - 1, column - 1
    text = lines[row]
    quote = text[index] if index < len(text) and text[index] in "\"'" else ""
    if index < len(text) and text[index] in "|>":
        row, index = _block_start(lines, row)
    else:
        index += len(quote)
    for _ in range(offset):
        if index >= len(lines[row]) and row + 1 < len(lines):
            row += 1
            index = len(lines[row]) - len(lines[row].lstrip())
        elif index < len(lines[row]):
            index += _char_width(lines[row], index, quote)
    return row + 1, index + 1


def _block_start(lines: list[str], row: int) -> tuple[int, int]:
    """The first content character of a block scalar whose indicator (`|`, `>-`) is on `row`."""
    for following in range(row + 1, len(lines)):
        if lines[following].strip():
            return following, len(lines[following]) - len(lines[following].lstrip())
    return row, len(lines[row])
def _char_width(line: str, index: int, quote: str) -> int:
    if quote == '"' and line[index] == "\\" and index + 1 < len(line):
        return _ESCAPE_LENGTH.get(line[index + 1], 2)
    if quote == "'" and line.startswith("''", index):
        return 2
    return 1
