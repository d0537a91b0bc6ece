"""Explain a rule in plain text: what, why, references, a bad and a good example."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from p1lint.findings import PROFILES
from p1lint.rules.compiled import CompiledRule
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
    from p1lint.engine import check
    from p1lint.messages import render
    from p1lint.rules.examples import example_inputs
    from p1lint.selection import ActiveRule

    active = ActiveRule(rule, rule.spec.severity)
    hits = [hit for data, context in example_inputs(rule, example)
            for hit in check([active], data, context, [], "<example>")]
    return [render(rule.spec.message, hit.detail, hit.value, hit.pointer) for hit in hits]


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
