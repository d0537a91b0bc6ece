"""Values an input does not settle: in a Terraform configuration, references, variables, locals,
function calls, `for` expressions and templates that interpolate them, known only when Terraform
plans or applies.

The Terraform readers put an `Unknown` where a configuration has such an expression. It is
unknown, not wrong: a check whose input is unknown does not judge it (the engine skips it, and
with `--strict-unknowns` says so).

A leaf module (it imports nothing of p1lint but `pointer`): plain data of any reader may hold
its values, so documents, environments and checks all import it."""

from __future__ import annotations

import re
from typing import Any

from p1lint.pointer import Pointer

MAX_UNKNOWNS = 20  # unknown values named for one skipped check: more would only repeat the point
# a bare traversal (`var.redirect_uris`, `pingone_application.portal.id`, `each.value["uris"]`)
TRAVERSAL = re.compile(r'[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d{1,6}\]|\["[\w.-]{0,64}"\]){0,12}')
MAX_SHOWN_EXPRESSION = 120


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

    def reference(self) -> str | None:
        """The traversal the expression consists of, when it is nothing but one reference:
        `var.uris`, or the template `${var.uris}` (JSON syntax), `"${var.uris}"` (HCL)."""
        text = self.expression.strip()
        for opening, closing in (('"${', '}"'), ("${", "}")):
            if text.startswith(opening) and text.endswith(closing):
                text = text[len(opening):-len(closing)].strip()
                break
        return text if len(text) <= MAX_SHOWN_EXPRESSION and TRAVERSAL.fullmatch(text) else None

    def shown(self) -> str:
        """What a message may say of the expression: a bare reference (`var.uris`); anything else
        — a template or a call may hold literal text, even a secret — only by the references it
        makes."""
        reference = self.reference()
        if reference is not None:
            return reference
        names = [name for name in self.references if TRAVERSAL.fullmatch(name)][:5]
        return f"an expression of {', '.join(names)}" if names else "an expression"


def is_unknown(value: Any) -> bool:
    return isinstance(value, Unknown)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def contains_unknown(value: Any) -> bool:
    """Whether `value` is unknown or holds an unknown value anywhere below it."""
    if type(value) in _SCALARS:  # most values asked about: decided without a walk
        return False
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


def unknowns_in(value: Any, limit: int = MAX_UNKNOWNS) -> list[tuple[Pointer, Unknown]]:
    """The unknown values at or below `value` with their pointers below it, in document order
    (at most `limit`)."""
    found: list[tuple[Pointer, Unknown]] = []
    stack: list[tuple[Any, Pointer]] = [(value, ())]
    while stack and len(found) < limit:
        item, pointer = stack.pop()
        if isinstance(item, Unknown):
            found.append((pointer, item))
        elif isinstance(item, dict):
            stack.extend(reversed([(v, (*pointer, k)) for k, v in item.items()]))
        elif isinstance(item, list):
            stack.extend(reversed([(v, (*pointer, i)) for i, v in enumerate(item)]))
    return found
