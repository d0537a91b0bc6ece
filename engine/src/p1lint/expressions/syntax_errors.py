"""Turn a lark parse error into one friendly diagnostic: where, and what was expected there.

The parser state at the error tells what it would have accepted (`accepts`) and what it read just
before (the top of its value stack). From those and a scan of the brackets before the error, common
slips get a precise message: a missing operand after an operator, an unterminated string, a bracket
never closed or closed by the wrong character, chained comparisons, text around the `${...}`
wrapper.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from typing import NamedTuple

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from p1lint.expressions.diagnostics import Diagnostic, diagnostic

OPERAND_MARKERS = frozenset({"NAME", "SQ_STRING", "INT"})
OPERATOR_MARKERS = frozenset({"PLUS", "OR", "STAR"})
OPERAND_STARTS = frozenset({
    "NAME", "VARIABLE", "SQ_STRING", "DQ_STRING", "INT", "HEX", "REAL", "TRUE", "FALSE", "NULL",
    "TYPE_T", "BEAN_REF", "NEW", "LPAR", "LBRACE", "NOT", "BANG",
})  # fmt: skip
RELATIONAL = frozenset({
    "EQ", "EQ_WORD", "NE", "NE_WORD", "LT", "LT_WORD", "LE", "LE_WORD", "GT", "GT_WORD",
    "GE", "GE_WORD", "MATCHES", "BETWEEN", "INSTANCEOF",
})  # fmt: skip
CLOSERS = {"RPAR": ")", "RSQB": "]", "RBRACE": "}"}
PAIRS = {"(": ")", "[": "]", "{": "}"}
PUNCTUATION = {**CLOSERS, "COLON": ":", "COMMA": ",", "DOT": ".", "$END": "the end"}


class Opener(NamedTuple):
    char: str
    line: int
    column: int
    text: str


class Place(NamedTuple):
    line: int
    column: int


def describe_syntax_error(error: UnexpectedInput, source: str) -> Diagnostic:
    """One diagnostic for a value that does not parse."""
    if not source.strip():
        return diagnostic("syntax-error", "empty value: write an expression ${...} or a literal text", 1, 1)
    if not source.lstrip().startswith(("${", "$${")):
        return _not_a_template(error, source)
    if isinstance(error, UnexpectedToken):
        return _unexpected_token(error, source)
    if isinstance(error, UnexpectedCharacters):
        return _unexpected_character(error, source)
    place = Place(max(error.line or 1, 1), max(error.column or 1, 1))
    return _error("cannot parse the expression", place)


def _error(message: str, place: Place) -> Diagnostic:
    return diagnostic("syntax-error", message, place.line, place.column)


def _not_a_template(error: UnexpectedInput, source: str) -> Diagnostic:
    """Text before the `${...}`: PingOne evaluates a value that is one template, nothing else."""
    offset = source.find("${")
    line = source.count("\n", 0, offset) + 1
    return _error(_ONE_TEMPLATE, Place(line, offset - source.rfind("\n", 0, offset)))


_ONE_TEMPLATE = "the whole value must be one ${...} expression; join the parts inside it with ' + '"


# ---- characters the lexer cannot read -----------------------------------------------------------


def _unexpected_character(error: UnexpectedCharacters, source: str) -> Diagnostic:
    offset = error.pos_in_stream or 0
    char = source[offset] if offset < len(source) else ""
    place = Place(error.line, error.column)
    if char in "'\"":
        return _error(f"unterminated string: the {char} here is never closed", place)
    if char == "\\":
        return _error("a backslash escapes nothing here; double a quote instead ('it''s')", place)
    if char == "#":
        return _error("expected a name after '#', as in #this or #string.trim(...)", place)
    return _error(f"unexpected character {_describe_char(char)}", place)


def _describe_char(char: str) -> str:
    if char.isprintable() and not char.isspace():
        return repr(char)
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name.lower()})" if name else "")


# ---- tokens the parser cannot take --------------------------------------------------------------


class Context(NamedTuple):
    """What the parser saw: the token it could not take, what it would take, what it had read."""

    token: Token
    accepts: frozenset[str]
    stack: list[object]
    source: str
    place: Place

    @property
    def previous(self) -> Token | None:
        top = self.stack[-1] if self.stack else None
        return top if isinstance(top, Token) else None


def _unexpected_token(error: UnexpectedToken, source: str) -> Diagnostic:
    token: Token = error.token
    place = _end_of(source) if token.type == "$END" else Place(token.line or 1, token.column or 1)
    parser = error.interactive_parser
    stack = list(parser.parser_state.value_stack) if parser is not None else []
    context = Context(token, _accepted(error), stack, source, place)
    for rule in _TOKEN_RULES:
        message = rule(context)
        if message:
            return _error(message, place)
    expected = _expectation(context.accepts)
    return _error(f"unexpected {_describe_token(token)}; expected {expected}", place)


def _after_template(context: Context) -> str | None:
    if context.token.type == "TEMPLATE_OPEN":
        return _ONE_TEMPLATE
    if context.accepts == {"$END"}:
        return "unexpected text after the closing '}'"
    return None


def _missing_operand(context: Context) -> str | None:
    token, previous = context.token, context.previous
    if not OPERAND_MARKERS & context.accepts:
        return None
    if previous is None:
        return f"expected an operand, not {_describe_token(token)}"
    if previous.type != "TEMPLATE_OPEN":
        return f"expected an operand after '{previous}'"
    if token.type in ("RBRACE", "$END"):
        return "empty expression"
    return f"expected an operand at the start, not {_describe_token(token)}"


def _chained(context: Context) -> str | None:
    if context.token.type in RELATIONAL:
        return "comparisons cannot be chained; combine them with ' and '"
    if context.token.type == "POWER":
        return "'^' cannot be chained; add parentheses, as in (a ^ b) ^ c"
    return None


def _quote_in_string(context: Context) -> str | None:
    offset = context.token.start_pos or 0
    quote = context.source[offset - 1] if offset > 0 else ""
    if context.token.type in OPERAND_STARTS and quote in ("'", '"'):
        return f"the string ended at the {quote} before this; inside a string, double it ({quote * 2})"
    return None


def _missing_operator(context: Context) -> str | None:
    if context.token.type in OPERAND_STARTS and OPERATOR_MARKERS & context.accepts:
        return f"expected an operator (such as ' + ') before {_describe_token(context.token)}"
    return None


def _missing_colon(context: Context) -> str | None:
    if "COLON" not in context.accepts or context.token.type == "COLON":
        return None
    if any(isinstance(value, Token) and value.type == "QMARK" for value in context.stack):
        return "expected ':' to complete the conditional 'condition ? a : b'"
    return "expected ':' between the key and the value of the map entry"


def _after_dot(context: Context) -> str | None:
    previous, found = context.previous, _describe_token(context.token)
    if previous is not None and previous.type in ("DOT", "SAFE_NAV"):
        return f"expected a property name after '{previous}', not {found}"
    if previous is not None and previous.type == "NEW":
        return f"expected a type name after '{previous}', not {found}"
    return None


def _number_slip(context: Context) -> str | None:
    token, previous, source = context.token, context.previous, context.source
    offset = token.start_pos or 0
    if token.type == "DOT" and source[offset + 1 : offset + 2].isdigit():
        return "a number needs a digit before its point: write 0.5, not .5"
    if token.type == "NAME" and token in ("L", "l") and previous and previous.type == "REAL":
        return "only whole numbers can be long: drop the 'L' after a decimal"
    return None


def _bad_bracket(context: Context) -> str | None:
    closer = CLOSERS.get(context.token.type)
    if context.token.type != "$END" and closer is None:
        return None
    unclosed = _unclosed_openers(context.source, context.place)
    if closer and closer not in {PAIRS[opener.char] for opener in unclosed}:
        return f"'{closer}' has no matching opening bracket"
    if not unclosed or closer == PAIRS[unclosed[-1].char]:
        return None
    opener = unclosed[-1]
    where = f"line {opener.line}, column {opener.column}"
    what = f"'{PAIRS[opener.char]}' for the '{opener.text}' at {where}"
    return f"missing {what}" if closer is None else f"expected {what}, found '{closer}'"


_TOKEN_RULES = (
    _after_template, _after_dot, _number_slip, _missing_operand, _bad_bracket, _chained,
    _quote_in_string, _missing_operator, _missing_colon,
)  # fmt: skip


# ---- helpers ------------------------------------------------------------------------------------


def _accepted(error: UnexpectedToken) -> frozenset[str]:
    try:
        return frozenset(error.accepts or error.expected)
    except Exception:  # pragma: no cover - defensive: lark could not replay the state
        return frozenset(error.expected)


def _end_of(source: str) -> Place:
    line_start = source.rfind("\n") + 1
    return Place(source.count("\n") + 1, len(source) - line_start + 1)


def _describe_token(token: Token) -> str:
    if token.type == "$END":
        return "the end of the expression"
    text = str(token)
    return repr(text if len(text) <= 20 else text[:17] + "...")


def _expectation(accepts: Collection[str]) -> str:
    words: list[str] = []
    if OPERAND_MARKERS & set(accepts):
        words.append("an operand")
    if OPERATOR_MARKERS & set(accepts):
        words.append("an operator")
    words += sorted(
        "the end" if name == "$END" else f"'{PUNCTUATION[name]}'" for name in accepts if name in PUNCTUATION
    )
    return " or ".join(words) if words else "something else"


def _unclosed_openers(source: str, place: Place) -> list[Opener]:
    """The brackets opened and not yet closed before `place`, skipping string literals."""
    stack: list[Opener] = []
    quote = ""
    line, column = 1, 0
    previous = ""
    for char in source:
        column += 1
        if (line, column) >= place:
            break
        if char == "\n":
            line, column = line + 1, 0
        elif quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in PAIRS:
            text = "${" if char == "{" and previous == "$" else char
            stack.append(Opener(char, line, column - len(text) + 1, text))
        elif char in ")]}" and stack and PAIRS[stack[-1].char] == char:
            stack.pop()
        previous = char
    return stack
