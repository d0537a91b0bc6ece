"""Values Terraform knows only when it plans or applies: references, variables, locals, function
calls, `for` expressions and templates that interpolate them.

The Terraform readers put an `Unknown` where a configuration has such an expression. It is
unknown, not wrong: a rule whose input is unknown does not judge it."""

from __future__ import annotations

from typing import Any, NamedTuple


class Unknown(NamedTuple):
    """An expression whose value is not in the configuration: its source text (for messages,
    never containing more than the expression) and the traversals it references
    (`pingone_application.portal.id`, `var.domain`)."""

    expression: str
    references: tuple[str, ...] = ()

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
