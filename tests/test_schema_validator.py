"""The generated application schema reports exactly what the pydantic models report.

Checks run on the JSON Schema generated from the pydantic models (`schema_validator`); the models
stay the model. Proven here: the checked-in schema is a fresh build of the models; both give the
same shape to unknown-property hints; and the same problems (kind, pointer, message, in order)
on every application the engine checks in the whole fixture corpus and the rules' examples, and
on generated mutations of applications (wrong types, unknown enumeration values, unknown, misspelt
and misplaced properties, nulls, keys that are not strings, nested garbage)."""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from p1lint.documents.sources import discover
from p1lint.environment.directory import group_units
from p1lint.models import model_validator, schema_build, schema_compiler, schema_validator, validation
from p1lint.models.shapes import ObjectShape
from tests.support import FIXTURES, catalogue, lint

SCHEMA = schema_validator
MODEL = validation.Validator(model_validator.mismatches, model_validator.shape, model_validator.property_names)
FAST = validation.Validator(schema_validator.mismatches, schema_validator.shape, schema_validator.property_names)


def reports(checker: validation.Validator, data: Any) -> list[tuple[Any, ...]]:
    found = [(m.kind, m.pointer) for m in checker.mismatches(data)]
    return [*validation.problems(checker, data), *found]


def assert_same(data: Any) -> None:
    assert reports(FAST, data) == reports(MODEL, data), json.dumps(data, default=repr)[:2000]


# ---- the artefact -------------------------------------------------------------------------------


def test_the_checked_in_schema_is_a_fresh_build_of_the_models():
    assert schema_validator.ARTEFACT.read_text(encoding="utf-8") == schema_build.schema_text(), (
        "run `python -m p1lint.models.schema_build`")


def test_the_check_uses_the_schema():
    assert schema_validator.available()
    assert validation.validator().mismatches is schema_validator.mismatches


def test_a_schema_built_from_other_sources_is_not_used(tmp_path, monkeypatch):
    stale = json.loads(schema_validator.ARTEFACT.read_text(encoding="utf-8"))
    stale[schema_validator.SOURCES_KEY] = "0" * 64
    (tmp_path / "application.schema.json").write_text(json.dumps(stale))
    monkeypatch.setattr(schema_validator, "ARTEFACT", tmp_path / "application.schema.json")
    monkeypatch.setattr(schema_validator, "MODEL_SOURCES", ())
    schema_validator._loaded.cache_clear()
    try:
        assert not schema_validator.available()
        assert validation.validator().mismatches is model_validator.mismatches
        assert validation.validate_application({"name": 1})[0].message == "expected a string, found an integer"
    finally:
        monkeypatch.undo()
        schema_validator._loaded.cache_clear()
    assert schema_validator.available()


def test_a_missing_schema_falls_back_to_the_models(tmp_path, monkeypatch):
    monkeypatch.setattr(schema_validator, "ARTEFACT", tmp_path / "absent.json")
    schema_validator._loaded.cache_clear()
    try:
        assert validation.validator().mismatches is model_validator.mismatches
    finally:
        monkeypatch.undo()
        schema_validator._loaded.cache_clear()


@pytest.mark.parametrize("schema", [
    {"type": "number"}, {"type": "string", "pattern": "x"}, {"anyOf": [{"type": "string"}, {"type": "integer"}]},
    {"$ref": "#/$defs/Absent"}, {"enum": [1, 2]}, {"type": "object", "properties": {}},
])
def test_a_schema_beyond_what_the_check_knows_is_refused(schema):
    with pytest.raises(schema_compiler.UnsupportedSchema):
        schema_compiler.compile_schema(schema)


def described(shape: ObjectShape | None, seen: set[int]) -> Any:
    if shape is None or id(shape) in seen:
        return shape and shape.title
    seen.add(id(shape))
    return (shape.title, shape.open,
            [(f.name, f.attribute, f.is_list, described(f.inner, seen)) for f in shape.fields])


def test_both_give_unknown_property_hints_the_same_shape():
    fast, model = schema_validator.shape(), model_validator.shape()
    assert described(fast.root, set()) == described(model.root, set())
    assert fast.read_only_names == model.read_only_names
    assert schema_validator.property_names() == model_validator.property_names()


# ---- the corpus: every application the engine checks ---------------------------------------------


