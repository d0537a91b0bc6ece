"""The text of HCL strings: quoted templates and heredocs, as values and as positions.

A quoted string's literal text has escapes (`\\n`, `\\r`, `\\t`, `\\"`, `\\\\`, `\\uNNNN`,
`\\UNNNNNNNN`); in both kinds `$${` and `%%{` are the literal `${` and `%{`. A heredoc (`<<EOF`)
is the lines up to its marker, the last line break included; `<<-EOF` also removes from each line
the least indentation (spaces or tabs) of its non-blank lines. `offset_in_string` walks the same
rules backwards: where, in the file, the n-th character of the value is written.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# One unit of literal text: an escape, an escaped `${`/`%{`, or one character.
_QUOTED_UNIT = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|\$\$\{|%%\{|[\s\S]", re.DOTALL)
_HEREDOC_UNIT = re.compile(r"\$\$\{|%%\{|[\s\S]")
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_HEREDOC_HEAD = re.compile(r"<<(-?)([^\W\d][\w-]*)\r?\n")
_LITERAL_HEREDOC = re.compile(r"(?:[^$%]|\$\$\{|%%\{|\$(?!\{)|%(?!\{))*")


class BadEscape(ValueError):
    """An escape that is no character; `index` is where it starts in the literal text."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index
        self.message = message


def decode_quoted(literal: str) -> str:
    """The value of the literal text of a quoted string (between its quotes, no `${`)."""
    return "".join(_quoted_unit(match[0], match.start()) for match in _QUOTED_UNIT.finditer(literal))


def _quoted_unit(unit: str, index: int) -> str:
    if len(unit) == 1 or unit[0] != "\\":
        return unit[1:] if unit in ("$${", "%%{") else unit
    if unit[1] in "uU":
        return _code_point(int(unit[2:], 16), index)
    return _SIMPLE_ESCAPES[unit[1]]


def _code_point(number: int, index: int) -> str:
    if 0xD800 <= number <= 0xDFFF:
        raise BadEscape(index, "a \\u escape of a surrogate (D800 to DFFF) is no character; "
                               "write the character as \\UNNNNNNNN")
    if number > 0x10FFFF:
        raise BadEscape(index, "a \\U escape beyond 10FFFF is no Unicode character")
    return chr(number)


class Heredoc(NamedTuple):
    flush: bool  # `<<-`
    body: int  # offset of its first line, within the heredoc's text
    content: str  # its lines, the last line break included, as written


def split_heredoc(token: str) -> Heredoc:
    """The parts of a heredoc's whole text, `<<EOF` to the closing marker."""
    head = _HEREDOC_HEAD.match(token)
    assert head is not None  # the grammar's HEREDOC token starts so
    closing = token.rstrip("\r\n").rfind("\n") + 1
    return Heredoc(head[1] == "-", head.end(), token[head.end() : max(closing, head.end())])


def is_literal_heredoc(content: str) -> bool:
    return _LITERAL_HEREDOC.fullmatch(content) is not None


def heredoc_value(heredoc: Heredoc) -> str:
    """The value of a heredoc that neither interpolates nor has directives."""
    content = heredoc.content
    if heredoc.flush:
        cut = indentation(content)
        content = "".join(line[_strip(line, cut) :] for line in content.splitlines(keepends=True))
    return content.replace("$${", "${").replace("%%{", "%{")


def indentation(content: str) -> int:
    """The least indentation of the non-blank lines of a `<<-` heredoc."""
    widths = [len(line) - len(line.lstrip(" \t")) for line in content.split("\n") if line.strip()]
    return min(widths, default=0)


def _strip(line: str, cut: int) -> int:
    """How many characters of indentation `<<-` removes from `line`."""
    return min(cut, len(line) - len(line.lstrip(" \t")))


def offset_in_string(text: str, start: int, end: int, offset: int) -> int | None:
    """The offset in `text` of character `offset` of the literal string written from `start` to
    `end` (a quoted string or a heredoc); None when what is written there is not one."""
    if text.startswith('"', start):
        return _walk(text, start + 1, offset, _QUOTED_UNIT, end)
    if _HEREDOC_HEAD.match(text, start) is None:
        return None
    heredoc = split_heredoc(text[start:end])
    cut = indentation(heredoc.content) if heredoc.flush else 0
    index = start + heredoc.body
    for line in heredoc.content.splitlines(keepends=True):
        skip = _strip(line, cut)
        length = len(line) - skip - line.count("$${") - line.count("%%{")
        if offset < length:
            return _walk(text, index + skip, offset, _HEREDOC_UNIT, end)
        offset, index = offset - length, index + len(line)
    return index if offset == 0 else end


def _walk(text: str, index: int, offset: int, unit: re.Pattern[str], end: int) -> int | None:
    """Step over `offset` characters of a literal value from `index`; None at a `${` or `%{`:
    the value is not literal. `$${` is two characters of the value written in three. Just past the
    last character is where the closing quote is; further is the end of the value, `end`."""
    while not text.startswith(("${", "%{"), index):
        match = unit.match(text, index)
        if match is None or (match[0] == '"' and unit is _QUOTED_UNIT):
            return index if offset == 0 else end
        width = 2 if match[0] in ("$${", "%%{") else 1
        if offset < width:
            return index + 2 * offset
        offset, index = offset - width, match.end()
    return None
