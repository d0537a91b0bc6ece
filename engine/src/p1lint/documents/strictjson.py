"""JSON as PingOne's API reads it: no NaN or Infinity, no number that overflows to infinity, no
integer past Python's 4,300-digit conversion limit, and no lone UTF-16 surrogate (`"\\ud800"`).

Each of these is refused as a `json.JSONDecodeError` at the offending token, so every caller
reports it like any other syntax error. Messages never quote the token: it may be part of a
secret. Normal documents pay nothing: the checks run only when the decoder meets such a token."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

MAX_INTEGER_DIGITS = 4_300  # Python's default int-string limit; no PingOne value comes close
TOO_MANY_DIGITS = f"an integer of more than {MAX_INTEGER_DIGITS:,} digits (no PingOne value is this large)"
NOT_FINITE = "NaN and Infinity are not numbers in JSON (PingOne's API accepts finite numbers only)"
OVERFLOWS = "a number too large to represent (it overflows to infinity)"
LONE_SURROGATE = "a string holds a lone UTF-16 surrogate (\\uD800-\\uDFFF without its pair): not Unicode text"

_SCAN = re.compile(r'"(?:[^"\\]++|\\.)*+"|NaN|-?Infinity|-?\d[\d.eE+-]*')
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _BadNumber(ValueError):
    """Raised by the decoder's hooks; located afterwards by one scan of the text."""


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise _BadNumber(text)
    return number


def _no_constant(text: str) -> float:
    raise _BadNumber(text)


def loads(text: str, object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None) -> Any:
    """`json.loads` that refuses what PingOne cannot accept (see the module docstring)."""
    try:
        data = json.loads(
            text, object_pairs_hook=object_pairs_hook, parse_float=_finite_float, parse_constant=_no_constant
        )
    except json.JSONDecodeError:
        raise
    except ValueError as error:  # the decoder's int() past the digit limit, or a hook above
        raise _located_number_error(text) from error
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(data):
        raise _located_surrogate(text)
    return data


def number_problem(lexeme: str) -> str | None:
    """Why a JSON number token is refused, or None."""
    if lexeme in ("NaN", "Infinity", "-Infinity"):
        return NOT_FINITE
    if lexeme.lstrip("-").isdigit():
        return TOO_MANY_DIGITS if len(lexeme.lstrip("-")) > MAX_INTEGER_DIGITS else None
    try:
        return None if math.isfinite(float(lexeme)) else OVERFLOWS
    except ValueError:
        return None


def _located_number_error(text: str) -> json.JSONDecodeError:
    for token in _SCAN.finditer(text):
        problem = None if token.group().startswith('"') else number_problem(token.group())
        if problem:
            return json.JSONDecodeError(problem, text, token.start())
    return json.JSONDecodeError(TOO_MANY_DIGITS, text, 0)


def _has_lone_surrogate(data: Any) -> bool:
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                return True
        elif isinstance(node, dict):
            stack.extend(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _located_surrogate(text: str) -> json.JSONDecodeError:
    for token in _SCAN.finditer(text):
        lexeme = token.group()
        if lexeme.startswith('"') and _SURROGATE.search(json.loads(lexeme)):
            return json.JSONDecodeError(LONE_SURROGATE, text, token.start())
    return json.JSONDecodeError(LONE_SURROGATE, text, 0)