def corpus_units() -> list[str]:
    return sorted({str(getattr(unit, "path", unit)) for unit in group_units(discover([str(FIXTURES)]))})


def test_every_application_of_the_fixtures_is_reported_alike(monkeypatch):
    seen: list[Any] = []

    def recording(data: Any) -> list[Any]:
        seen.append(copy.deepcopy(data))
        return schema_validator.mismatches(data)

    monkeypatch.setattr(validation, "validator", lambda: FAST._replace(mismatches=recording))
    units = corpus_units()
    for unit in units:
        lint(unit)
    assert len(units) > 200 and len(seen) > len(units)
    for data in seen:
        assert_same(data)


def examples() -> list[Any]:
    found = [getattr(rule.spec.examples, which) for rule in catalogue() for which in ("bad", "good")]
    return [example for example in found if isinstance(example, dict)]


def test_every_rule_example_is_reported_alike():
    cases = examples()
    assert len(cases) > 100
    for example in cases:
        assert_same(example)


# ---- generated mutations -------------------------------------------------------------------------


def _property_names(schema: dict[str, Any]) -> set[str]:
    names = set(schema.get("properties", {}))
    for definition in schema.get("$defs", {}).values():
        names |= set(definition.get("properties", {}))
        names |= set(definition.get("x-p1lint-attributes", {}).values())
    return names | set(schema.get("x-p1lint-attributes", {}).values())


def _enum_values(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        yield from (v for v in schema.get("enum", ()) if isinstance(v, str))
        if isinstance(schema.get("const"), str):
            yield schema["const"]
        for value in schema.values():
            yield from _enum_values(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _enum_values(value)


SCHEMA_DATA = json.loads(schema_validator.ARTEFACT.read_text(encoding="utf-8"))
NAMES = sorted(_property_names(SCHEMA_DATA))
ENUMS = sorted(set(_enum_values(SCHEMA_DATA)))
GOOD = [json.loads(path.read_text()) for path in sorted((FIXTURES / "good").glob("*.json"))]
BASES = [base for base in [*GOOD, *examples()] if isinstance(base, dict)]


def _misspelt(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([name[:-1], name + "s", name.lower(), name.upper(), name[1:], "_" + name])


names = st.sampled_from(NAMES)
keys = st.one_of(names, names.flatmap(_misspelt), st.text(max_size=8),
                 st.sampled_from([0, 1, -1, True, None, 1.5, 2**64]))
enum_like = st.one_of(st.sampled_from(ENUMS), st.sampled_from(ENUMS).flatmap(_misspelt))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=2**62),
                    st.floats(), st.text(max_size=10), enum_like)
garbage = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=4)), max_leaves=8)


def containers(data: Any, pointer: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict | list):
        yield pointer
        for key, value in (data.items() if isinstance(data, dict) else enumerate(data)):
            yield from containers(value, (*pointer, key))


def at(data: Any, pointer: tuple[Any, ...]) -> Any:
    for key in pointer:
        data = data[key]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 6))):
        target = at(data, draw(st.sampled_from(list(containers(data)))))
        existing = list(target) if isinstance(target, dict) else list(range(len(target)))
        if existing and draw(st.booleans()):
            key = draw(st.sampled_from(existing))
            operation = draw(st.sampled_from(["replace", "delete", "enum"]))
            if operation == "delete":
                del target[key]
            else:
                target[key] = draw(enum_like if operation == "enum" else garbage)
        elif isinstance(target, dict):
            target[draw(keys)] = draw(garbage)
        else:
            target.append(draw(garbage))
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_applications_are_reported_alike(data):
    assert_same(data)


@settings(max_examples=300, deadline=None)
@given(garbage)
def test_anything_at_all_is_reported_alike(data):
    assert_same(data)


def test_generated_data_reaches_every_kind_of_problem():
    """The mutations are not all alike: the corpus of the two tests above holds every kind."""
    kinds = {m.kind for base in BASES for m in schema_validator.mismatches(
        {**base, "zz": 1, 5: 1, "name": 1, "type": "x", "grantTypes": "x", "icon": []})}
    assert {"extra_forbidden", "invalid_key", "string_type", "literal_error", "list_type", "model_type"} <= kinds
    assert not math.isnan(len(kinds))


def test_the_corpus_paths_exist():
    assert Path(FIXTURES / "good").is_dir()
