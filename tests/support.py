"""Shared helpers for the tests: the catalogue, loaded once, and one-call linting."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from p1lint.catalogue import load_catalogue
from p1lint.engine import LintResult, check, lint_paths
from p1lint.functions.base import Context
from p1lint.rules.compiled import CompiledRule
from p1lint.selection import ActiveRule, active_rules

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
EXPECTATIONS = Path(__file__).resolve().parent / "expectations"


@lru_cache(maxsize=1)
def catalogue() -> tuple[CompiledRule, ...]:
    return tuple(load_catalogue())


def lint(*paths: str | Path, profile: str = "recommended", **settings: Any) -> LintResult:
    rules = active_rules(catalogue(), profile)
    return lint_paths([str(p) for p in paths], rules, settings)


def run_rule(rule: CompiledRule, application: Any) -> list[Any]:
    """The hits of one rule on one application (no file positions)."""
    active = ActiveRule(rule, rule.spec.severity)
    errors: list[Any] = []
    hits = list(check([active], application, Context(application), errors, "<test>"))
    assert not errors, errors
    return hits


def rule_by_name(name: str) -> CompiledRule:
    return next(rule for rule in catalogue() if rule.name == name)
