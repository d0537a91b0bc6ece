"""Helpers for tests of unknown values: data with `Unknown` in place of known values, checked by
the whole catalogue without a parser (the engine's `check`, as `lint_paths` runs it)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from p1lint.documents.document import SourceDocument
from p1lint.documents.jsonformat import JSON
from p1lint.documents.kinds import kind_of
from p1lint.engine import check
from p1lint.environment.inventory import Environment
from p1lint.environment.snapshot import SNAPSHOT_KIND, application_environment, snapshot_environment
from p1lint.functions.base import Context
from p1lint.pointer import Pointer
from p1lint.run_settings import RunSettings
from p1lint.selection import ActiveRule
from p1lint.terraform.values import Unknown

Found = tuple[str, Pointer]  # rule id, pointer in the environment's data (`applications`, index, ...)


def pointers(data: Any, prefix: Pointer = ()) -> Iterator[Pointer]:
    """Every member and item below `data`, at any depth (not `data` itself)."""
    if isinstance(data, dict):
        members: list[tuple[Any, Any]] = list(data.items())
    elif isinstance(data, list):
        members = list(enumerate(data))
    else:
        return
    for key, value in members:
        yield (*prefix, key)
        yield from pointers(value, (*prefix, key))


def replaced(data: Any, pointer: Pointer, value: Any) -> Any:
    """A deep copy of `data` with `value` at `pointer`."""
    copied = copy.deepcopy(data)
    parent = copied
    for key in pointer[:-1]:
        parent = parent[key]
    parent[pointer[-1]] = value
    return copied


def unknown_at(data: Any, pointer: Pointer, expression: str = "var.x") -> Any:
    return replaced(data, pointer, Unknown(expression, (expression,)))


def environments_of(data: Any) -> list[Environment]:
    """The environments of an application, a document of applications, a snapshot or a Terraform
    configuration in the JSON syntax, read from plain data (that may hold unknown values) as the
    engine reads a parsed file."""
    from p1lint.rules.examples import is_terraform_example

    if is_terraform_example(data):
        from p1lint.documents.tfjsonformat import TERRAFORM_JSON, structure
        from p1lint.tfconfig.environments import terraform_environments

        document = SourceDocument("<data>.tf.json", "", structure(data), TERRAFORM_JSON)
        return terraform_environments("<data>", [document])
    return [environment_of(data)]


def environment_of(data: Any) -> Environment:
    """The environment of an application, a document of applications or a snapshot."""
    document = SourceDocument("<data>", "", data, JSON)
    kind = kind_of(data)
    if kind is not None and kind.name == SNAPSHOT_KIND:
        return snapshot_environment(document)
    return application_environment(document, kind)  # type: ignore[arg-type]


def findings_of(
    data: Any, rules: list[ActiveRule], settings: RunSettings | None = None
) -> tuple[set[Found], list[Any]]:
    """The (rule, pointer) of every hit of `rules` on `data`, and the internal errors."""
    errors: list[Any] = []
    found: set[Found] = set()
    for environment in environments_of(data):
        more, problems = environment_findings(environment, rules, settings)
        found |= {(rule, pointer) for rule, _, pointer in more}
        errors += problems
    return found, errors


def environment_findings(
    environment: Environment, rules: list[ActiveRule], settings: RunSettings | None = None
) -> tuple[set[tuple[str, str, Pointer]], list[Any]]:
    """The rule, file and pointer of every hit of `rules` on an environment, as the engine runs them."""
    settings = settings or RunSettings()
    errors: list[Any] = []
    found: set[tuple[str, str, Pointer]] = set()
    per_application = [r for r in rules if r.rule.spec.scope == "application"]
    for target in environment.applications:
        renamed = getattr(target.located.view, "renamed", ())
        context = Context(target.application, settings, environment=environment, renamed=renamed)
        for hit in check(per_application, target.application, context, errors, "<data>"):
            location = target.locate(hit.pointer)
            found.add((hit.active.rule.id, location.document.name, location.pointer))
    scoped = [r for r in rules if r.rule.spec.scope == "environment"]
    context = Context(environment.data(), settings, environment=environment)
    for hit in check(scoped, environment.data(), context, errors, "<data>"):
        location = environment.locate(hit.pointer)
        found.add((hit.active.rule.id, location.document.name, location.pointer))
    return found, errors


def messages_of(data: Any, rules: list[ActiveRule], settings: RunSettings | None = None) -> dict[Found, str]:
    """The message of every hit of `rules` on the applications of `data`, rendered as a finding's."""
    from p1lint.messages import render

    settings = settings or RunSettings()
    environment = environment_of(data)
    messages: dict[Found, str] = {}
    for target in environment.applications:
        context = Context(target.application, settings, environment=environment)
        for hit in check(rules, target.application, context, [], "<data>"):
            text = render(hit.active.rule.spec.message, hit.detail, hit.value, hit.pointer)
            messages[(hit.active.rule.id, target.locate(hit.pointer).pointer)] = text
    return messages
