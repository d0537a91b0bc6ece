"""Compile the application model's JSON Schema into checking functions that report what pydantic
reports for the models the schema was generated from (strict types, its error types, locations
and order: each property in the model's order, then the keys it does not know).

Each schema becomes a `Node`: `valid`, a quick yes-or-no for the common case of data that
matches, and `check`, which appends the mismatches. Only the keywords pydantic writes for these
models are understood; any other is refused (`UnsupportedSchema`), never ignored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from p1lint.models.mismatch import Mismatch
from p1lint.pointer import Pointer

ATTRIBUTES_KEY = "x-p1lint-attributes"  # property name -> attribute name, where they differ
ANNOTATIONS = frozenset({"title", "description", "default", "$schema", "$id", "$defs"})
KEYWORDS = frozenset({"type", "properties", "required", "additionalProperties", "items", "anyOf", "enum",
                      "const", "$ref"})
KNOWN = ANNOTATIONS | KEYWORDS | {ATTRIBUTES_KEY}
NULL = {"type": "null"}
INT64 = range(-(1 << 63), 1 << 63)  # pydantic names a key in this range by the number, others by str()

Check = Callable[[Any, Pointer, list[Mismatch]], None]
Valid = Callable[[Any], bool]


class Node(NamedTuple):
    check: Check
    valid: Valid


class UnsupportedSchema(ValueError):
    """A schema keyword or form the compiler does not check."""


def compile_schema(schema: dict[str, Any]) -> Node:
    """The node of the root of `schema` (a model's JSON Schema with its `$defs`)."""
    return _compile(schema, _Definitions(schema.get("$defs", {})))


class _Definitions:
    """The `$defs` of a schema, each compiled when first referenced (the models nest, never recur)."""

    def __init__(self, schemas: dict[str, Any]) -> None:
        self.schemas = schemas
        self.compiled: dict[str, Node] = {}
        self.compiling: set[str] = set()

    def __getitem__(self, name: str) -> Node:
        if name not in self.compiled:
            if name not in self.schemas or name in self.compiling:
                raise UnsupportedSchema(f"an unknown or recursive definition: {name}")
            self.compiling.add(name)
            self.compiled[name] = _compile(self.schemas[name], self)
        return self.compiled[name]


def _compile(schema: Any, defined: _Definitions) -> Node:
    if not isinstance(schema, dict):
        raise UnsupportedSchema(f"not a schema: {schema!r}")
    if not KNOWN.issuperset(schema):
        unknown = {key for key in schema if not key.startswith("x-p1lint-")} - KNOWN
        if unknown:
            raise UnsupportedSchema(f"unsupported keywords: {', '.join(sorted(unknown))}")
    if "$ref" in schema:
        return _reference(schema["$ref"], defined)
    if "anyOf" in schema:
        inner = _compile(_not_null(schema["anyOf"]), defined)
        return NULLABLE_SCALARS.get(inner.check) or _nullable(inner)
    if "enum" in schema or "const" in schema:
        return _enumeration(tuple(schema.get("enum", [schema.get("const")])))
    return _typed(schema, defined)


def _reference(reference: str, defined: _Definitions) -> Node:
    if not reference.startswith("#/$defs/"):
        raise UnsupportedSchema(f"a reference outside the schema's definitions: {reference}")
    return defined[reference.removeprefix("#/$defs/")]


def _not_null(branches: Any) -> Any:
    others = [b for b in branches if b != NULL]
    if len(others) != 1 or len(branches) != 2:
        raise UnsupportedSchema("anyOf other than a type or null")
    return others[0]


def _typed(schema: dict[str, Any], defined: _Definitions) -> Node:
    kind = schema.get("type")
    if kind == "object":
        return _object(schema, defined)
    if kind == "array":
        return _array(_compile(schema.get("items", {}), defined))
    if kind in SCALARS:
        return SCALARS[kind]
    raise UnsupportedSchema(f"unsupported type: {kind!r}")


# ---- the nodes: `check` appends pydantic's mismatches for `value` at `pointer` -------------------


def _scalar(kind: str, accepts: Valid) -> Node:
    def check(value: Any, pointer: Pointer, found: list[Mismatch]) -> None:
        if not accepts(value):
            found.append(Mismatch(kind, pointer, value))

    return Node(check, accepts)


SCALARS: dict[str, Node] = {
    "string": _scalar("string_type", lambda value: isinstance(value, str)),
    "integer": _scalar("int_type", lambda value: isinstance(value, int) and not isinstance(value, bool)),
    "boolean": _scalar("bool_type", lambda value: isinstance(value, bool)),
}


def _nullable(inner: Node) -> Node:
    def check(value: Any, pointer: Pointer, found: list[Mismatch]) -> None:
        if value is not None:
            inner.check(value, pointer, found)

    valid = inner.valid
    return Node(check, lambda value: value is None or valid(value))


NULLABLE_SCALARS = {node.check: _nullable(node) for node in SCALARS.values()}  # the most common nodes


def _enumeration(values: tuple[Any, ...]) -> Node:
    if not all(isinstance(value, str) for value in values):
        raise UnsupportedSchema("an enumeration of other than strings")
    allowed = frozenset(values)

    def valid(value: Any) -> bool:
        return isinstance(value, str) and value in allowed

    def check(value: Any, pointer: Pointer, found: list[Mismatch]) -> None:
        if not valid(value):
            found.append(Mismatch("literal_error", pointer, value, values))

    return Node(check, valid)


def _array(items: Node) -> Node:
    def check(value: Any, pointer: Pointer, found: list[Mismatch]) -> None:
        if not isinstance(value, list):
            found.append(Mismatch("list_type", pointer, value))
            return
        for index, item in enumerate(value):
            items.check(item, (*pointer, index), found)

    valid = items.valid
    return Node(check, lambda value: isinstance(value, list) and all(map(valid, value)))


class _Properties(NamedTuple):
    """An object's properties in the model's order, found by name or else attribute name."""

    names: tuple[str, ...]
    nodes: tuple[Node, ...]
    by_name: dict[str, int]
    by_attribute: dict[str, int]  # where the attribute name differs
    required: frozenset[int]
    forbid: bool


def _object(schema: dict[str, Any], defined: _Definitions) -> Node:
    properties = _properties(schema, defined)

    def check(value: Any, pointer: Pointer, found: list[Mismatch]) -> None:
        if not isinstance(value, dict):
            found.append(Mismatch("model_type", pointer, value))
            return
        present, unknown = _read_keys(properties, value, pointer)
        _check_properties(properties, present, value, pointer, found)
        found.extend(unknown)

    return Node(check, _object_valid(properties))


def _properties(schema: dict[str, Any], defined: _Definitions) -> _Properties:
    if schema.get("additionalProperties") not in (True, False):
        raise UnsupportedSchema("additionalProperties other than true or false")
    attributes, required = schema.get(ATTRIBUTES_KEY, {}), set(schema.get("required", ()))
    names = tuple(schema.get("properties", {}))
    return _Properties(
        names, tuple(_compile(schema["properties"][name], defined) for name in names),
        {name: index for index, name in enumerate(names)},
        {attributes[name]: index for index, name in enumerate(names) if name in attributes},
        frozenset(index for index, name in enumerate(names) if name in required),
        schema["additionalProperties"] is False)


def _object_valid(properties: _Properties) -> Valid:
    """Whether an object matches, given by property names only (else `check` says)."""
    by_name, nodes, forbid = properties.by_name, properties.nodes, properties.forbid
    required = frozenset(properties.names[index] for index in properties.required)

    def valid(value: Any) -> bool:
        if not isinstance(value, dict) or not required <= value.keys():
            return False
        for key, item in value.items():
            index = by_name.get(key) if isinstance(key, str) else -1
            if index is None:
                if forbid:
                    return False
            elif index < 0 or not nodes[index].valid(item):
                return False
        return not properties.by_attribute or properties.by_attribute.keys().isdisjoint(value)

    return valid


def _read_keys(properties: _Properties, value: dict[Any, Any],
               pointer: Pointer) -> tuple[dict[int, str], list[Mismatch]]:
    """The key each property is given by (its name wins over its attribute name), and the
    mismatches of the other keys in their order: not strings, or unknown where forbidden."""
    present: dict[int, str] = {}
    for key in value:
        if isinstance(key, str):
            if key in properties.by_name:
                present[properties.by_name[key]] = key
            elif key in properties.by_attribute:
                present.setdefault(properties.by_attribute[key], key)
    used = set(present.values())
    unknown = []
    for key, item in value.items():
        if not isinstance(key, str):
            shown = int(key) if isinstance(key, int) and key in INT64 else str(key)
            unknown.append(Mismatch("invalid_key", (*pointer, shown), key, (), "Keys should be strings"))
        elif properties.forbid and key not in used:
            unknown.append(Mismatch("extra_forbidden", (*pointer, key), item))
    return present, unknown


def _check_properties(properties: _Properties, present: dict[int, str], value: dict[Any, Any],
                      pointer: Pointer, found: list[Mismatch]) -> None:
    """Each property given, and each required one missing, in the model's order."""
    for index in sorted(properties.required.union(present)):
        key = present.get(index)
        if key is None:
            found.append(Mismatch("missing", (*pointer, properties.names[index]), value))
        else:
            properties.nodes[index].check(value[key], (*pointer, key), found)
