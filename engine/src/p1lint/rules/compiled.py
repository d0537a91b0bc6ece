"""A rule ready to run, made from the plain data of a compiled catalogue entry (no pydantic).

An entry holds what linting needs and nothing else; the function, its options, the selectors and
the conditions are made from it when a run first needs them, so that a run imports the function
modules of the rules it runs only. The rule file's full text (description, rationale, references,
examples) is read from the rule file when `spec` is asked for (`rule`, `docs`, `explain`, tests)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from p1lint.findings import SeverityName
from p1lint.functions.base import CheckFunction, Options
from p1lint.links import SHIPPED_DOCS, shipped_docs
from p1lint.rules.conditions import Condition, Predicate, compile_conditions
from p1lint.rules.selectors import Selector

if TYPE_CHECKING:
    from p1lint.rules.spec import RuleSpec



class RuleFunctionMissing(Exception):
    """A catalogue entry names a function the library does not have."""


@dataclass(frozen=True, eq=False)
class CompiledRule:
    id: str
    name: str
    title: str
    severity: SeverityName
    profiles: dict[str, str]  # profile -> error, warning, info or off
    scope: str  # application, environment, request or suppressions (see `p1lint.suppressions.records`)
    clock: bool  # its findings depend on the time of the run
    requires: tuple[str, ...]
    protocols: frozenset[str]
    given: tuple[str, ...]
    when: tuple[Condition, ...]
    function_name: str
    function_module: str
    option_data: dict[str, Any]
    field: str | None  # then.field: a sub-field of each match
    message: str
    docs: str
    directory: Path  # the rules directory the rule file is in
    relative_source: str  # the rule file's path below it, with `/`
    per_application: bool = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "per_application", self.scope == "application")
        if self.docs.startswith(SHIPPED_DOCS):  # the catalogue is built anywhere; the link is made here
            object.__setattr__(self, "docs", shipped_docs(self.docs))

    def severity_in(self, profile: str) -> SeverityName | None:
        """The effective severity in `profile`, or None when the profile turns the rule off."""
        chosen = self.profiles.get(profile, self.severity)
        return None if chosen == "off" else chosen  # type: ignore[return-value]

    @cached_property
    def source(self) -> Path:
        """The rule file."""
        return self.directory / self.relative_source

    @cached_property
    def function(self) -> CheckFunction:
        from p1lint.functions import get_function

        found = get_function(self.function_name, self.function_module)
        if found is None:
            raise RuleFunctionMissing(f"{self.source}: unknown function {self.function_name!r}")
        return found

    @cached_property
    def options(self) -> Options:
        return self.function.options.from_data(self.option_data)

    @cached_property
    def selectors(self) -> tuple[Selector, ...]:
        return tuple(Selector(expression, checked=True) for expression in self.given)

    @cached_property
    def entry_fields(self) -> tuple[str, ...] | None:
        """The members of the data that every match lies in, when each selector starts at one: a
        rule has nothing to check in data that has none of them."""
        firsts = tuple(selector.first_field for selector in self.selectors)
        return tuple(dict.fromkeys(firsts)) if firsts and None not in firsts else None  # type: ignore[arg-type]

    @cached_property
    def applies(self) -> Predicate:
        return compile_conditions(list(self.when))

    @cached_property
    def spec(self) -> RuleSpec:
        """The whole rule file, validated (imports the YAML loader and pydantic)."""
        from p1lint.rules.rulefile import read_spec

        return read_spec(self.source)

    def prepare(self) -> None:
        """Make everything a run needs now and run the options' checks, so that an entry read from a
        file something else may have written fails here and not mid-run."""
        self.options.run_checks()
        for selector in self.selectors:
            selector.parse()
        self.applies  # noqa: B018 - compiles the conditions


def default_docs(rule_id: str, name: str) -> str:
    """The link of a rule file without `docs`, as the catalogue keeps it (see `p1lint.links`)."""
    return f"{SHIPPED_DOCS}#{rule_id.lower()}-{name}"
