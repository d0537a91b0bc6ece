"""Explain a rule in plain text: what, why, references, a bad and a good example."""

from __future__ import annotations

import json
import textwrap
from functools import cache
from typing import TYPE_CHECKING, Any

from p1lint.findings import PROFILES
from p1lint.rules.compiled import CompiledRule

if TYPE_CHECKING:
    from p1lint.rules.spec import RuleSpec


def severities(spec: RuleSpec) -> str:
    return ", ".join(f"{profile}: {spec.severity_in(profile) or 'off'}" for profile in PROFILES)


def reference_lines(spec: RuleSpec) -> list[str]:
    lines = []
    for ref in spec.references:
        section = f" §{ref.section}" if ref.section else ""
        lines.append(f"- {ref.title}{section} <{ref.url}>")
        if ref.quote:
            lines.append(f'  "{ref.quote}"')
    return lines


def example_findings(rule: CompiledRule, example: Any) -> list[str]:
    """What the rule reports on an example, so the explanation shows the real message."""
    from p1lint.messages import render

    hits = example_hits(rule, example, [])
    return [render(rule.message, hit.detail, hit.value, hit.pointer) for hit in hits]


def example_hits(rule: CompiledRule, example: Any, errors: list[Any]) -> list[Any]:
    """The hits of the rule on an example. A rule that reports on what the other rules did
    (`after_others`) sees what the bundled catalogue's rules do on it."""
    from p1lint.engine import check
    from p1lint.rules.examples import example_inputs
    from p1lint.selection import ActiveRule

    hits: list[Any] = []
    for data, context in example_inputs(rule, example):
        if rule.function.after_others:
            list(check(list(_other_rules()), data, context, errors, "<example>"))
        hits += check([ActiveRule(rule, rule.severity)], data, context, errors, "<example>")
    return hits


@cache
def _other_rules() -> tuple[Any, ...]:
    """The bundled catalogue's application rules that report on values (not on the other rules)."""
    from p1lint.catalogue import load_catalogue
    from p1lint.selection import ActiveRule

    return tuple(ActiveRule(r, r.severity) for r in load_catalogue()
                 if r.scope == "application" and not r.function.after_others)


def _settings_lines(spec: RuleSpec) -> list[str]:
    used = spec.examples.settings.model_dump(exclude_defaults=True)
    return ["", f"Examples checked with: {json.dumps(used)}"] if used else []


def shown_example(example: Any) -> str:
    """An example as JSON; a source-text example exactly as written."""
    return example.strip() if isinstance(example, str) else json.dumps(example, indent=2)


def _block(text: str) -> str:
    return textwrap.indent(textwrap.fill(" ".join(text.split()), 96), "  ")


def explain(rule: CompiledRule, profile: str) -> str:
    spec = rule.spec
    parts = [
        f"{spec.id} {spec.name} — {spec.title}",
        f"Severity: {spec.severity_in(profile) or 'off'} in {profile} ({severities(spec)})",
        "", "What it checks:", _block(spec.description),
        "", "Why:", _block(spec.rationale),
        "", "References:", *reference_lines(spec),
        "", "Bad:", textwrap.indent(shown_example(spec.examples.bad), "  "),
    ]
    parts += [f"  → {message}" for message in example_findings(rule, spec.examples.bad)]
    parts += ["", "Good:", textwrap.indent(shown_example(spec.examples.good), "  ")]
    parts += _settings_lines(spec)
    parts += ["", f"Docs: {rule.docs}"]
    return "\n".join(parts)
