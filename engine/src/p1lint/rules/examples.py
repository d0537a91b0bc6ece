"""Rule examples as inputs. An example is an application (or a fragment of one), an environment
snapshot (for rules that need the environment: a mapping with `applications`), a Terraform
configuration in Terraform's JSON syntax (a mapping with `resource`), or, for a rule about the
source text itself (repeated keys), a string of JSON."""

from __future__ import annotations

import json
from typing import Any

from p1lint.functions.base import Context
from p1lint.rules.compiled import CompiledRule
from p1lint.run_settings import RunSettings


def example_inputs(rule: CompiledRule, example: Any) -> list[tuple[Any, Context]]:
    """Each piece of data the example stands for, with the context to check it in: the example
    itself, or for a snapshot its applications (application rules) or its data (environment rules)."""
    settings = rule.spec.examples.settings.run_settings()
    if isinstance(example, str):
        return [_source_text(rule, example, settings)]
    if is_terraform_example(example):
        return _terraform(rule, example, settings)
    if not is_snapshot_example(example):  # an application: it sends no request
        return [] if rule.spec.scope == "request" else [(example, Context(example, settings))]
    environment = example_environment(example)
    if rule.spec.scope == "request":
        return _request_inputs(environment, settings)
    if rule.spec.scope == "environment":
        data = environment.data()
        return [(data, Context(data, settings, environment=environment))]
    return [(t.application, Context(t.application, settings, environment=environment))
            for t in environment.applications]


def _request_inputs(environment: Any, settings: RunSettings) -> list[tuple[Any, Context]]:
    """The snapshot's authorization requests, each with its application, as the engine checks them."""
    from p1lint.authorization.inputs import RequestInput, snapshot_inputs

    inputs = list(snapshot_inputs(environment))
    errors = [item for item in inputs if not isinstance(item, RequestInput)]
    if errors:
        raise ValueError(f"an authorization request of the example is malformed: {errors[0]}")
    return [(item.request.data, Context.for_request(item.application, item.request, settings, environment))
            for item in inputs if isinstance(item, RequestInput)]


def is_snapshot_example(example: Any) -> bool:
    from p1lint.documents.kinds import kind_of
    from p1lint.environment.snapshot import SNAPSHOT_KIND

    kind = kind_of(example)
    return kind is not None and kind.name == SNAPSHOT_KIND


def is_terraform_example(example: Any) -> bool:
    """A Terraform configuration in Terraform's JSON syntax (a mapping with `resource`)."""
    return isinstance(example, dict) and isinstance(example.get("resource"), dict)


def _terraform(rule: CompiledRule, example: Any, settings: RunSettings) -> list[tuple[Any, Context]]:
    """The applications of a Terraform example, read as a `.tf.json` file is."""
    from p1lint.documents.sources import SourceDocument, parse_bytes
    from p1lint.tfconfig.environments import terraform_environments

    parsed = parse_bytes("example.tf.json", json.dumps(example).encode("utf-8"))
    assert isinstance(parsed, SourceDocument)
    inputs = []
    for environment in terraform_environments("example", [parsed]):
        for target in environment.applications:
            renamed = getattr(target.located.view, "renamed", ())
            inputs.append((target.application, Context(target.application, settings, environment=environment,
                                                        renamed=renamed)))
    return inputs


def example_environment(example: Any) -> Any:
    """The environment of a snapshot example, read as a snapshot file is."""
    from p1lint.documents.sources import SourceDocument, parse_bytes
    from p1lint.environment.snapshot import snapshot_environment

    parsed = parse_bytes("example.json", json.dumps(example).encode("utf-8"))
    assert isinstance(parsed, SourceDocument)
    environment = snapshot_environment(parsed)
    if environment.problems:
        raise ValueError(f"the example snapshot is malformed: {environment.problems[0].message}")
    return environment


def _source_text(rule: CompiledRule, example: str, settings: RunSettings) -> tuple[Any, Context]:
    from p1lint.documents.sources import SourceDocument, parse_bytes

    parsed = parse_bytes("example.json", example.encode("utf-8"))
    if not isinstance(parsed, SourceDocument):
        raise ValueError(f"the example of {rule.id} is not valid JSON: {parsed.message}")
    return parsed.data, Context(parsed.data, settings, duplicate_keys=parsed.duplicate_keys)
