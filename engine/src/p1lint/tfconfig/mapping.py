"""Translating a Terraform block into an API object by a table: each attribute names the API
member it becomes, nested blocks have tables of their own, and the provider's schema defaults
fill what the configuration leaves out (Terraform sends them; PingOne receives them).

The `Writer` keeps, beside the data, where each value came from (a `Place` per pointer of the
data) and the attributes written under a name the provider has since renamed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from p1lint.documents.location import Location
from p1lint.pointer import Pointer
from p1lint.terraform.renamed import Renamed
from p1lint.tfconfig.structure import single, unknown_content
from p1lint.tfconfig.view import Place


class Field(NamedTuple):
    """What one attribute becomes: the API path (relative to the object being built), the table
    of its nested object, a conversion of its value, and its current name if it is an old one."""

    target: tuple[str, ...]
    nested: Spec | None = None
    convert: Callable[[Any], Any] | None = None
    renamed: str = ""
    since: str = "1.0.0"


class Spec(NamedTuple):
    fields: Mapping[str, Field]
    defaults: Mapping[str, Any] = {}
    constants: Mapping[tuple[str, ...], Any] = {}  # members the provider always sends


class Writer:
    """The data being built, the place of each of its values and the renamed attributes seen."""

    def __init__(self, block: Location) -> None:
        self.data: dict[str, Any] = {}
        self.block = len(block.pointer)
        self.places: dict[Pointer, Place] = {(): Place(block, self.block)}
        self.renamed: list[Renamed] = []
        self.written: set[Pointer] = set()

    def put(self, view: Pointer, value: Any, written: Location) -> None:
        target: Any = self.data
        for key in view[:-1]:
            target = target.setdefault(key, {}) if isinstance(target, dict) else {}
        if isinstance(target, dict):
            target[view[-1]] = value
        self.written.add(view)
        self.place(view, written)

    def place(self, view: Pointer, written: Location) -> None:
        self.places[view] = Place(written, self.block)

    def note_block(self, view: Pointer, written: Location) -> None:
        """A nested block (at `written`) where provider 1.0.0 takes an object attribute."""
        name = str(written.pointer[-1])
        self.place(view, written)
        self.renamed.append(Renamed(view, name, name, "1.0.0", block=True))


def translate(body: dict[str, Any], where: Location, spec: Spec, view: Pointer, writer: Writer) -> None:
    """Write the members of `body` (written at `where`) below `view` of the writer's data."""
    for key, value in body.items():
        field = spec.fields.get(key) if isinstance(key, str) else None
        if field is not None:
            _field(value, where.below((key,)), field, (*view, *field.target), writer)
            if field.renamed:
                writer.renamed.append(Renamed((*view, *field.target), key, field.renamed, field.since))
    for key, default in spec.defaults.items():
        field = spec.fields[key]
        if key not in body and (*view, *field.target) not in writer.written:
            writer.put((*view, *field.target), default, where)
    for path, constant in spec.constants.items():
        writer.put((*view, *path), constant, where)


def _field(value: Any, where: Location, field: Field, view: Pointer, writer: Writer) -> None:
    if field.nested is None:
        converted = value if field.convert is None else field.convert(value)
        writer.put(view, converted, where)
        if isinstance(value, list) and isinstance(converted, list):
            _elements(value, converted, where, view, writer)
        return
    found = single(value)
    if found is None:
        unknown = unknown_content(value)
        if unknown is not None:  # unknown, not absent: so is everything in it
            writer.put(view, unknown, where)
        return
    inner, pointer = found
    writer.place(view, where)
    if pointer:  # a nested block: the syntax of provider 0.x
        writer.note_block(view, where)
    translate(inner, where.below(pointer), field.nested, view, writer)


def _elements(value: list[Any], converted: list[Any], where: Location, view: Pointer, writer: Writer) -> None:
    """Each element of a list keeps its place, also when it became an object (`{"id": ...}`)."""
    for index, item in enumerate(converted[: len(value)]):
        writer.place((*view, index), where.below((index,)))
        if isinstance(item, dict) and len(item) == 1:
            writer.place((*view, index, next(iter(item))), where.below((index,)))


def ids(value: Any) -> Any:
    """A list of ids as the API's list of references: `["g1"]` -> `[{"id": "g1"}]`."""
    from p1lint.tfconfig.structure import as_id

    return [{"id": as_id(item)} for item in value] if isinstance(value, list) else value


def mode(value: Any) -> Any:
    """A boolean `enabled` as the API's `mode`."""
    return {True: "ENABLED", False: "DISABLED"}.get(value, value) if isinstance(value, bool) else value
