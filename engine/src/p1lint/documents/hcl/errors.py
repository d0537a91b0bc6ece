"""lark's syntax errors → an `HclError`: where, and why in HCL's terms.

A message names punctuation and kinds of token ("a name", "text"), never the text of a name,
string or number: an unquoted `secret = hunter2 x` must not print `hunter2` or `x`."""

from __future__ import annotations

from typing import Any

from p1lint.documents.hcl.lexer import NEWLINES_IGNORED


class HclError(Exception):
    """A text that is not valid HCL: `offset` is where, `message` says why (never quoting it)."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message



PUNCTUATION = {
    "LBRACE": "{", "RBRACE": "}", "LSQB": "[", "RSQB": "]", "LPAR": "(", "RPAR": ")", "QUOTE": '"',
    "INTERPOLATION": "${", "DIRECTIVE": "%{", "STRIP": "~", "ELLIPSIS": "...", "EQUAL": "=",
    "COLON": ":", "COMMA": ",", "DOT": ".", "QMARK": "?", "STAR": "*", "BANG": "!", "MINUS": "-",
    "PLUS": "+", "SLASH": "/", "PERCENT": "%", "LESSTHAN": "<", "MORETHAN": ">", "OR": "||", "AND": "&&",
    "EQ": "==", "NE": "!=", "LE": "<=", "GE": ">=", "ARROW": "=>", "NAMESPACE": "::",
}  # fmt: skip
KINDS = {
    "IDENTIFIER": "name", "NUMBER": "number", "HEREDOC": "heredoc", "_NL": "line break",
    "LITERAL_STRING": "string",
    "FOR": "for", "IN": "in", "IF": "if", "ELSE": "else", "ENDIF": "endif", "ENDFOR": "endfor",
}  # fmt: skip
OPERATORS = frozenset({"OR", "AND", "EQ", "NE", "LESSTHAN", "MORETHAN", "LE", "GE", "PLUS", "MINUS", "STAR",
                       "SLASH", "PERCENT", "QMARK"})
IGNORED = frozenset({"WHITESPACE", "COMMENT", "INLINE_COMMENT"})
CLOSERS = {"LSQB": "RSQB", "LPAR": "RPAR", "INTERPOLATION": "RBRACE", "DIRECTIVE": "RBRACE", "FOR": "RBRACE"}
# What lark's lexer gives when no token fits where the parser is: its match among all tokens.
FALLBACK = frozenset({"STRING_TEXT", "HEREDOC_TEXT"})
EXPRESSION_STARTS = frozenset({"IDENTIFIER", "NUMBER", "QUOTE", "HEREDOC"})
OPENED = {"LBRACE": "{", "LSQB": "[", "LPAR": "(", "QUOTE": '"', "INTERPOLATION": "${",
          "DIRECTIVE": "%{", "FOR": "{", "BLOCK": "{"}  # fmt: skip
ESCAPES = "\\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN"
SPECIAL = {
    "<<": "a heredoc (<<MARKER or <<-MARKER, then a line break) whose marker never comes again "
          "alone on a line",
    "/*": "a comment (/*) that is never closed with */",
    "\\": f"an escape a quoted string cannot have: the escapes are {ESCAPES}",
    "\r": "a carriage return not followed by a line feed",
}  # fmt: skip


def syntax_error(error: Any, text: str, still_open: list[tuple[str, int]]) -> HclError:
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF

    if isinstance(error, UnexpectedCharacters):
        return _at_character(text, error.pos_in_stream or 0, set(error.allowed or ()), still_open)
    token = getattr(error, "token", None)
    if isinstance(error, UnexpectedEOF) or token is None or token.type == "$END":
        return _unclosed(text, still_open)
    expected = set(error.expected)
    if token.type in FALLBACK and token.type not in expected:
        return _at_character(text, token.start_pos or 0, expected, still_open)
    if token.type == "_NL" and "QUOTE" in expected and "STRING_TEXT" in expected:
        opened = [offset for kind, offset in still_open if kind == "QUOTE"]
        return HclError(opened[-1] if opened else token.start_pos or 0,
                        'a quoted string must end on its line: close it with " (or write text of several '
                        "lines as a heredoc)")
    return HclError(token.start_pos or 0, f"unexpected {_token(token)}{_expected(expected, still_open)}")


def _at_character(text: str, offset: int, expected: set[str], still_open: list[tuple[str, int]]) -> HclError:
    """An error where no token of the grammar fits: a known mistake, or what the text has there."""
    for start, message in SPECIAL.items():
        if text.startswith(start, offset):
            return HclError(offset, message)
    found = _character(text[offset : offset + 1])
    return HclError(offset, f"unexpected {found}{_expected(expected, still_open)}")


def _character(character: str) -> str:
    if character.isidentifier():
        return "name"
    if character.isdigit():
        return "number"
    if character.isascii() and character.isprintable() and not character.isspace():
        return repr(character)
    return "character"


def _unclosed(text: str, still_open: list[tuple[str, int]]) -> HclError:
    if still_open:
        kind, offset = still_open[-1]
        return HclError(offset, f"this {OPENED[kind]!r} is never closed")
    return HclError(len(text), "unexpected end of the file")


def _token(token: Any) -> str:
    if token.type in PUNCTUATION:
        return repr(PUNCTUATION[token.type])
    return KINDS.get(token.type, "text")


def _expected(expected: set[str], still_open: list[tuple[str, int]]) -> str:
    """What could have come instead, in a few words; nothing when it is too much to say."""
    innermost = still_open[-1][0] if still_open else None
    expected = expected - IGNORED - ({"_NL"} if innermost in NEWLINES_IGNORED else set())
    if expected and expected - {"_NL", "RBRACE"} == {"IDENTIFIER"}:
        return "; expected an attribute or a block" + (' or "}"' if "RBRACE" in expected else "")
    if expected >= EXPRESSION_STARTS:
        return "; expected a value"
    if {"EQUAL", "LBRACE", "QUOTE"} <= expected:
        return '; expected "=" (an attribute) or a block\'s labels and "{"'
    if "_NL" in expected:
        return "; expected ',' or a line break" if innermost == "LBRACE" and "COMMA" in expected else (
            "; expected a line break")
    return _listed(expected, CLOSERS.get(innermost or ""))


def _listed(expected: set[str], closer: str | None) -> str:
    shown = [repr(PUNCTUATION[name]) for name in sorted(expected - OPERATORS) if name in PUNCTUATION]
    if closer is not None and closer in expected:
        shown = [repr(PUNCTUATION[name]) for name in ("COMMA", closer) if name in expected]
    if expected & OPERATORS:
        shown.insert(0, "an operator")
    return f"; expected {', '.join(shown[:-1])} or {shown[-1]}" if 1 < len(shown) <= 4 else (
        f"; expected {shown[0]}" if shown else "")
