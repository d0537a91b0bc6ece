"""`check --jobs N`: input units (a file, a snapshot directory, a Terraform directory) checked by
worker processes, with the result of checking them one after the other in this process.

Little input is checked here: starting processes would cost a pre-commit run more than it saves.
Units go out in consecutive chunks and their results are merged in input order, so findings,
errors and notices come out as with `--jobs 1`. On Linux, workers are forked from this process
(single-threaded at that point), so they inherit the loaded catalogue; elsewhere (macOS) they
are spawned and `rebuild` loads it again. A worker that dies costs the units it held: each is
checked again alone, and one that kills its worker again is an error at its name."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from p1lint.documents.sources import STDIN_NAME

if TYPE_CHECKING:  # imported when there are workers to start: a pre-commit run never pays for them
    from concurrent.futures import Future, ProcessPoolExecutor

PARALLEL_MIN_BYTES = 256 * 1024  # less input than this is checked faster than workers start
CHUNKS_PER_WORKER = 4  # enough to even out units of different sizes, few enough to cost nothing

R = TypeVar("R")
Work = Callable[[Sequence[Any]], Any]  # checks some units, returns their result

_units: Sequence[Any] = ()  # what the workers check: inherited when forked, else set by `_start`
_work: Work | None = None


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worth_workers(units: Sequence[Any]) -> bool:
    """Whether the input is worth starting processes for: more than one unit, enough bytes, and
    none of it standard input (which only this process can read)."""
    if len(units) < 2 or any(unit == STDIN_NAME for unit in units if isinstance(unit, str)):
        return False
    return sum(_size(unit) for unit in units) >= PARALLEL_MIN_BYTES


def _size(unit: Any) -> int:
    total = 0
    for name in [unit] if isinstance(unit, str) else getattr(unit, "files", ()):
        with contextlib.suppress(OSError, ValueError):
            total += os.stat(name).st_size
    return total


def chunks(count: int, jobs: int) -> list[range]:
    """Consecutive index ranges covering `count` units, about `CHUNKS_PER_WORKER` per worker."""
    size = max(1, -(-count // (jobs * CHUNKS_PER_WORKER)))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def in_workers(
    units: Sequence[Any], jobs: int, work: Callable[[Sequence[Any]], R], crashed: Callable[[Any], R],
    rebuild: Callable[[], Callable[[Sequence[Any]], R]] | None = None,
) -> Iterator[R]:
    """`work` on consecutive chunks of `units` in `jobs` processes: the results in input order.
    A chunk whose worker died is done again unit by unit, each in a process of its own; a unit
    that kills that one too is `crashed(unit)`. `rebuild` makes `work` in a spawned process."""
    parts = chunks(len(units), jobs)
    with _pool(units, work, min(jobs, len(parts)), rebuild) as pool:
        futures = [pool.submit(_run_chunk, part.start, part.stop) for part in parts]
        outcomes = [_outcome(future) for future in futures]
    for part, outcome in zip(parts, outcomes, strict=True):
        if outcome is not None:
            yield outcome
        else:
            yield from (_alone(units, index, work, crashed, rebuild) for index in part)


def _outcome(future: Future[Any]) -> Any:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        return None


def _alone(
    units: Sequence[Any], index: int, work: Callable[[Sequence[Any]], R], crashed: Callable[[Any], R],
    rebuild: Callable[[], Callable[[Sequence[Any]], R]] | None,
) -> R:
    with _pool(units, work, 1, rebuild) as pool:
        outcome = _outcome(pool.submit(_run_chunk, index, index + 1))
    return crashed(units[index]) if outcome is None else outcome


def _pool(
    units: Sequence[Any], work: Work, workers: int, rebuild: Callable[[], Work] | None
) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _units, _work
    method = start_method()
    if method == "fork":
        _units, _work = units, work
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    if rebuild is None:
        raise ValueError("checking in spawned processes needs a way to rebuild the work")
    context = multiprocessing.get_context(method)
    starting = (list(units), rebuild)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=starting)


def start_method() -> str:
    """`fork` where it is safe and fast (Linux, no other thread yet), else `spawn` (macOS's
    default: forking a process that has used its system frameworks is not safe there).
    `P1LINT_START_METHOD` chooses another, for tests."""
    import threading

    chosen = os.environ.get("P1LINT_START_METHOD")
    if chosen in ("fork", "forkserver", "spawn"):
        return chosen
    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"


def _start(units: list[Any], rebuild: Callable[[], Work]) -> None:
    global _units, _work
    _units, _work = units, rebuild()


def _run_chunk(start: int, stop: int) -> Any:
    """In a worker: `work` on units `start` to `stop` (only their result travels back)."""
    assert _work is not None
    return _work(_units[start:stop])
