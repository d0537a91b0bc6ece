"""Build the application model's JSON Schema from the pydantic models: the artefact the check
validates with at run time (`schema_validator`). `python -m p1lint.models.schema_build` rewrites
it; a test fails when the checked-in file differs from a fresh build.

Beyond pydantic's schema (property names as documents spell them) it records, as `x-p1lint-*`
annotations other validators ignore: the attribute names pydantic also accepts in place of a
property name (`links` for `_links`), the read-only members of every API object, and the digest
of the model sources, so that an out-of-date schema is never used."""

from __future__ import annotations

import json
import sys
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from p1lint.models.application import Application
from p1lint.models.base import ApiObject
from p1lint.models.schema_compiler import ATTRIBUTES_KEY
from p1lint.models.schema_validator import ARTEFACT, READ_ONLY_KEY, SOURCES_KEY, sources_digest


def build() -> dict[str, Any]:
    schema = Application.model_json_schema(by_alias=True)
    for model in _models(Application, set()):
        renamed = _renamed(model)
        target = schema if model is Application else schema["$defs"][model.__name__]
        if renamed:
            target[ATTRIBUTES_KEY] = renamed
    read_only = [info.alias or name for name, info in ApiObject.model_fields.items()]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema,
            READ_ONLY_KEY: read_only, SOURCES_KEY: sources_digest()}


def _renamed(model: type[BaseModel]) -> dict[str, str]:
    """Property name -> attribute name, for the fields whose alias differs from their name."""
    return {info.alias: name for name, info in model.model_fields.items() if info.alias not in (None, name)}


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[type[BaseModel]]:
    """`model` and every model its fields hold, each once."""
    if model in seen:
        return
    seen.add(model)
    yield model
    for info in model.model_fields.values():
        for inner in _model_arguments(info.annotation):
            yield from _models(inner, seen)


def _model_arguments(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _model_arguments(argument)


def schema_text() -> str:
    return json.dumps(build(), indent=1, ensure_ascii=True) + "\n"


def main() -> None:
    ARTEFACT.write_text(schema_text(), encoding="utf-8")
    sys.stdout.write(f"wrote {ARTEFACT.name}\n")


if __name__ == "__main__":
    main()
