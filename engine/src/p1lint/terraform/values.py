"""Values Terraform knows only when it plans or applies: references, variables, locals, function
calls, `for` expressions and templates that interpolate them.

The Terraform readers put an `Unknown` where a configuration has such an expression. It is
unknown, not wrong: a rule whose input is unknown does not judge it."""

from __future__ import annotations

from typing import Any


class Unknown:
    """An expression whose value is not in the configuration: its source text (for messages,
    never containing more than the expression) and the traversals it references
    (`pingone_application.portal.id`, `var.domain`). Deliberately not a tuple, a string or a
    mapping, so that no check mistakes it for a list or a text."""

    __slots__ = ("expression", "references")

    def __init__(self, expression: str, references: tuple[str, ...] = ()) -> None:
        self.expression = expression
        self.references = references

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unknown) and (other.expression, other.references) == (
            self.expression, self.references)

    def __hash__(self) -> int:
        return hash((self.expression, self.references))

    def __repr__(self) -> str:
        return f"Unknown({self.expression!r})"


def is_unknown(value: Any) -> bool:
    return isinstance(value, Unknown)


def contains_unknown(value: Any) -> bool:
    """Whether `value` is unknown or holds an unknown value anywhere below it."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Unknown):
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
