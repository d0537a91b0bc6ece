"""The contract between the engine and a check function."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from p1lint.documents.fields import field_pointer, field_value
from p1lint.functions.regexes import RegexBudget
from p1lint.pointer import Pointer
from p1lint.run_settings import RunSettings
from p1lint.terraform.renamed import Renamed
from p1lint.terraform.values import Unknown, contains_unknown, unknowns_in

if TYPE_CHECKING:
    from p1lint.authorization.parameters import AuthorizationRequest
    from p1lint.environment.inventory import Environment


OptionsT = TypeVar("OptionsT", bound="Options")


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()  # the default of an option that has none


class Options:
    """Base of every function's options: a class whose annotated attributes are its options (their
    class values the defaults), immutable, compared and hashed by value. Options are validated when
    the rules are built (`p1lint.rules.options`, with pydantic, from the annotations): unknown options
    are errors, and so is what a `check_<field>` static method or `check_options` rejects with a
    `ValueError`. At run time they are made from the validated data alone (`from_data`), without
    pydantic — and without the cost of making a dataclass of each at import."""

    def __init__(self, **values: Any) -> None:
        fields = option_fields(type(self))
        unknown = sorted(set(values) - set(fields))
        if unknown:
            raise TypeError(f"unknown option {unknown[0]!r}")
        for name, default in fields.items():
            if name not in values and default is REQUIRED:
                raise TypeError(f"option {name!r} is required")
            value = values.get(name, default)
            object.__setattr__(self, name, value.copy() if isinstance(value, list | dict) else value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("options are read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("options are read-only")

    def _option_values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in option_fields(type(self)))

    def __eq__(self, other: object) -> bool:
        return other is self or (isinstance(other, Options) and type(other) is type(self) and (
            other._option_values() == self._option_values()))

    def __hash__(self) -> int:
        """Worked out once (the options never change): functions key their memos by them."""
        found = self.__dict__.get("_hash")
        if found is None:
            found = hash((type(self), self._option_values()))
            object.__setattr__(self, "_hash", found)
        return int(found)

    def __getstate__(self) -> dict[str, Any]:
        """The options without their hash: another process hashes differently."""
        return {name: value for name, value in self.__dict__.items() if name != "_hash"}

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in option_fields(type(self)))
        return f"{type(self).__name__}({shown})"

    def check_options(self) -> None:
        """Raise `ValueError` when the options, taken together, make no sense."""

    def run_checks(self) -> None:
        """Run the `check_<field>` methods and `check_options` (not the type checks of the fields),
        for options read back from a file that something other than p1lint may have written."""
        for name in option_fields(type(self)):
            check = getattr(type(self), f"check_{name}", None)
            if check is not None:
                check(getattr(self, name))
        self.check_options()

    @classmethod
    def from_data(cls: type[OptionsT], data: dict[str, Any]) -> OptionsT:
        """The options of validated data; `TypeError` when a name is unknown or a required one is missing."""
        tuples = tuple_fields(cls)
        return cls(**{name: tuple(value) if name in tuples and isinstance(value, list) else value
                      for name, value in data.items()})


_FIELDS: dict[type[Options], dict[str, Any]] = {}


def option_fields(cls: type[Options]) -> dict[str, Any]:
    """The options of an options class, in order, each with its default (`REQUIRED` when it has none)."""
    if cls not in _FIELDS:
        names = [name for klass in reversed(cls.__mro__) for name in vars(klass).get("__annotations__", {})]
        _FIELDS[cls] = {name: getattr(cls, name, REQUIRED) for name in dict.fromkeys(names)}
    return _FIELDS[cls]


_TUPLES: dict[type[Options], frozenset[str]] = {}


def tuple_fields(cls: type[Options]) -> frozenset[str]:
    """The options declared as tuples (annotations are text: `from __future__ import annotations`)."""
    if cls not in _TUPLES:
        hints = {name: text for klass in cls.__mro__
                 for name, text in vars(klass).get("__annotations__", {}).items()}
        _TUPLES[cls] = frozenset(name for name in option_fields(cls) if str(hints[name]).startswith("tuple["))
    return _TUPLES[cls]


class NoOptions(Options):
    pass


class Problem(NamedTuple):
    """What a function found: a detail message, the path below the checked value and, for a
    problem inside a string (an expression), the character offset in that string. A problem
    with `unknown` set is none: the value at `path` is unknown, so the function did not judge it
    (`not_judged`)."""

    detail: str
    path: Pointer = ()
    offset: int | None = None
    unknown: bool = False


def not_judged(path: Pointer) -> Problem:
    """What a function that judges the known members of a value (`unknown_members`) says of a
    member at `path` that it could not judge because the member is unknown."""
    return Problem("", path, unknown=True)


Unknowns = tuple[tuple[Pointer, Unknown], ...]


class UnknownInput(Exception):
    """A value a function needs is unknown: the function does not judge (raised by
    `Context.other_field`; the engine catches it). `unknowns` are pointers below the application."""

    def __init__(self, unknowns: Unknowns) -> None:
        super().__init__("unknown input")
        self.unknowns = unknowns


class NotJudged(NamedTuple):
    """A check a rule did not make because a value it needs is unknown, and where that value is."""

    rule: str
    name: str
    pointer: Pointer
    value: Unknown


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
    unjudged: list[NotJudged] = field(default_factory=list)  # kept with `strict_unknowns` only
    volatile: bool = False  # a check read the clock or ran out of time: not a result to keep
    _has_unknowns: bool | None = field(default=None, repr=False)

    @property
    def has_unknowns(self) -> bool:
        """Whether the application (or environment) holds any unknown value: JSON never does."""
        if self._has_unknowns is None:
            self._has_unknowns = contains_unknown(self.application)
        return self._has_unknowns

    @property
    def shared(self) -> dict[str, Any]:
        """A memo for what depends on the environment only: computed once for all its applications."""
        return self.memo if self.environment is None else self.environment.memo

    def other_field(self, dotted: str) -> Any:
        """The value of another field of the application, for a function that judges one field
        by another; raises `UnknownInput` when that value is or holds an unknown one."""
        value = field_value(self.application, dotted)
        if self.has_unknowns and contains_unknown(value):
            pointer = field_pointer(self.application, dotted)
            raise UnknownInput(tuple(((*pointer, *below), u) for below, u in unknowns_in(value)))
        return value

    def note_unjudged(self, rule: str, name: str, unknowns: Iterable[tuple[Pointer, Unknown]]) -> None:
        """Keep, for `--strict-unknowns`, that `rule` could not judge these unknown values."""
        if self.settings.strict_unknowns:
            self.unjudged.extend(NotJudged(rule, name, pointer, value) for pointer, value in unknowns)


CheckCallable = Callable[[Any, Any, Context], Iterable[Problem]]


@dataclass(frozen=True)
class CheckFunction:
    """A named check with its options model. `unknown_members`: the function judges values that
    hold unknown members by their known ones, soundly (otherwise the engine does not give it such
    a value); `after_others`: it reports on what the other rules did, so it runs after them."""

    name: str
    options: type[Options]
    check: CheckCallable
    summary: str
    unknown_members: bool = False
    after_others: bool = False
    module: str = ""  # the module of this package that defines it
