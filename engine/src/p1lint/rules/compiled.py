"""A rule ready to run: its spec plus compiled selectors, conditions, function and options."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from p1lint.functions.base import CheckFunction, Options
from p1lint.rules.conditions import Predicate
from p1lint.rules.selectors import Selector
from p1lint.rules.spec import RuleSpec

DOCS_URL = "https://github.com/p1lint/p1lint/blob/main/docs/rules.md"


@dataclass(frozen=True)
class CompiledRule:
    spec: RuleSpec
    source: Path
    selectors: tuple[Selector, ...]
    applies: Predicate
    function: CheckFunction
    options: Options
    # read once per application and rule: plain attributes, not pydantic fields
    per_application: bool = field(init=False)
    protocols: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "per_application", self.spec.scope == "application")
        object.__setattr__(self, "protocols", frozenset(self.spec.protocols))

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def docs(self) -> str:
        return self.spec.docs or f"{DOCS_URL}#{self.spec.id.lower()}-{self.spec.name}"
