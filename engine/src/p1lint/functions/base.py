"""The contract between the engine and a check function."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from p1lint.functions.regexes import RegexBudget
from p1lint.pointer import Pointer
from p1lint.run_settings import RunSettings
from p1lint.terraform.renamed import Renamed

if TYPE_CHECKING:
    from p1lint.authorization.parameters import AuthorizationRequest
    from p1lint.environment.inventory import Environment


class Options(BaseModel):
    """Base of every function's options: unknown options are load errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NoOptions(Options):
    pass


class Problem(NamedTuple):
    """What a function found: a detail message, the path below the checked value and, for a
    problem inside a string (an expression), the character offset in that string."""

    detail: str
    path: Pointer = ()
    offset: int | None = None


@dataclass
class Context:
    """What a function may look at besides the value: the application, the run settings, a memo, facts
    of the source text the data no longer shows (keys repeated in one object), and the
    environment the application belongs to (for rules of `scope: environment`, `application` is
    the environment's data; for rules of `scope: request`, it is the application the request is
    for, None when no application of the environment matches, and `request` is the request)."""

    application: Any
    settings: RunSettings = field(default_factory=RunSettings)
    memo: dict[str, Any] = field(default_factory=dict)
    duplicate_keys: tuple[Pointer, ...] = ()
    renamed: tuple[Renamed, ...] = ()  # Terraform attributes written as an older provider wrote them
    regex_budget: RegexBudget = field(default_factory=RegexBudget)  # one per file, shared by its applications
    environment: Environment | None = None
    request: AuthorizationRequest | None = None

    @classmethod
    def for_request(
        cls, application: Any, request: AuthorizationRequest, settings: RunSettings,
        environment: Environment, regex_budget: RegexBudget | None = None,
    ) -> Context:
        """The context of a request rule; parameters written twice are its repeated keys."""
        repeated = tuple((name,) for name in request.repeated)
        return cls(application, settings, duplicate_keys=repeated, regex_budget=regex_budget or RegexBudget(),
                   environment=environment, request=request)


CheckCallable = Callable[[Any, Any, Context], Iterable[Problem]]


@dataclass(frozen=True)
class CheckFunction:
    """A named check with its options model."""

    name: str
    options: type[Options]
    check: CheckCallable
    summary: str
