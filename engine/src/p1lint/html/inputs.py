"""The inputs of a run read again for its HTML report: the environments (their name, id and
region, for the page's header), the applications by their identity (for their cards), and the
documents by file name (for code frames). Standard input cannot be read again: its findings are
shown without a frame, even when a file of the name it was given exists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from p1lint.environment.inventory import Environment
from p1lint.identity import Subject

STANDARD_INPUT = "-"


class EnvironmentLine(NamedTuple):
    label: str
    id: str
    region: str
    applications: int
    source: str


class AppContext(NamedTuple):
    """An application, and the roles of its environment by id (to name its role assignments)."""

    data: dict[str, Any]
    roles: dict[str, str]


class Inputs(NamedTuple):
    environments: tuple[EnvironmentLine, ...]
    applications: dict[str, AppContext]  # by `Subject.key`
    documents: dict[str, Any]  # file name -> SourceDocument


def read_inputs(names: Iterable[str], stdin_name: str = "") -> Inputs:
    """The inputs `names` read again, but the one named `stdin_name` (standard input)."""
    from p1lint.engine import read_environments

    unread = {STANDARD_INPUT, stdin_name}
    environments = read_environments([name for name in dict.fromkeys(names) if name not in unread])
    applications: dict[str, AppContext] = {}
    documents: dict[str, Any] = {}
    for environment in environments:
        roles = _role_names(environment)
        for target in environment.applications:
            data = target.application
            if isinstance(data, dict):
                applications.setdefault(Subject.of(data).key, AppContext(data, roles))
        documents.update({document.name: document for document in _documents(environment)})
    return Inputs(tuple(_line(e) for e in environments if e.snapshot), applications, documents)


def _documents(environment: Environment) -> Iterable[Any]:
    yield from environment.documents()
    for target in environment.applications:
        yield target.location.document
        yield from (attached.location.document for attached in target.attached.values())


def _role_names(environment: Environment) -> dict[str, str]:
    roles = [entry.data for entry in environment.entries("roles") if isinstance(entry.data, dict)]
    return {role["id"]: str(role.get("name") or role["id"])
            for role in roles if isinstance(role.get("id"), str)}


def _line(environment: Environment) -> EnvironmentLine:
    described = environment.object("environment")
    about = described if isinstance(described, dict) else {}
    return EnvironmentLine(_text(about.get("name")) or environment.name, _text(about.get("id")),
                           _text(about.get("region")), len(environment.applications), environment.name)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
