"""Positions inside a JSON or YAML string value: where its `offset`-th character is written."""

from __future__ import annotations

Position = tuple[int, int]

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
