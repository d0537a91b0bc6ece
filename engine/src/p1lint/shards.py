"""A large input unit (an environment snapshot of thousands of applications) shared among worker
processes: each reads the whole unit and checks a consecutive share of each environment's
applications; the last share also runs the rules over the environment as a whole (unique names,
role coverage) and over its authorization requests, which need all of it, once.

A share's result comes back in segments — what reading the unit gave (from the first share only),
then per environment its applications' findings, then the environment's own — and `merged` puts
the segments of all shares together in the order one process makes them, so the output is the one
of `--jobs 1`. The regular-expression time budget (`--regex-budget`) applies to each share."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple, Protocol, TypeVar

from p1lint.documents.sources import STDIN_NAME

SHARD_MIN_BYTES = 1024 * 1024  # a smaller unit is checked by one worker: reading it is most of the work
# files of formats with comments: one that holds a suppression comment is not shared, since only
# the process that saw all the unit's findings knows whether the comment suppressed anything
COMMENTED_SUFFIXES = (".yaml", ".yml", ".tf")
MARKER = b"p1lint:"

T = TypeVar("T")


class Share(NamedTuple):
    """Share `position` of `total` of each environment's applications."""

    position: int = 0
    total: int = 1

    @property
    def first(self) -> bool:
        return self.position == 0

    @property
    def last(self) -> bool:
        return self.position == self.total - 1

    def of(self, items: Sequence[T]) -> Sequence[T]:
        """This share's consecutive slice of `items` (all of them when there is one share)."""
        if self.total == 1:
            return items
        size = len(items)
        return items[size * self.position // self.total : size * (self.position + 1) // self.total]


WHOLE = Share()


class Piece(NamedTuple):
    """A share of an input unit, as a worker process checks it."""

    unit: Any
    share: Share

    @property
    def path(self) -> str:
        return str(getattr(self.unit, "path", self.unit))

    @property
    def files(self) -> list[str]:
        return [self.unit] if isinstance(self.unit, str) else list(getattr(self.unit, "files", ()))


class Part(Protocol):
    """The result of checking some input (`engine.LintResult`)."""

    volatile: bool

    def absorb(self, part: Any) -> None: ...


class Segments(NamedTuple):
    """What a share of a unit found: reading, then per environment its applications' and its own."""

    parts: list[Any]  # of `Part`


def pieces(units: Sequence[Any], jobs: int) -> list[Any]:
    """The units, each large one replaced by `jobs` pieces."""
    found: list[Any] = []
    for unit in units:
        if jobs > 1 and _large(unit):
            found += [Piece(unit, Share(index, jobs)) for index in range(jobs)]
        else:
            found.append(unit)
    return found


def _large(unit: Any) -> bool:
    if unit == STDIN_NAME and isinstance(unit, str):
        return False  # standard input can be read once only
    total = 0
    for name in [unit] if isinstance(unit, str) else getattr(unit, "files", ()):
        if str(name).lower().endswith(COMMENTED_SUFFIXES) and _has_marker(name):
            return False
        with contextlib.suppress(OSError, ValueError):
            total += os.stat(name).st_size
    return total >= SHARD_MIN_BYTES


def _has_marker(name: str) -> bool:
    """Whether the file may hold a suppression comment (read in chunks; unreadable: no)."""
    tail = b""
    try:
        with open(name, "rb") as handle:
            while chunk := handle.read(1 << 20):
                if MARKER in tail + chunk:
                    return True
                tail = chunk[-len(MARKER):]
    except (OSError, ValueError):
        return False
    return False


def units_of(checked: Sequence[Any], results: Iterator[Any]) -> Iterator[Any]:
    """The result of each unit from those of `checked` (units and pieces, in order)."""
    position = 0
    while position < len(checked):
        item = checked[position]
        if not isinstance(item, Piece):
            yield next(results)
            position += 1
            continue
        count = item.share.total
        yield merged([next(results) for _ in range(count)])
        position += count


def merged(shares: list[Any]) -> Part:
    """One unit's result from its shares' `Segments` (gathered in the first one's reading part);
    a share whose worker died is the result of the unit (an internal error at its name)."""
    crashed = [share for share in shares if not isinstance(share, Segments)]
    if crashed:
        return crashed[0]  # type: ignore[no-any-return]
    first = shares[0].parts
    result: Part = first[0]
    for environment in range(1, len(first), 2):
        for share in shares:
            result.absorb(share.parts[environment])
        result.absorb(shares[-1].parts[environment + 1])
    result.volatile = any(part.volatile for share in shares for part in share.parts)
    return result
