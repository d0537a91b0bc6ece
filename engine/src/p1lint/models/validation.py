"""Validate an application with the pydantic model; turn each error into a problem of one kind."""

from __future__ import annotations

import difflib
import json
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ValidationError

from p1lint.pointer import Pointer

ProblemKind = Literal["type", "enum", "unknown-key", "missing"]

_TYPE_NAMES = {
    "string_type": "a string", "int_type": "an integer", "int_from_float": "an integer",
    "bool_type": "a boolean", "list_type": "a list", "dict_type": "an object",
    "model_type": "an object", "float_type": "a number", "model_attributes_type": "an object",
}

# An application with more unknown properties than this is not a typo: its unknown properties are
# reported without a did-you-mean, each of which is a search over the model.
MAX_HINTED_KEYS = 1_000

class ModelProblem(NamedTuple):
    kind: ProblemKind
    pointer: Pointer
    message: str


def validate_application(data: Any) -> list[ModelProblem]:
    from p1lint.models.application import Application

    try:
        Application.model_validate(data)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        hints = sum(e["type"] == "extra_forbidden" for e in errors) <= MAX_HINTED_KEYS
        return [_problem(Application, e, hints) for e in errors]
    return []


def _problem(root: type[BaseModel], error: Any, hints: bool = True) -> ModelProblem:
    pointer: Pointer = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return ModelProblem("unknown-key", pointer, _unknown_key(root, pointer, hints))
    if kind == "missing":
        return ModelProblem("missing", pointer, f"required property {_quote(pointer[-1])} is missing")
    if kind in ("literal_error", "enum"):
        return ModelProblem("enum", pointer, _bad_enum(error))
    if kind in _TYPE_NAMES:
        found = _json_type(error.get("input"))
        return ModelProblem("type", pointer, f"expected {_TYPE_NAMES[kind]}, found {found}")
    return ModelProblem("type", pointer, error["msg"])


def _quote(value: Any) -> str:
    return json.dumps(str(value), ensure_ascii=True)


def _unknown_key(root: type[BaseModel], pointer: Pointer, hints: bool) -> str:
    from p1lint.models.suggestions import unknown_key_hint

    hint = unknown_key_hint(root, pointer) if hints else ""
    return f"unknown property {_quote(pointer[-1])}{hint}"


def _bad_enum(error: Any) -> str:
    expected = [v.strip("'") for v in _split_expected(error.get("ctx", {}).get("expected", ""))]
    given = error.get("input")
    close = difflib.get_close_matches(str(given).upper(), expected, n=1, cutoff=0.6)
    hint = f"; did you mean {_quote(close[0])}?" if close else f"; expected one of {', '.join(expected)}"
    shown = _quote(given) if isinstance(given, str) else _json_type(given)
    return f"{shown} is not a valid value{hint}"


def _split_expected(text: str) -> list[str]:
    return [part for part in text.replace(" or ", ", ").split(", ") if part]


def _json_type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "a list", dict: "an object", type(None): "null"}
    return names.get(type(value), type(value).__name__)
