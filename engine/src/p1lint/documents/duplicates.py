"""Duplicate keys in one object. JSON and YAML parsers silently keep the last value, so a file
can say two things at once; the parsers here record each repeated key for a rule to report."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from p1lint.pointer import Pointer

Repeat = tuple[int, str]  # id() of the object that holds the key, and the key


class RepeatedKeys:
    """Collects repeated keys while a document is parsed."""

    def __init__(self) -> None:
        self.found: list[Repeat] = []

    def json_object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        """`object_pairs_hook` for `json.loads`."""
        result = dict(pairs)
        if len(result) != len(pairs):
            self.note(result, (key for key, _ in pairs))
        return result

    def note(self, holder: dict[Any, Any], keys: Iterable[Any]) -> None:
        seen: set[Any] = set()
        for key in keys:
            if key in seen:
                self.found.append((id(holder), key))
            seen.add(key)


def locate(data: Any, found: list[Repeat]) -> tuple[Pointer, ...]:
    """The pointers of the repeated keys (each reported once), found by one iterative walk."""
    if not found:
        return ()
    wanted: dict[int, list[str]] = {}
    for holder, key in found:
        wanted.setdefault(holder, []).append(key)
    pointers: list[Pointer] = []
    stack: list[tuple[Any, Pointer]] = [(data, ())]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            pointers += [(*pointer, key) for key in dict.fromkeys(wanted.get(id(node), []))]
            stack.extend((value, (*pointer, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*pointer, index)) for index, value in enumerate(node))
    return tuple(sorted(pointers, key=str))
