"""Map JSON Pointers to source line/column, built only for files that have findings.

JSON is (for positions) a subset of YAML, so one libyaml node walk serves both formats.
"""

from __future__ import annotations

from typing import Any

from p1lint.documents.pointer import Key, Pointer

Position = tuple[int, int]


class PositionMap:
    """Pointer → (line, column) of the value; unknown pointers fall back to their nearest ancestor."""

    def __init__(self, positions: dict[Pointer, Position]) -> None:
        self._positions = positions

    @classmethod
    def from_text(cls, text: str) -> PositionMap:
        import yaml

        from p1lint.documents.yamlloader import data_loader

        try:
            root = yaml.compose(text, Loader=data_loader())
        except (yaml.YAMLError, RecursionError):
            return cls({})
        positions: dict[Pointer, Position] = {}
        if root is not None:
            _walk(root, (), positions)
        return cls(positions)

    def locate(self, pointer: Pointer) -> Position:
        for end in range(len(pointer), -1, -1):
            found = self._positions.get(pointer[:end])
            if found is not None:
                return found
        return (1, 1)


def _walk(root: Any, root_pointer: Pointer, positions: dict[Pointer, Position]) -> None:
    import yaml

    stack: list[tuple[Any, Pointer]] = [(root, root_pointer)]
    while stack:
        node, pointer = stack.pop()
        positions[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, (*pointer, _key(key))) for key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*pointer, index)) for index, item in enumerate(node.value))


def _key(node: Any) -> Key:
    value = node.value
    return value if isinstance(value, str) else str(value)
