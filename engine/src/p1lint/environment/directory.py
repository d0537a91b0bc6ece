"""The directory form of a snapshot: one file per collection (`applications.json`, `roles.json`,
...), each as the API returns it, and per-application collections in
`applications/<appId>/<collection>.json`.

A directory is a snapshot when it holds an applications file and at least one other collection
file; its files are then read as one environment, and a file of it named on the command line (a
pre-commit hook passes the changed files) brings in the whole snapshot."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from pathlib import PurePath
from typing import Any, NamedTuple

from p1lint.documents.location import Location
from p1lint.documents.sources import DATA_SUFFIXES, SourceDocument
from p1lint.environment.collections import APPLICATION_FILES, BY_NAME, list_entries
from p1lint.environment.inventory import ApplicationTarget, Attached, Environment
from p1lint.environment.snapshot import add_collection
from p1lint.environment.terraformdirs import TerraformDirectory, terraform_directory
from p1lint.findings import InputError


class SnapshotDirectory(NamedTuple):
    """A snapshot directory and the files of it to read."""

    path: str
    files: list[str]


Unit = str | SnapshotDirectory | TerraformDirectory


@cache
def is_snapshot_directory(directory: str) -> bool:
    try:
        names = os.listdir(directory or ".")
    except OSError:
        return False
    stems = {_stem(name) for name in names if name.lower().endswith(DATA_SUFFIXES)}
    return "applications" in stems and len(stems & BY_NAME.keys()) > 1


def snapshot_root(name: str) -> str | None:
    """The snapshot directory whose member `name` is, if any."""
    path = PurePath(name)
    parent = str(path.parent)
    if _stem(path.name) in BY_NAME and is_snapshot_directory(parent):
        return parent
    if len(path.parts) >= 3 and path.parent.parent.name == "applications":
        root = str(path.parent.parent.parent)
        if _stem(path.name) in APPLICATION_FILES and is_snapshot_directory(root):
            return root
    return None


def group_units(names: Iterable[str]) -> list[Unit]:
    """The input files, members of a snapshot directory — or the Terraform files of one
    directory — gathered into one unit (in the order the first of them came), every member of it
    read once."""
    units: list[Unit] = []
    seen: set[tuple[type, str]] = set()
    for name in names:
        unit = _unit(name)
        if isinstance(unit, str):
            units.append(unit)
        elif (type(unit), unit.path) not in seen:
            seen.add((type(unit), unit.path))
            units.append(unit)
    return units


def _unit(name: str) -> Unit:
    terraform = terraform_directory(name)
    if terraform is not None:
        return terraform
    root = snapshot_root(name) if isinstance(name, str) else None
    return name if root is None else SnapshotDirectory(root, members(root))


def members(root: str) -> list[str]:
    """Every collection file of the snapshot directory `root`, in a stable order."""
    found: list[str] = []
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        if os.path.isfile(path) and _stem(name) in BY_NAME and name.lower().endswith(DATA_SUFFIXES):
            found.append(path)
    applications = os.path.join(root, "applications")
    if os.path.isdir(applications):
        found.extend(_application_files(applications))
    return found


def _application_files(directory: str) -> list[str]:
    found: list[str] = []
    for application in sorted(os.listdir(directory)):
        folder = os.path.join(directory, application)
        if not os.path.isdir(folder) or application.startswith("."):
            continue
        for name in sorted(os.listdir(folder)):
            if _stem(name) in APPLICATION_FILES and name.lower().endswith(DATA_SUFFIXES):
                found.append(os.path.join(folder, name))
    return found


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def directory_environment(directory: SnapshotDirectory, documents: list[SourceDocument]) -> Environment:
    """One environment from the parsed members of a snapshot directory."""
    primary = next((d for d in documents if _stem(PurePath(d.name).name) == "applications"), documents[0])
    environment = Environment(directory.path, Location(primary, ()), snapshot=True)
    per_application = []
    for document in documents:
        path = PurePath(document.name)
        if path.parent.parent.name == "applications" and _stem(path.name) in APPLICATION_FILES:
            per_application.append(document)
        else:
            add_collection(environment, _stem(path.name), document.data, Location(document, ()))
    for document in per_application:
        _attach(environment, document)
    return environment


def _attach(environment: Environment, document: SourceDocument) -> None:
    path = PurePath(document.name)
    identifier, name = path.parent.name, _stem(path.name)
    index = next((i for i, t in enumerate(environment.applications)
                  if isinstance(t.application, dict) and t.application.get("id") == identifier), None)
    if index is None:
        message = f"no application with id {identifier!r} in the snapshot's applications"
        environment.problems.append(InputError(document.name, 1, 1, message))
        return
    attached = _attached(environment.applications[index], APPLICATION_FILES[name], name, document)
    if isinstance(attached, InputError):
        environment.problems.append(attached)
    else:
        environment.applications[index] = attached


def _attached(
    target: ApplicationTarget, field_name: str, member: str, document: SourceDocument
) -> ApplicationTarget | InputError:
    data = dict(target.application)
    if field_name == "secret":
        if not isinstance(document.data, dict):
            return InputError(document.name, 1, 1, "expected the secret object")
        data[field_name] = document.data
        return _with(target, data, field_name, Attached(Location(document, ()), None))
    found = list_entries(document.data, member)
    if found is None:
        return InputError(document.name, 1, 1, f"{member}: expected a list or the API's list response")
    entries, inner = found
    own = data.get(field_name)
    own = own if isinstance(own, list) else []
    data[field_name] = [*own, *entries]
    return _with(target, data, field_name, Attached(Location(document, inner), len(own)))


def _with(target: ApplicationTarget, data: Any, field_name: str, attached: Attached) -> ApplicationTarget:
    return target._replace(attached={**target.attached, field_name: attached}, data=data)
