"""Output escaping: what every line p1lint writes does to the characters of file names and values."""

from __future__ import annotations

# Characters never written as they are: C0 and C1 controls (tab aside), line and paragraph
# separators, bidirectional overrides and isolates, zero-width and other invisible formatting
# characters (the BOM and Unicode tags among them), the noncharacters U+FFFE and U+FFFF, and
# lone surrogates (file names that are not UTF-8) — none can be shown, some are not even XML.
_ESCAPED = (
    *range(0x20), *range(0x7F, 0xA0), 0x061C, 0x180E, *range(0x200B, 0x2010), *range(0x2028, 0x202F),
    *range(0x2060, 0x2070), *range(0xD800, 0xE000), 0xFEFF, *range(0xFFF9, 0xFFFC), 0xFFFE, 0xFFFF,
    *range(0xE0000, 0xE0080),
)
# A line starting (after blanks) with these is a workflow command in GitHub Actions (`::error::`,
# `::add-mask::`, the older `##[...]`) or Azure Pipelines (`##vso[...]`).
WORKFLOW_COMMAND_STARTS = ("::", "##")


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


_CONTROL = {code: _escape(code) for code in _ESCAPED if code != 0x09}


def printable(text: str) -> str:
    """`text` with every character in `_ESCAPED` written as an escape, so that no file name or
    value can drive a terminal (ANSI escape sequences), reorder what a reader sees (bidi), hide
    text, forge lines in a CI log or break XML. The one place where output escaping is decided."""
    return text.translate(_CONTROL)


def printable_line(text: str) -> str:
    """`printable` for a text that starts a line: one that would start with a workflow command
    (a file named `::error::x.json`) has its first character escaped too."""
    shown = printable(text)
    body = shown.lstrip()
    if body.startswith(WORKFLOW_COMMAND_STARTS):
        shown = shown[: len(shown) - len(body)] + _escape(ord(body[0])) + body[1:]
    return shown


def printable_lines(text: str) -> str:
    """`printable_line` for each line of a multi-line text (line breaks kept, `\\r` escaped)."""
    return "\n".join(printable_line(line) for line in text.split("\n"))
