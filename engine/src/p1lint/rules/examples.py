"""Rule examples as inputs. An example is an application (or a fragment of one); a rule about the
source text itself (repeated keys) gives its example as a string of JSON instead."""

from __future__ import annotations

from typing import Any

from p1lint.functions.base import Context
from p1lint.rules.compiled import CompiledRule


def example_context(rule: CompiledRule, example: Any) -> tuple[Any, Context]:
    """The data an example stands for, and the context to check it in."""
    settings = rule.spec.examples.settings.model_dump()
    if not isinstance(example, str):
        return example, Context(example, settings)
    from p1lint.documents.sources import SourceDocument, parse_bytes

    parsed = parse_bytes("example.json", example.encode("utf-8"))
    if not isinstance(parsed, SourceDocument):
        raise ValueError(f"the example of {rule.id} is not valid JSON: {parsed.message}")
    return parsed.data, Context(parsed.data, settings, duplicate_keys=parsed.duplicate_keys)
