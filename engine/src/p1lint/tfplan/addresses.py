"""Terraform's address and reference syntax, as plans write it:
`module.apps["crm"].pingone_application.web[0]`, `data.pingone_role.admin.id`, `var.domain`. A
traversal is a list of steps, each a name and the instance key that follows it (`["crm"]` →
`"crm"`, `[0]` → `0`), or MISSING_KEY when it has none.

Read by hand in one pass (no pattern, so no input can make it slow); text it cannot read is no
traversal (None), never an exception."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

MISSING_KEY = object()  # a step without an instance key


class Step(NamedTuple):
    name: str
    key: Any = MISSING_KEY  # int | str, or MISSING_KEY


def traversal(text: str) -> list[Step] | None:
    """The steps of `text`, or None when it is not a plain traversal."""
    steps: list[Step] = []
    position = 0
    while position < len(text):
        end = _name_end(text, position)
        if end == position:
            return None
        name, position = text[position:end], end
        key: Any = MISSING_KEY
        if text.startswith("[", position):
            found = _key(text, position)
            if found is None:
                return None
            key, position = found
        steps.append(Step(name, key))
        if position < len(text):
            if text[position] != ".":
                return None
            position += 1
            if position == len(text):
                return None
    return steps or None


def _name_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in "_-"):
        end += 1
    return end


def _key(text: str, start: int) -> tuple[Any, int] | None:
    """The instance key written at `text[start]` (`[0]`, `["crm"]`) and the position after it."""
    if text.startswith('["', start):
        end = _string_end(text, start + 1)
        if end is None or not text.startswith("]", end):
            return None
        try:
            return json.loads(text[start + 1 : end]), end + 1
        except ValueError:
            return None
    close = text.find("]", start)
    digits = text[start + 1 : close] if close > start else ""
    if not digits.isdigit() or not digits.isascii():
        return None
    return int(digits), close + 1


def _string_end(text: str, quote: int) -> int | None:
    """The position after the string literal that opens at `text[quote]`."""
    position = quote + 1
    while position < len(text):
        character = text[position]
        if character == "\\":
            position += 2
            continue
        if character == '"':
            return position + 1
        position += 1
    return None


def module_path(module_address: str) -> tuple[str, ...] | None:
    """The module call names of a module instance address (`module.a["x"].module.b` → `("a",
    "b")`), the root module's `""` → `()`; None when the text is no module address."""
    if not module_address:
        return ()
    steps = traversal(module_address)
    if steps is None or len(steps) % 2:
        return None
    pairs = [(steps[i], steps[i + 1]) for i in range(0, len(steps), 2)]
    if any(word.name != "module" or word.key is not MISSING_KEY for word, _ in pairs):
        return None
    return tuple(call.name for _, call in pairs)


def key_text(key: Any) -> str:
    """An instance key as an address writes it: `[0]`, `["crm"]`; nothing for no key."""
    if isinstance(key, bool) or key is None or key is MISSING_KEY:
        return ""
    if isinstance(key, int):
        return f"[{key}]"
    return f"[{json.dumps(str(key), ensure_ascii=False)}]"
