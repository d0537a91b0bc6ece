"""The application model's check at run time: the JSON Schema generated from the pydantic models
(`application.schema.json`, written by `python -m p1lint.models.schema_build`), compiled once into
small checking functions that report what pydantic reports, in its order and terms.

The schema is data (JSON); nothing is generated as code. It is used only when it was built from
the model sources as they are (their digest is in the schema): otherwise the caller falls back to
the pydantic models themselves. The compiler knows the keywords the models' schema uses and
refuses any other, so a model that needs more fails its tests rather than being half checked."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from p1lint.models.mismatch import Mismatch
from p1lint.models.schema_compiler import ATTRIBUTES_KEY, NULL, Node, compile_schema

if TYPE_CHECKING:
    from p1lint.models.shapes import FieldShape, ModelShape, ObjectShape

ARTEFACT = Path(__file__).with_name("application.schema.json")
MODEL_SOURCES = ("base.py", "enums.py", "settings.py", "related.py", "application.py")
SOURCES_KEY = "x-p1lint-sources"  # digest of the model sources the schema was built from
READ_ONLY_KEY = "x-p1lint-read-only"  # the read-only members of every API object


class Compiled(NamedTuple):
    schema: dict[str, Any]
    root: Node


def sources_digest() -> str:
    digest = hashlib.sha256()
    for name in MODEL_SOURCES:
        digest.update(name.encode() + b"\0" + (ARTEFACT.parent / name).read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _loaded() -> Compiled | None:
    try:
        schema = json.loads(ARTEFACT.read_text(encoding="utf-8"))
        if not isinstance(schema, dict) or schema.get(SOURCES_KEY) != sources_digest():
            return None
        return Compiled(schema, compile_schema(schema))
    except (OSError, ValueError):
        return None


def available() -> bool:
    return _loaded() is not None


def _current() -> Compiled:
    compiled = _loaded()
    if compiled is None:
        raise RuntimeError("the application schema is missing or out of date")
    return compiled


def mismatches(data: Any) -> list[Mismatch]:
    root = _current().root
    found: list[Mismatch] = []
    if not root.valid(data):
        root.check(data, (), found)
    return found


def property_names() -> frozenset[str]:
    return frozenset(_current().schema["properties"])


# ---- the shape unknown-property hints read ---------------------------------------------------------


@cache
def shape() -> ModelShape:
    """Built from the schema when an unknown property is first reported."""
    from p1lint.models.shapes import ModelShape, ObjectShape

    schema = _current().schema
    built: dict[str, ObjectShape] = {}
    definitions = schema.get("$defs", {})
    for name, definition in definitions.items():
        built[name] = ObjectShape(name, definition.get("additionalProperties") is True)
    for name, definition in definitions.items():
        built[name].fields.extend(_field_shapes(definition, built))
    root = ObjectShape(schema.get("title", ""), schema.get("additionalProperties") is True)
    root.fields.extend(_field_shapes(schema, built))
    return ModelShape(root, frozenset(schema.get(READ_ONLY_KEY, ())))


def _field_shapes(schema: dict[str, Any], built: dict[str, ObjectShape]) -> list[FieldShape]:
    from p1lint.models.shapes import FieldShape

    attributes = schema.get(ATTRIBUTES_KEY, {})
    return [FieldShape(name, attributes.get(name, name), _first_object(value, built), _is_list(value))
            for name, value in schema.get("properties", {}).items()]


def _first_object(schema: Any, built: dict[str, ObjectShape]) -> ObjectShape | None:
    if not isinstance(schema, dict):
        return None
    if "$ref" in schema:
        return built[schema["$ref"].removeprefix("#/$defs/")]
    for inner in (*schema.get("anyOf", ()), schema.get("items")):
        found = _first_object(inner, built)
        if found is not None:
            return found
    return None


def _is_list(schema: dict[str, Any]) -> bool:
    branches = [b for b in schema.get("anyOf", [schema]) if b != NULL]
    return len(branches) == 1 and branches[0].get("type") == "array"
