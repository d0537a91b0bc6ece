"""The shape of the application model as unknown-property hints read it: which properties each
object has, under which names, and which objects are nested in which. Built once, either from the
pydantic models (`model_validator`) or from the JSON Schema generated from them
(`schema_validator`); a test proves both give the same shapes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=False)
class ObjectShape:
    """An object of the model: its properties in order; `open` when it accepts any member (the
    API's read-only objects, whose shape is not checked)."""

    title: str
    open: bool = False
    fields: list[FieldShape] = field(default_factory=list)

    def field(self, key: str) -> FieldShape | None:
        """The property of attribute name `key`, else of property name (alias) `key`."""
        found = next((f for f in self.fields if f.attribute == key), None)
        return found or next((f for f in self.fields if f.name == key), None)

    def names(self) -> list[str]:
        return [f.name for f in self.fields]


@dataclass(frozen=True, eq=False)
class FieldShape:
    """A property: its name in documents, its attribute name, the object it holds (first of its
    type, list items and optionals included), and whether it is a list."""

    name: str
    attribute: str
    inner: ObjectShape | None
    is_list: bool


@dataclass(frozen=True, eq=False)
class ModelShape:
    """The application's shape and the names of the read-only members every API object has."""

    root: ObjectShape
    read_only_names: frozenset[str]
