"""Lines and columns as an editor shows them, for JSON and YAML alike.

A line ends at `\\n`, `\\r\\n` or `\\r` — nothing else. These are JSON's line terminators
(RFC 8259 allows them only as whitespace), the end-of-line sequences of the Language Server
Protocol ("the protocol specifies the following end-of-line sequences: '\\n', '\\r\\n' and '\\r'")
and what editors, GitHub and terminals break lines at. Other characters that Python's
`str.splitlines` treats as line breaks (`\\x0b`, `\\x0c`, `\\x1c`-`\\x1e`, `\\x85`, U+2028, U+2029)
are characters of their line. YAML 1.1 and PyYAML also break lines at `\\x85`, U+2028 and U+2029
(YAML 1.2 no longer does), so YAML positions are computed from the character offset of each
libyaml mark, never from its line and column. A column counts characters (code points) from 1.
"""

from __future__ import annotations

import re
from bisect import bisect_right

LINE_BREAK = re.compile(r"\r\n?|\n")


class LineIndex:
    """Offset → (line, column), 1-based, by a binary search over the line starts."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(match.end() for match in LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def split_lines(text: str) -> list[str]:
    """The lines of `text` without their terminators (only `\\n`, `\\r\\n` and `\\r` end a line);
    a final terminator ends the last line, as in `str.splitlines`."""
    lines = LINE_BREAK.split(text)
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in bytes) of byte `offset` of undecodable input, with the same line breaks."""
    before = raw[:offset]
    starts = [match.end() for match in re.finditer(rb"\r\n?|\n", before)]
    return len(starts) + 1, offset - (starts[-1] if starts else 0) + 1
