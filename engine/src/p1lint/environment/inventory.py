"""The `Environment` inventory: typed collections by id, each entry remembering where it came from.

Rules read it through their context (`context.environment`): lookups by id, the scopes of a
resource, the actor. A single application file is an environment with only its applications;
what it lacks (roles, an actor, policies) is absent, and rules that need it do not apply.

A collection read from Terraform may hold objects whose id (or which as a whole) is unknown: it is
not `settled`, and an id not found in it does not mean the environment `lacks` that object."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from p1lint.documents.applications import Located
from p1lint.documents.location import Location
from p1lint.findings import InputError
from p1lint.pointer import Pointer
from p1lint.terraform.values import Unknown


class Entry(NamedTuple):
    """One object of a collection and where it is written."""

    data: Any
    location: Location


class Attached(NamedTuple):
    """A per-application collection written in a file of its own (the directory form): the
    entries of the view's field from `offset` on are the list at `location` (an object, such as
    the secret, when `offset` is None)."""

    location: Location
    offset: int | None


class ApplicationTarget(NamedTuple):
    """An application as rules check it (its view) and the way back to where each value is written."""

    located: Located
    location: Location  # of the application object
    attached: dict[str, Attached] = {}  # never mutated: replaced by `_replace`
    data: Any = None  # the view with attached collections in place (default: the view's data)

    @property
    def application(self) -> Any:
        return self.located.application if self.data is None else self.data

    def locate(self, pointer: Pointer) -> Location:
        """Where the value at `pointer` of the view is written."""
        attached = self.attached.get(pointer[0]) if pointer and isinstance(pointer[0], str) else None
        if attached is not None:
            found = _in_attached(attached, pointer[1:])
            if found is not None:
                return found
        return self.location.below(self.located.view.original(pointer))


def _in_attached(attached: Attached, rest: Pointer) -> Location | None:
    if attached.offset is None or (not rest and attached.offset == 0):
        return attached.location.below(rest)
    if rest and isinstance(rest[0], int) and rest[0] >= attached.offset:
        return attached.location.below((rest[0] - attached.offset, *rest[1:]))
    return None


@dataclass
class Environment:
    """Everything one run knows of one environment."""

    name: str  # the snapshot's file or directory, for messages
    origin: Location  # where the environment as a whole is reported (its document's root)
    applications: list[ApplicationTarget] = field(default_factory=list)
    lists: dict[str, list[Entry]] = field(default_factory=dict)
    objects: dict[str, Entry] = field(default_factory=dict)
    problems: list[InputError] = field(default_factory=list)
    snapshot: bool = False  # read from an environment snapshot, whose summary names the checks it lacked
    scope_resources: dict[str, str] = field(default_factory=dict)  # scope id -> its resource's id
    unsettled: set[str] = field(default_factory=set)  # collections with an object or id unknown
    memo: dict[str, Any] = field(default_factory=dict, repr=False)  # what functions derive from it, once
    _ids: dict[tuple[str, str], Entry] = field(default_factory=dict, repr=False)
    _indexed: bool = field(default=False, repr=False)
    _data: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def has_context(self) -> bool:
        """Whether the input said more than applications (roles, policies, an environment, ...)."""
        return bool(self.lists.keys() - {"applications"} or self.objects)

    def has(self, name: str) -> bool:
        """Whether the collection `name` is part of the input (possibly empty)."""
        if name == "applications":
            return True
        if name == "userSchema":
            return _attributes(self.object("schema")) is not None
        return name in self.lists or name in self.objects

    def entries(self, name: str) -> list[Entry]:
        return self.lists.get(name, [])

    def object(self, name: str) -> Any:
        entry = self.objects.get(name)
        return None if entry is None else entry.data

    def get(self, name: str, identifier: Any) -> Any:
        """The object of collection `name` with this `id`, or None."""
        entry = self.entry(name, identifier)
        return None if entry is None else entry.data

    def entry(self, name: str, identifier: Any) -> Entry | None:
        if not self._indexed:
            self._index()
        return self._ids.get((name, identifier)) if isinstance(identifier, str) else None

    def settled(self, name: str) -> bool:
        """Whether every object of collection `name`, and its id, is known."""
        if not self._indexed:
            self._index()
        return name not in self.unsettled

    def lacks(self, name: str, identifier: Any) -> bool:
        """Whether the input has collection `name` and certainly no object with this id in it."""
        return self.has(name) and self.settled(name) and self.entry(name, identifier) is None

    def _index(self) -> None:
        for name, entries in self.lists.items():
            for entry in entries:
                self._add_id(name, entry.data, entry)
        for target in self.applications:
            self._add_id("applications", target.application, Entry(target.application, target.location))
        self._indexed = True

    def _add_id(self, name: str, data: Any, entry: Entry) -> None:
        identifier = data.get("id") if isinstance(data, dict) else None
        if isinstance(identifier, str):
            self._ids.setdefault((name, identifier), entry)
        elif isinstance(identifier, Unknown):
            self.unsettled.add(name)

    def user_attributes(self) -> dict[str, Any] | None:
        """The user schema's attributes by name, or None when the input has no user schema."""
        attributes = _attributes(self.object("schema"))
        if attributes is None:
            return None
        return {a["name"]: a for a in attributes if isinstance(a, dict) and isinstance(a.get("name"), str)}

    def data(self) -> dict[str, Any]:
        """The environment as plain data, for rules of `scope: environment` (pointers into it are
        mapped back by `locate`)."""
        if self._data is None:
            data: dict[str, Any] = {name: entry.data for name, entry in self.objects.items()}
            data.update({name: [entry.data for entry in entries] for name, entries in self.lists.items()})
            data["applications"] = [target.application for target in self.applications]
            self._data = data
        return self._data

    def locate(self, pointer: Pointer) -> Location:
        """Where the value at `pointer` of `data()` is written."""
        if not pointer or not isinstance(pointer[0], str):
            return self.origin
        name, rest = pointer[0], pointer[1:]
        if name in self.objects:
            return self.objects[name].location.below(rest)
        items = self.applications if name == "applications" else self.lists.get(name)
        if not items or not rest or not isinstance(rest[0], int) or not 0 <= rest[0] < len(items):
            return self.origin
        item = items[rest[0]]
        if isinstance(item, ApplicationTarget):
            return item.locate(rest[1:])
        return item.location.below(rest[1:])

    def documents(self) -> Iterator[Any]:
        """The documents the environment was read from, each once."""
        seen: dict[int, Any] = {id(self.origin.document): self.origin.document}
        for entry in [*self.objects.values(), *(e for es in self.lists.values() for e in es)]:
            seen.setdefault(id(entry.location.document), entry.location.document)
        yield from seen.values()


def _attributes(user_schema: Any) -> list[Any] | None:
    """The attribute list of a user schema object (`attributes`, or the API's `_embedded.attributes`)."""
    if isinstance(user_schema, list):
        return user_schema
    if not isinstance(user_schema, dict):
        return None
    attributes = user_schema.get("attributes")
    if isinstance(attributes, list):
        return attributes
    embedded = user_schema.get("_embedded")
    inner = embedded.get("attributes") if isinstance(embedded, dict) else None
    return inner if isinstance(inner, list) else None
