"""The `json` function: a string property that must hold JSON (the `jwks` text)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem


class JsonOptions(Options):
    shape: Literal["any", "object", "jwk-set"] = "any"


def parse_json_text(value: str, memo: dict[str, Any]) -> Any:
    """Parse once per application: several JWKS rules read the same text."""
    key = f"json:{id(value)}"
    if key not in memo:
        from p1lint.documents.strictjson import loads

        try:
            memo[key] = loads(value)
        except (json.JSONDecodeError, RecursionError) as error:
            memo[key] = error
    return memo[key]


@check_function("json", JsonOptions)
def json_text(value: Any, options: JsonOptions, context: Context) -> Iterator[Problem]:
    """A present string must parse as JSON of the given shape; errors give their position."""
    if not isinstance(value, str):
        return
    parsed = parse_json_text(value, context.memo)
    if isinstance(parsed, json.JSONDecodeError):
        yield Problem(f"is not valid JSON: {parsed.msg} (line {parsed.lineno}, column {parsed.colno})")
    elif isinstance(parsed, RecursionError):
        yield Problem("is not valid JSON: nested too deeply")
    elif options.shape != "any" and not isinstance(parsed, dict):
        yield Problem("is not a JSON object")
    elif options.shape == "jwk-set" and not _is_key_set(parsed):
        yield Problem('is not a JWK Set: expected {"keys": [ {...}, ... ]}')


def _is_key_set(parsed: dict[str, Any]) -> bool:
    keys = parsed.get("keys")
    return isinstance(keys, list) and all(isinstance(key, dict) for key in keys)
