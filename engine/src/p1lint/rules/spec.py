"""The model of one rule file. `extra="forbid"` everywhere: a typo is a load error."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from p1lint.findings import Profile, SeverityName
from p1lint.models.enums import Protocol
from p1lint.rules.namespace import ID_FORM, RULE_ID
from p1lint.run_settings import RunSettings

ProfileSeverity = Literal["error", "warning", "info", "off"]
OIDC: Protocol = "OPENID_CONNECT"

RULE_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Reference(Strict):
    """A citation: the spec, its section, an optional quote and a link."""

    title: str
    section: str | None = None
    quote: str | None = None
    url: str


class Condition(Strict):
    """A test on one field of the application; combinators `all`, `any`, `not` nest conditions."""

    field: str | None = None
    equals: Any = None
    not_equals: Any = None
    in_: list[Any] | None = Field(default=None, alias="in")
    not_in: list[Any] | None = None
    contains: Any = None
    contains_any: list[Any] | None = None
    not_contains: Any = None
    contains_none: list[Any] | None = None
    defined: bool | None = None
    truthy: bool | None = None
    loopback_only: bool | None = None  # a list of URIs, each http(s) on a loopback host (absent: true)
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _shape(self) -> Condition:
        combinators = [c for c in (self.all, self.any, self.not_) if c is not None]
        tests = [name for name in _TESTS if getattr(self, name) is not None]
        if combinators and (self.field or tests):
            raise ValueError("a condition is either a combinator (all/any/not) or a field test")
        if not combinators and (self.field is None or len(tests) != 1):
            names = ", ".join(name.rstrip("_") for name in _TESTS)
            raise ValueError(f"a field condition needs `field` and exactly one of: {names}")
        return self


    def data(self) -> dict[str, Any]:
        """The condition as plain data, as a compiled catalogue keeps it (`in`, `not` by those names)."""
        return self.model_dump(by_alias=True, exclude_none=True)


_TESTS = ("equals", "not_equals", "in_", "not_in", "contains", "contains_any", "not_contains",
          "contains_none", "defined", "truthy", "loopback_only")


class Then(Strict):
    """The check: a function from the library, an optional sub-field of the match, options."""

    function: str
    field: str | None = None
    options: dict[str, Any] = Field(default_factory=dict)


class ExampleSettings(Strict):
    """The run settings a rule's examples are checked with (the command line's `--custom-domain`, ...)."""

    custom_domain: str | None = None
    custom_attributes: list[str] = Field(default_factory=list)
    strict_unknowns: bool = False

    def run_settings(self) -> RunSettings:
        return RunSettings(custom_domain=self.custom_domain, custom_attributes=tuple(self.custom_attributes),
                           strict_unknowns=self.strict_unknowns)


class Examples(Strict):
    """An application (or fragment of one) that breaks the rule and one that satisfies it, and
    the settings both are checked with."""

    bad: Any
    good: Any
    settings: ExampleSettings = Field(default_factory=ExampleSettings)


class RuleSpec(Strict):
    """One rule file."""

    id: str
    name: str
    title: str
    severity: SeverityName
    profiles: dict[Profile, ProfileSeverity] = Field(default_factory=dict)
    description: str
    rationale: str
    references: list[Reference] = Field(min_length=1)
    docs: str | None = None
    scope: Literal["application", "environment", "request", "suppressions"] = "application"
    clock: bool = False  # its findings depend on the time of the run: never kept in the results cache
    requires: list[str] = Field(default_factory=list)
    protocols: list[Protocol] = Field(default_factory=lambda: [OIDC])
    given: list[str] = Field(min_length=1)
    when: list[Condition] = Field(default_factory=list)
    then: Then
    message: str = "{detail}"
    examples: Examples

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError(ID_FORM)
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not RULE_NAME.match(value):
            raise ValueError("a name is kebab-case, e.g. redirect-uri-no-fragment")
        return value

    @field_validator("given", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("when", mode="before")
    @classmethod
    def _condition_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, dict) else value

    @field_validator("requires")
    @classmethod
    def _known_context(cls, value: list[str]) -> list[str]:
        from p1lint.environment.collections import CONTEXT_NAMES

        unknown = [name for name in value if name not in CONTEXT_NAMES]
        if unknown:
            raise ValueError(f"unknown context {unknown[0]!r}; use {sorted(CONTEXT_NAMES)}")
        return value

    @field_validator("message")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        from p1lint.messages import PLACEHOLDERS, unknown_placeholders

        unknown = unknown_placeholders(value)
        if unknown:
            raise ValueError(f"unknown placeholder {{{unknown[0]}}}; use {sorted(PLACEHOLDERS)}")
        return value

    def severity_in(self, profile: str) -> SeverityName | None:
        """The effective severity in `profile`, or None when the profile turns the rule off."""
        chosen = self.profiles.get(profile, self.severity)  # type: ignore[call-overload]
        return None if chosen == "off" else chosen
