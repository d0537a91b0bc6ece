"""The data the checks compare against, loaded once from the `grammar/` data directory.

`helpers.yaml` lists the helper libraries, their functions and arities (read from the JSON copy
shipped beside it, see `p1lint.datafiles`); `user-attributes.txt` lists
the standard user attribute paths. Adding a helper or an attribute is one line of data there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import NamedTuple, TypeGuard

from p1lint.datafiles import load
from p1lint.resources import data_dir

HELPERS_FILE = "helpers.yaml"  # read from its JSON copy (`p1lint.datafiles`)


class CatalogError(ValueError):
    """A data file of the expression language is malformed."""


class Arity(NamedTuple):
    """How many arguments a helper takes: `minimum`, at most `maximum`, in steps of `step`."""

    minimum: int
    maximum: int | None = None
    step: int = 1

    def accepts(self, count: int) -> bool:
        if count < self.minimum or (self.maximum is not None and count > self.maximum):
            return False
        return (count - self.minimum) % self.step == 0

    def describe(self) -> str:
        if self.maximum == self.minimum:
            return _plural(self.minimum)
        if self.step != 1:
            counts = (self.minimum + self.step * times for times in range(3))
            return ", ".join(map(str, counts)) + ", ... arguments"
        if self.maximum is None:
            return f"{self.minimum} or more arguments"
        return f"{self.minimum} to {self.maximum} arguments"


def _plural(count: int) -> str:
    return f"{count} argument" + ("" if count == 1 else "s")


Helpers = Mapping[str, Mapping[str, Arity]]


@cache
def helpers() -> Helpers:
    """Library name -> function name -> arity, from `grammar/helpers.yaml`."""
    try:
        return parse_helpers(load("grammar", HELPERS_FILE))
    except CatalogError as error:
        raise CatalogError(f"{HELPERS_FILE}: {error}") from None


def parse_helpers(data: object) -> Helpers:
    """Check and convert the loaded `helpers.yaml` data; raise `CatalogError` when malformed."""
    if not isinstance(data, dict):
        raise CatalogError("expected a mapping of libraries")
    return {str(library): _library(library, functions) for library, functions in data.items()}


def _library(library: object, functions: object) -> dict[str, Arity]:
    if not isinstance(functions, dict):
        raise CatalogError(f"library {library!r} must map functions to arities")
    return {str(name): _arity(f"{library}.{name}", spec) for name, spec in functions.items()}


def _arity(where: str, spec: object) -> Arity:
    if _is_count(spec):
        return Arity(spec, spec)
    if isinstance(spec, list) and 2 <= len(spec) <= 3 and _arity_items_valid(spec):
        return Arity(*spec)
    raise CatalogError(f"{where}: arity must be N, [MIN, MAX] or [MIN, MAX, STEP], not {spec!r}")


def _arity_items_valid(spec: list[object]) -> bool:
    minimum, maximum, *steps = spec
    if not _is_count(minimum) or not all(_is_count(step) and step >= 1 for step in steps):
        return False
    return maximum is None or (_is_count(maximum) and maximum >= minimum)


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


@cache
def standard_attributes() -> frozenset[str]:
    """The standard user attribute paths (`name.given`), from `grammar/user-attributes.txt`."""
    path = data_dir("grammar") / "user-attributes.txt"
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def with_parents(paths: Iterable[str]) -> frozenset[str]:
    """The paths and every parent path of each (`name.given` adds `name`)."""
    known: set[str] = set()
    for path in paths:
        segments = path.split(".")
        known.update(".".join(segments[:end]) for end in range(1, len(segments) + 1))
    return frozenset(known)


@cache
def known_standard_paths() -> frozenset[str]:
    """Standard attribute paths with their parents."""
    return with_parents(standard_attributes())
