"""Validate an application with the pydantic model; turn each error into a categorised problem."""

from __future__ import annotations

import difflib
import json
import typing
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ValidationError

from p1lint.documents.pointer import Pointer

Category = Literal["type", "enum", "unknown-key", "missing"]

_TYPE_NAMES = {
    "string_type": "a string", "int_type": "an integer", "int_from_float": "an integer",
    "bool_type": "a boolean", "list_type": "a list", "dict_type": "an object",
    "model_type": "an object", "float_type": "a number", "model_attributes_type": "an object",
}


class SchemaProblem(NamedTuple):
    category: Category
    pointer: Pointer
    message: str


def validate_application(data: Any) -> list[SchemaProblem]:
    from p1lint.models.application import Application

    try:
        Application.model_validate(data)
    except ValidationError as error:
        return [_problem(Application, e) for e in error.errors(include_url=False)]
    return []


def _problem(root: type[BaseModel], error: Any) -> SchemaProblem:
    pointer: Pointer = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return SchemaProblem("unknown-key", pointer, _unknown_key(root, pointer))
    if kind == "missing":
        return SchemaProblem("missing", pointer, f"required property {_quote(pointer[-1])} is missing")
    if kind in ("literal_error", "enum"):
        return SchemaProblem("enum", pointer, _bad_enum(error))
    if kind in _TYPE_NAMES:
        found = _json_type(error.get("input"))
        return SchemaProblem("type", pointer, f"expected {_TYPE_NAMES[kind]}, found {found}")
    return SchemaProblem("type", pointer, error["msg"])


def _quote(value: Any) -> str:
    return json.dumps(str(value), ensure_ascii=True)


def _unknown_key(root: type[BaseModel], pointer: Pointer) -> str:
    known = _field_names(root, pointer[:-1])
    close = difflib.get_close_matches(str(pointer[-1]), known, n=1, cutoff=0.6)
    hint = f"; did you mean {_quote(close[0])}?" if close else ""
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


def _field_names(model: Any, pointer: Pointer) -> list[str]:
    """Property names (aliases) of the model at `pointer`, following list items and optionals."""
    for key in pointer:
        if isinstance(key, int):
            continue
        field = getattr(model, "model_fields", {}).get(key)
        if field is None:
            field = next((f for f in model.model_fields.values() if f.alias == key), None)
        if field is None:
            return []
        model = _inner_model(field.annotation)
    fields = getattr(model, "model_fields", {})
    return [f.alias or name for name, f in fields.items()]


def _inner_model(annotation: Any) -> Any:
    for argument in typing.get_args(annotation) or (annotation,):
        if isinstance(argument, type) and issubclass(argument, BaseModel):
            return argument
        inner = _inner_model(argument) if typing.get_args(argument) else None
        if inner is not None:
            return inner
    return None
