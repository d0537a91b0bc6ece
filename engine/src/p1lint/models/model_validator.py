"""The application model's own check: pydantic validates the data, each error becomes a mismatch.
The reference the generated schema's check is tested against, and its fallback."""

from __future__ import annotations

import typing
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from p1lint.models.application import Application
from p1lint.models.base import ApiObject, ReadOnly
from p1lint.models.mismatch import Mismatch
from p1lint.models.shapes import FieldShape, ModelShape, ObjectShape


def mismatches(data: Any) -> list[Mismatch]:
    try:
        Application.model_validate(data)
    except ValidationError as error:
        return [_mismatch(e) for e in error.errors(include_url=False)]
    return []


def _mismatch(error: Any) -> Mismatch:
    expected = _split_expected(error.get("ctx", {}).get("expected", ""))
    return Mismatch(error["type"], tuple(error["loc"]), error.get("input"),
                    tuple(v.strip("'") for v in expected), error["msg"])


def _split_expected(text: str) -> list[str]:
    return [part for part in text.replace(" or ", ", ").split(", ") if part]


def property_names() -> frozenset[str]:
    return frozenset(info.alias or name for name, info in Application.model_fields.items())


@cache
def shape() -> ModelShape:
    read_only = frozenset(info.alias or name for name, info in ApiObject.model_fields.items())
    return ModelShape(_object_shape(Application, {}), read_only)


def _object_shape(model: type[BaseModel], built: dict[type[BaseModel], ObjectShape]) -> ObjectShape:
    if model in built:
        return built[model]
    shape = built[model] = ObjectShape(model.__name__, issubclass(model, ReadOnly))
    for name, info in model.model_fields.items():
        inner = _inner_model(info.annotation)
        is_list = typing.get_origin(_unoptional(info.annotation)) is list
        inner_shape = _object_shape(inner, built) if inner is not None else None
        shape.fields.append(FieldShape(info.alias or name, name, inner_shape, is_list))
    return shape


def _unoptional(annotation: Any) -> Any:
    arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
    return arguments[0] if len(arguments) == 1 and typing.get_origin(annotation) is not list else annotation


def _inner_model(annotation: Any) -> Any:
    """The first model class in `annotation` (itself, a list's items, an optional's argument)."""
    for argument in typing.get_args(annotation) or (annotation,):
        if isinstance(argument, type) and issubclass(argument, BaseModel):
            return argument
        inner = _inner_model(argument) if typing.get_args(argument) else None
        if inner is not None:
            return inner
    return None
