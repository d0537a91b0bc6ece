"""Regular expressions from rule files: bounded when they load and when they run.

At load time a pattern longer than `MAX_PATTERN_LENGTH` characters, or whose counted repetitions
(`a{1000}`, nested `(a{100}){100}`) would make the compiled program bigger than
`MAX_EXPANSION` atoms, is refused before the `regex` engine allocates it (`a{1000000000}` would
be a MemoryError). At run time every search has its own timeout and draws on the time budget of
the file it checks (`RegexBudget`, `--regex-budget`, 2 s by default), so neither one value nor
many values can hold the run. The budget counts the CPU time of the searches, not the wall time:
on a machine busy with other work, waiting for a processor must not use it up (a snapshot of
thousands of applications would then report values as not checked on one machine and not on
another). A search that cannot finish raises `Unchecked`: the engine reports
it as an input error at the value's position, naming the rule and never the value."""

from __future__ import annotations

import re
import time
from typing import Any

from p1lint.run_settings import DEFAULT_REGEX_BUDGET

MAX_PATTERN_LENGTH = 1_000
MAX_EXPANSION = 10_000
MATCH_TIMEOUT_SECONDS = 0.1
COUNT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
ESCAPE_WITH_BRACES = re.compile(r"\\[pPNxuUg]\{[^}]*\}")
# `(`, `(?:`, `(?P<name>`, `(?<=`, `(?i)`: the opening of a group, none of it an atom
GROUP_OPENING = re.compile(r"\((?:\?(?:P?<(?![=!])[^>]*>|<[=!]|[:>=!|]|[\w-]*:?))?")


class Unchecked(Exception):
    """A value that could not be checked in time; `report` is False once the file's budget has
    been reported as used up (its other values are skipped without one error each)."""

    def __init__(self, reason: str, report: bool = True) -> None:
        super().__init__(reason)
        self.report = report


class RegexBudget:
    """The time that the rule patterns of one file may still spend, in seconds."""

    def __init__(self, seconds: float = DEFAULT_REGEX_BUDGET) -> None:
        self.seconds = seconds
        self.remaining = seconds
        self.reported = False

    def search(self, compiled: Any, value: str) -> bool:
        """Whether `compiled` is found in `value`; raises `Unchecked` when out of time."""
        if self.remaining <= 0:
            raise self._used_up()
        timeout = min(MATCH_TIMEOUT_SECONDS, self.remaining)
        start = time.thread_time()  # the searches' own time: a busy machine must not change the result
        try:
            return compiled.search(value, timeout=timeout) is not None
        except TimeoutError:
            if timeout == MATCH_TIMEOUT_SECONDS:
                raise Unchecked(f"the pattern took longer than {timeout} s on this value") from None
            self.remaining = 0.0  # it ran for all the time the file had left, however busy the machine
            raise self._used_up() from None
        finally:
            self.remaining -= time.thread_time() - start

    def _used_up(self) -> Unchecked:
        first, self.reported = not self.reported, True
        reason = (f"the patterns used up this file's time budget of {self.seconds:g} s (--regex-budget) "
                  "at this value; no later value of the file was checked against a pattern")
        return Unchecked(reason, report=first)


def compile_pattern(pattern: str) -> Any:
    """The compiled pattern; raises ValueError (a rule load error) for anything unbounded."""
    import regex

    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(f"the pattern is longer than {MAX_PATTERN_LENGTH:,} characters")
    if expansion(pattern) > MAX_EXPANSION:
        raise ValueError(f"the pattern's repetition counts expand to more than {MAX_EXPANSION:,} items")
    try:
        return regex.compile(pattern)
    except (regex.error, MemoryError, OverflowError, RecursionError, ValueError) as error:
        raise ValueError(f"invalid regular expression: {error}") from None


def expansion(pattern: str) -> int:
    """An upper estimate of the atoms the engine lays out: every counted repetition `{m,n}`
    multiplies the atom or group before it by its larger bound."""
    stack = [[0, 0]]  # per open group: its weight so far, and the weight of its last atom
    index = 0
    while index < len(pattern):
        index, weight = _step(pattern, index, stack)
        if weight is not None:
            stack[-1][0] += weight
            stack[-1][1] = weight
    while len(stack) > 1:  # unbalanced: `regex` refuses it, this only estimates
        _close(stack)
    return stack[0][0]


def _step(pattern: str, index: int, stack: list[list[int]]) -> tuple[int, int | None]:
    """Read one token at `index`: the next index, and the weight of an atom (None if no atom)."""
    char = pattern[index]
    if char == "\\":
        braces = ESCAPE_WITH_BRACES.match(pattern, index)
        return (braces.end() if braces else index + 2), 1
    if char == "[":
        return _class_end(pattern, index), 1
    if char == "(":
        stack.append([0, 0])
        opening = GROUP_OPENING.match(pattern, index)
        return (opening.end() if opening else index + 1), None
    if char == ")" and len(stack) > 1:
        return index + 1, _close(stack)
    count = COUNT.match(pattern, index) if char == "{" else None
    if count is None:
        return index + 1, 1
    times = max(int(number) for number in (count.group(1) or "0", count.group(2) or "0"))
    top = stack[-1]
    top[0] += top[1] * (max(times, 1) - 1)
    top[1] *= max(times, 1)
    return count.end(), None


def _close(stack: list[list[int]]) -> int:
    return stack.pop()[0]


def _class_end(pattern: str, index: int) -> int:
    """The index after the character class that opens at `index` (nested sets included)."""
    depth, index = 0, index
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
            if pattern.startswith("^", index + 1):
                index += 1
            if pattern.startswith("]", index + 1):  # `[]a]`: a leading `]` is a member
                index += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return index
