"""Spans of the values of a YAML text, by one walk over libyaml's node tree, built only for files
that have findings. Marks are placed by their character offset, never by libyaml's own line
count, which also breaks lines at U+0085, U+2028 and U+2029 (see `lines`).

A node's `end_mark` is where libyaml stopped reading it, which for block styles is past the
value: a block scalar (`|`, `>`) ends after its trailing line breaks, and a block mapping or
sequence where the next token starts, after comments and blank lines. So a block scalar ends at
its last character that is not blank, a block collection where its last entry ends, and a flow
collection (`[...]`, `{...}`) or a quoted or plain scalar at its mark. When a collection's last
entry is an alias (`key: *name`), its node is the anchor's, written earlier: the collection then
ends at its mark without trailing blanks (a comment after it is counted in)."""

from __future__ import annotations

from typing import Any

from p1lint.documents.spans import Offsets
from p1lint.pointer import Key, Pointer

_BLANKS = " \t\r\n"


def yaml_offsets(text: str) -> dict[Pointer, Offsets]:
    """Pointer → offsets of each value's first character and of the character after its last;
    an alias gets none (its ancestors' apply). Empty for a text libyaml cannot compose."""
    import yaml

    from p1lint.documents.yamlloader import data_loader

    try:
        root = yaml.compose(text, Loader=data_loader())
    except (yaml.YAMLError, RecursionError):
        return {}
    return {} if root is None else _offsets(_walk(root), text)


def _walk(root: Any) -> list[tuple[Any, Pointer]]:
    """Each node once with its pointer, parents before children (an alias is placed at its anchor)."""
    stack: list[tuple[Any, Pointer]] = [(root, ())]
    seen: set[int] = set()
    order: list[tuple[Any, Pointer]] = []
    while stack:
        node, pointer = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        order.append((node, pointer))
        if node.id == "mapping":  # reversed: a repeated key's last value wins, as in the data
            stack.extend((value, (*pointer, _key(key))) for key, value in reversed(node.value))
        elif node.id == "sequence":
            stack.extend((item, (*pointer, index)) for index, item in enumerate(node.value))
    return order


def _offsets(order: list[tuple[Any, Pointer]], text: str) -> dict[Pointer, Offsets]:
    """Children before parents (the walk reversed), so a block collection finds its last entry's end."""
    ends: dict[int, int] = {}
    offsets: dict[Pointer, Offsets] = {}
    for node, pointer in reversed(order):
        ends[id(node)] = end = _end(node, text, ends)
        offsets.setdefault(pointer, (node.start_mark.index, end))
    return offsets


def _end(node: Any, text: str, ends: dict[int, int]) -> int:
    if node.id == "scalar":
        return _without_blanks(text, node) if node.style in ("|", ">") else int(node.end_mark.index)
    if node.flow_style:
        return int(node.end_mark.index)
    last = _last_entry(node)
    return ends[id(last)] if last is not None and id(last) in ends else _without_blanks(text, node)


def _last_entry(node: Any) -> Any:
    """The node written last in a block collection, or None when that is an alias (its node starts
    before the place that refers to it) or there is none."""
    if not node.value:
        return None
    if node.id == "mapping":
        key, value = node.value[-1]
        return value if value.start_mark.index >= key.end_mark.index else None
    previous = node.value[-2].end_mark.index if len(node.value) > 1 else node.start_mark.index
    last = node.value[-1]
    return last if last.start_mark.index >= previous else None


def _without_blanks(text: str, node: Any) -> int:
    start, end = node.start_mark.index, node.end_mark.index
    while end > start and text[end - 1] in _BLANKS:
        end -= 1
    return int(end)


def _key(node: Any) -> Key:
    value = node.value
    return value if isinstance(value, str) else str(value)
