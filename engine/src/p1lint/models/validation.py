"""Validate an application against the application model; turn each mismatch into a problem of
one kind.

The pydantic models (`application`) are the model; checks run on the JSON Schema generated from
them at build time (`schema_validator`), which needs neither pydantic nor its model construction
at start-up. Without a current schema (a model edited and not rebuilt) the pydantic models check
the data themselves (`model_validator`); a differential test proves both report the same."""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from p1lint.models.mismatch import Mismatch
from p1lint.pointer import Pointer

if TYPE_CHECKING:
    from p1lint.models.shapes import ModelShape

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


class Validator(NamedTuple):
    """A way of checking data against the model: its mismatches, and the model's shape."""

    mismatches: Callable[[Any], list[Mismatch]]
    shape: Callable[[], ModelShape]
    property_names: Callable[[], frozenset[str]]


def validator() -> Validator:
    """The generated schema's validator when the schema is current, else the pydantic models'."""
    from p1lint.models import schema_validator

    if schema_validator.available():
        return Validator(schema_validator.mismatches, schema_validator.shape, schema_validator.property_names)
    from p1lint.models import model_validator

    return Validator(model_validator.mismatches, model_validator.shape, model_validator.property_names)


def validate_application(data: Any) -> list[ModelProblem]:
    return problems(validator(), data)


def application_property_names() -> frozenset[str]:
    """The properties (as documents name them) of the application object."""
    return validator().property_names()


def problems(checker: Validator, data: Any) -> list[ModelProblem]:
    found = checker.mismatches(data)
    hints = sum(m.kind == "extra_forbidden" for m in found) <= MAX_HINTED_KEYS
    return [_problem(checker.shape, m, hints) for m in found]


def _problem(shape: Callable[[], ModelShape], mismatch: Mismatch, hints: bool) -> ModelProblem:
    pointer, kind = mismatch.pointer, mismatch.kind
    if kind == "extra_forbidden":
        return ModelProblem("unknown-key", pointer, _unknown_key(shape, pointer, hints))
    if kind == "missing":
        return ModelProblem("missing", pointer, f"required property {_quote(pointer[-1])} is missing")
    if kind in ("literal_error", "enum"):
        return ModelProblem("enum", pointer, _bad_enum(mismatch))
    if kind in _TYPE_NAMES:
        found = _json_type(mismatch.found)
        return ModelProblem("type", pointer, f"expected {_TYPE_NAMES[kind]}, found {found}")
    return ModelProblem("type", pointer, mismatch.message)


def _quote(value: Any) -> str:
    return json.dumps(str(value), ensure_ascii=True)


def _unknown_key(shape: Callable[[], ModelShape], pointer: Pointer, hints: bool) -> str:
    from p1lint.models.suggestions import unknown_key_hint

    hint = unknown_key_hint(shape(), pointer) if hints else ""
    return f"unknown property {_quote(pointer[-1])}{hint}"


def _bad_enum(mismatch: Mismatch) -> str:
    expected, given = list(mismatch.expected), mismatch.found
    close = difflib.get_close_matches(str(given).upper(), expected, n=1, cutoff=0.6)
    hint = f"; did you mean {_quote(close[0])}?" if close else f"; expected one of {', '.join(expected)}"
    shown = _quote(given) if isinstance(given, str) else _json_type(given)
    return f"{shown} is not a valid value{hint}"


def _json_type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "a list", dict: "an object", type(None): "null"}
    return names.get(type(value), type(value).__name__)
