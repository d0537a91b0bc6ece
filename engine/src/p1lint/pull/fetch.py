"""The pull: every collection of the snapshot from the API, then each application's related
objects (grants, policy assignments, attribute mappings, role assignments, secret), several at a
time. A collection the worker may not read is left out and named in `missing` (the snapshot is
then partial); the applications are the one collection a snapshot cannot go without."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol
from urllib.parse import quote

from p1lint.findings import P1LintError
from p1lint.pull.client import ApiClient, Refused
from p1lint.pull.plan import (
    APPLICATION_LISTS,
    APPLICATION_SOURCES,
    PAGED,
    SOURCES,
    Source,
    environment_path,
    needs_secret,
    reads_role_assignments,
)
from p1lint.pull.redact import redacted

SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")  # an id fit to name a directory


class Missing(NamedTuple):
    """A collection (or an application's related list) the pull could not read."""

    collection: str
    status: int
    reason: str
    applications: tuple[str, ...] = ()


class Actor(NamedTuple):
    """Whose role assignments bound the role checks: `APPLICATION` or `USER`, in an environment."""

    type: str
    id: str
    environment_id: str


class Progress(Protocol):
    def stage(self, label: str, total: int) -> None: ...
    def advance(self, steps: int = 1) -> None: ...


@dataclass
class Pulled:
    """What a pull read, already without secrets."""

    environment_id: str
    collections: dict[str, Any] = field(default_factory=dict)
    related: dict[str, dict[str, Any]] = field(default_factory=dict)  # application id -> file -> data
    missing: list[Missing] = field(default_factory=list)

    def put(self, name: str, data: Any) -> None:
        self.collections[name] = redacted(data)

    def relate(self, application: str, name: str, data: Any) -> None:
        self.related.setdefault(application, {})[name] = redacted(data)


def pull(client: ApiClient, environment_id: str, actor: Actor, progress: Progress,
         concurrency: int = 4) -> Pulled:
    pulled = Pulled(environment_id)
    base = environment_path(_segment(environment_id))
    steps = _collection_steps(client, base, actor, pulled)
    progress.stage("collections", len(steps))
    for name, read in steps:
        _collect(pulled, SOURCES[name], read, required=name in ("environment", "applications"))
        progress.advance()
    _pull_related(client, base, pulled, progress, concurrency)
    return pulled


def _collection_steps(
    client: ApiClient, base: str, actor: Actor, pulled: Pulled
) -> list[tuple[str, Callable[[], Any]]]:
    def listed(name: str) -> Callable[[], Any]:
        return lambda: client.list_all(f"{base}/{name}", name, paged=name in PAGED)

    return [
        ("environment", lambda: client.get(base)),
        ("applications", listed("applications")),
        ("resources", listed("resources")),
        ("scopes", lambda: _scopes(client, base, pulled.collections.get("resources"))),
        ("signOnPolicies", listed("signOnPolicies")),
        ("flowPolicies", listed("flowPolicies")),
        ("roles", lambda: _roles(client, base)),
        ("groups", listed("groups")),
        ("populations", listed("populations")),
        ("schema", lambda: _user_schema(client, base)),
        ("actor", lambda: _actor(client, actor)),
    ]


def _collect(pulled: Pulled, source: Source, read: Callable[[], Any], required: bool) -> None:
    try:
        data = read()
    except Refused as refused:
        if required:
            raise P1LintError(f"p1lint pull: cannot read {source.what}: {_reason(source, refused)}") from None
        pulled.missing.append(Missing(source.name, refused.status, _reason(source, refused)))
        return
    if data is not None:
        pulled.put(source.name, data)


def _reason(source: Source, refused: Refused) -> str:
    said = f"HTTP {refused.status} for GET {refused.path}"
    if refused.status == 403:
        return f"{said}: the worker needs {source.roles} to read {source.what}"
    return f"{said}{': ' + refused.detail if refused.detail else ''}"


# -- collections read from more than one endpoint ------------------------------------------------

def _scopes(client: ApiClient, base: str, resources: Any) -> dict[str, Any] | None:
    """Every resource's scopes as one list response, each naming its resource."""
    if resources is None:
        return None  # the resources were not read: neither are their scopes
    scopes: list[Any] = []
    for resource in _embedded(resources, "resources"):
        identifier = resource.get("id") if isinstance(resource, dict) else None
        if not isinstance(identifier, str):
            continue
        listed = client.list_all(f"{base}/resources/{_segment(identifier)}/scopes", "scopes")
        for scope in _embedded(listed, "scopes"):
            if isinstance(scope, dict):
                scope.setdefault("resource", {"id": identifier})
                scopes.append(scope)
    return {"_embedded": {"scopes": scopes}, "count": len(scopes), "size": len(scopes)}


def _roles(client: ApiClient, base: str) -> dict[str, Any]:
    """The built-in roles (`GET /roles`, organization-wide) and the environment's custom roles
    (`GET /environments/{envId}/roles`), as one list response."""
    built_in = client.list_all("/v1/roles", "roles")
    custom = client.list_all(f"{base}/roles", "roles")
    roles = [*_embedded(built_in, "roles"), *_embedded(custom, "roles")]
    return {"_embedded": {"roles": roles}, "count": len(roles), "size": len(roles)}


def _user_schema(client: ApiClient, base: str) -> dict[str, Any] | None:
    """The user schema (`GET /schemas`: the one named User, else the first) with its attributes
    under `_embedded.attributes` (`GET /schemas/{schemaId}/attributes`)."""
    schemas = [s for s in _embedded(client.list_all(f"{base}/schemas", "schemas"), "schemas")
               if isinstance(s, dict) and isinstance(s.get("id"), str)]
    if not schemas:
        return None
    schema = next((s for s in schemas if s.get("name") == "User"), schemas[0])
    attributes = client.list_all(f"{base}/schemas/{_segment(schema['id'])}/attributes", "attributes")
    return {**schema, "_embedded": {"attributes": _embedded(attributes, "attributes")}}


def _actor(client: ApiClient, actor: Actor) -> dict[str, Any]:
    """The actor with its role assignments (`GET .../applications/{id}/roleAssignments` or
    `GET .../users/{id}/roleAssignments`) and, when the worker may read it, its name."""
    kind = "applications" if actor.type == "APPLICATION" else "users"
    path = f"{environment_path(_segment(actor.environment_id))}/{kind}/{_segment(actor.id)}"
    assignments = client.list_all(f"{path}/roleAssignments", "roleAssignments")
    found: dict[str, Any] = {"type": actor.type, "id": actor.id, "environment": {"id": actor.environment_id}}
    name = _name(client, path, "name" if actor.type == "APPLICATION" else "username")
    if name is not None:
        found["name"] = name
    found["roleAssignments"] = assignments
    return found


def _name(client: ApiClient, path: str, member: str) -> str | None:
    try:
        data = client.get(path)
    except Refused:
        return None
    value = data.get(member) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


# -- each application's related objects ------------------------------------------------------------

class Task(NamedTuple):
    application: str
    name: str  # a file of APPLICATION_SOURCES
    path: str


def _pull_related(client: ApiClient, base: str, pulled: Pulled, progress: Progress, concurrency: int) -> None:
    tasks = list(_related_tasks(base, pulled.collections["applications"]))
    progress.stage("applications", len(tasks))
    refused: Refusals = {}
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        futures = [(task, pool.submit(_read_related, client, task)) for task in tasks]
        try:
            for task, future in futures:
                _keep(pulled, task, future, refused)
                progress.advance()
        except BaseException:
            for _, pending in futures:
                pending.cancel()
            raise
    for name, problems in refused.items():
        pulled.missing.append(_related_missing(name, problems))


def _related_tasks(base: str, applications: Any) -> Iterator[Task]:
    for application in _embedded(applications, "applications"):
        identifier = application.get("id") if isinstance(application, dict) else None
        if not isinstance(identifier, str) or not SAFE_ID.match(identifier):
            continue
        path = f"{base}/applications/{identifier}"
        for name in APPLICATION_LISTS:
            if name != "roleAssignments" or reads_role_assignments(application):
                yield Task(identifier, name, f"{path}/{name}")
        if needs_secret(application):
            yield Task(identifier, "secret", f"{path}/secret")


def _read_related(client: ApiClient, task: Task) -> Any:
    if task.name == "secret":
        return client.get(task.path)
    return client.list_all(task.path, task.name)


Refusals = dict[str, list[tuple[str, Refused]]]  # related list -> (application id, its refusal)


def _keep(pulled: Pulled, task: Task, future: Future[Any], refused: Refusals) -> None:
    try:
        data = future.result()
    except Refused as problem:
        if problem.status == 403:  # 400 and 404: the application has none of these
            refused.setdefault(task.name, []).append((task.application, problem))
        return
    if task.name == "secret" or _embedded(data, task.name):
        pulled.relate(task.application, task.name, data)


def _related_missing(name: str, problems: list[tuple[str, Refused]]) -> Missing:
    source = APPLICATION_SOURCES[name]
    applications = tuple(application for application, _ in problems)
    first = problems[0][1]
    count = f"{len(applications)} application{'s' if len(applications) > 1 else ''}"
    reason = (f"{name} of {count}: HTTP 403 for GET {first.path}"
              f"{' and others' if len(applications) > 1 else ''}: the worker needs {source.roles} "
              f"to read {source.what}")
    return Missing(f"applications/*/{name}", 403, reason, applications)


# -- helpers ------------------------------------------------------------------------------------------

def _embedded(body: Any, name: str) -> list[Any]:
    inner = body.get("_embedded") if isinstance(body, dict) else None
    entries = inner.get(name) if isinstance(inner, dict) else None
    return entries if isinstance(entries, list) else []


def _segment(identifier: str) -> str:
    """An id as one path segment of a URL."""
    return quote(identifier, safe="")
