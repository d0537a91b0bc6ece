"""Build an `Environment` from what was read: one snapshot document, the directory form of a
snapshot, or a plain application document (an environment with only its applications).

Collections of the wrong shape are input errors at their place; the rest is still read."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from p1lint.documents.applications import Located, applications
from p1lint.documents.embedded import embedded_view
from p1lint.documents.kinds import Kind
from p1lint.documents.location import Location
from p1lint.documents.sources import SourceDocument
from p1lint.environment.collections import BY_NAME, list_entries
from p1lint.environment.inventory import ApplicationTarget, Entry, Environment
from p1lint.findings import InputError
from p1lint.pointer import format_field
from p1lint.terraform.values import Unknown

SNAPSHOT_KIND = "environment snapshot"


def application_environment(document: SourceDocument, kind: Kind) -> Environment:
    """A document of applications (one, an array, a list response) as an environment."""
    environment = Environment(document.name, Location(document, ()))
    for located in applications(document.data, kind):
        environment.applications.append(_target(document, located))
    return environment


def snapshot_environment(document: SourceDocument) -> Environment:
    """A one-document snapshot: every collection is a member of the top-level mapping."""
    environment = Environment(document.name, Location(document, ()), snapshot=True)
    data = document.data
    for key, value in data.items():
        collection = BY_NAME.get(key) if isinstance(key, str) else None
        if collection is None:
            _unknown_member(environment, document, key)
        else:
            add_collection(environment, key, value, Location(document, (key,)))
    return environment


def add_collection(environment: Environment, name: str, value: Any, where: Location) -> None:
    """Read the collection `name` (written at `where`) into the environment."""
    if isinstance(value, Unknown):  # there, but not known: nothing it lacks can be told
        environment.unsettled.add(name)
        if BY_NAME[name].shape == "object":
            environment.objects[name] = Entry(value, where)
        else:
            environment.lists.setdefault(name, [])
        return
    if BY_NAME[name].shape == "object":
        _add_object(environment, name, value, where)
        return
    found = list_entries(value, BY_NAME[name].embedded)
    if found is None:
        environment.problems.append(_problem(where, f"{name}: expected a list or the API's list response"))
        return
    entries, inner = found
    base = where.below(inner)
    if name == "applications":
        _add_applications(environment, entries, base)
        return
    added = [Entry(item, base.below((index,))) for index, item in enumerate(entries)
             if _is_object(environment, item, base.below((index,)), name)]
    environment.lists.setdefault(name, []).extend(added)
    if name == "resources":
        _add_nested_scopes(environment, added)
    if name == "scopes":
        for entry in added:
            _note_resource(environment, entry.data, _reference(entry.data.get("resource")))


def _add_object(environment: Environment, name: str, value: Any, where: Location) -> None:
    if _is_object(environment, value, where, name):
        environment.objects[name] = Entry(value, where)


def _add_applications(environment: Environment, entries: list[Any], base: Location) -> None:
    for index, item in enumerate(entries):
        location = base.below((index,))
        if _is_object(environment, item, location, "applications"):
            located = Located(location.pointer, embedded_view(item))
            environment.applications.append(_target(location.document, located))


def _add_nested_scopes(environment: Environment, resources: Iterable[Entry]) -> None:
    """A resource's scopes (`scopes`, or the API's `_embedded.scopes`) join the `scopes` collection."""
    scopes = environment.lists.setdefault("scopes", [])
    for resource in resources:
        if isinstance(resource.data.get("scopes"), Unknown):
            environment.unsettled.add("scopes")
        found = _scope_list(resource)
        if found is None:
            continue
        entries, base = found
        for index, scope in enumerate(entries):
            if isinstance(scope, Unknown):
                environment.unsettled.add("scopes")
            if isinstance(scope, dict):
                scopes.append(Entry(scope, base.below((index,))))
                _note_resource(environment, scope, resource.data.get("id"))


def _scope_list(resource: Entry) -> tuple[list[Any], Location] | None:
    own = resource.data.get("scopes")
    found = list_entries(own if own is not None else resource.data, "scopes")
    if found is None:
        return None
    entries, inner = found
    return entries, resource.location.below(("scopes", *inner) if own is not None else inner)


def _note_resource(environment: Environment, scope: Any, resource: Any) -> None:
    identifier = scope.get("id") if isinstance(scope, dict) else None
    if isinstance(identifier, str) and isinstance(resource, str):
        environment.scope_resources.setdefault(identifier, resource)


def _reference(value: Any) -> Any:
    """The id of a reference object (`{"id": ...}`)."""
    return value.get("id") if isinstance(value, dict) else None


def _is_object(environment: Environment, value: Any, where: Location, name: str) -> bool:
    if isinstance(value, dict):
        return True
    if isinstance(value, Unknown):  # an object Terraform does not settle: no input error
        environment.unsettled.add(name)
        return False
    field = format_field(where.pointer) if where.pointer else name
    environment.problems.append(_problem(where, f"{field}: expected an object in {name}"))
    return False


def _target(document: SourceDocument, located: Located) -> ApplicationTarget:
    return ApplicationTarget(located, Location(document, located.pointer))


def _unknown_member(environment: Environment, document: SourceDocument, key: Any) -> None:
    """A member that is no collection is ignored (`_links`, `count`), unless it is close to the
    name of one: a misspelt collection must not silently turn its checks off."""
    close = difflib.get_close_matches(str(key), list(BY_NAME), n=1, cutoff=0.75)
    if close and isinstance(key, str):
        message = f"unknown snapshot member {key!r}; did you mean {close[0]!r}?"
        environment.problems.append(_problem(Location(document, (key,)), message))


def _problem(where: Location, message: str) -> InputError:
    line, column = where.document.position(where.pointer)
    return InputError(where.document.name, line, column, message)
