"""Validate a rule's options against its function's options class, with pydantic (compile time only).

An options class (`p1lint.functions.base.Options`) declares its options as annotated attributes: their
types are the schema, `check_<field>` static methods and `check_options` the validators. The pydantic
model made from it here is the one validation of options there is; a run builds options from the
validated data."""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from p1lint.functions.base import REQUIRED, Options, OptionsT, option_fields


def validated_options(cls: type[Options], raw: dict[str, Any]) -> dict[str, Any]:
    """The options `raw` validated, with every default filled in, as JSON data (raises pydantic's
    `ValidationError`)."""
    return options_model(cls).model_validate(raw).model_dump(mode="json")


def validate_options(cls: type[OptionsT], raw: dict[str, Any]) -> OptionsT:
    """The options `raw`, validated, as a run has them (raises pydantic's `ValidationError`)."""
    return cls.from_data(validated_options(cls, raw))


_MODELS: dict[type[Options], type[BaseModel]] = {}


def options_model(cls: type[Options]) -> type[BaseModel]:
    """The pydantic model of an options class: same fields, unknown fields forbidden."""
    if cls not in _MODELS:
        _MODELS[cls] = _model_of(cls)
    return _MODELS[cls]


def _model_of(cls: type[Options]) -> type[BaseModel]:
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {name: (hints[name], _default(default))
                              for name, default in option_fields(cls).items()}
    validators: dict[str, Any] = {
        f"check_{name}": field_validator(name)(_field_check(getattr(cls, f"check_{name}")))
        for name in fields if hasattr(cls, f"check_{name}")
    }
    validators["check"] = model_validator(mode="after")(_whole_check(cls))
    config = ConfigDict(extra="forbid", frozen=True)
    return create_model(cls.__name__, __config__=config, __validators__=validators, **fields)


def _default(default: Any) -> Any:
    if default is REQUIRED:
        return ...
    if isinstance(default, list | dict):
        return Field(default_factory=default.copy)
    return default


def _field_check(check: Callable[[Any], None]) -> Any:
    def validate(cls: type[BaseModel], value: Any) -> Any:
        check(value)
        return value

    return validate


def _whole_check(cls: type[Options]) -> Any:
    def validate(model: BaseModel) -> BaseModel:
        cls.from_data(model.model_dump(mode="json")).check_options()
        return model

    return validate
