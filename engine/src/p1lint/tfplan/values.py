"""A planned instance's values as the body of its block in the Terraform structure.

- A value not known until apply (`after_unknown`) is `Unknown("(known after apply)", references)`,
  the references being those of the attribute's expression; an id the plan will know only after
  apply, and a known id of another planned object, is that object's address (`identities`).
- A sensitive value (`after_sensitive`, `sensitive_values`) is `Unknown("(sensitive value)")`: it
  is never read, so no finding can print it. Its checks are skipped as for any unknown value.
- The body has what the configuration writes, as a `.tf` file has it, with the values the plan
  gives it: a member the configuration does not write is the provider's or PingOne's (`id`, a
  grant's `resource_id`, the defaults of optional attributes, a secret) and is left out — the
  translation fills the provider's defaults as it does for `.tf` — and so is a `null` member
  (Terraform's "not set"). An object written with references (`oidc_options = { ... var.uris
  ... }`) does not say which of its members are written: its members are kept, but those known
  only after apply when every reference is to something Terraform knows when planning (`var.`,
  `each.`, `count.`): the provider computes those. Where the plan has no configuration for an
  instance, every member with a value is kept but empty lists (how provider 0.x writes an absent
  nested block).
- Nested attributes are objects (provider 1.x) or one-element lists (0.x blocks) as the plan
  writes them; the translation reads both. List elements are never dropped, so that every value
  keeps the index it has in the plan."""

from __future__ import annotations

from typing import Any, NamedTuple

from p1lint.pointer import Key
from p1lint.terraform.values import Unknown
from p1lint.tfplan.configuration import (
    NOT_WRITTEN,
    UNAVAILABLE,
    WRITTEN,
    attribute_references,
    below,
)
from p1lint.tfplan.identities import Identities
from p1lint.tfplan.instances import Instance

KNOWN_AT_PLAN = ("var.", "each.", "count.", "path.", "terraform.")  # roots Terraform knows when planning
KNOWN_AFTER_APPLY = "(known after apply)"  # as Terraform's plan output says it
SENSITIVE = "(sensitive value)"


class Attribute(NamedTuple):
    """The top-level attribute a value belongs to: its name and its expression's references."""

    owner: Instance
    name: str
    references: tuple[str, ...]
    identities: Identities


def block_body(instance: Instance, written: Any, identities: Identities) -> dict[str, Any]:
    """The body of `instance`'s block; `written` is the configuration's node of the block."""
    body: dict[str, Any] = {}
    for key, value in _members(instance.values, instance.unknown):
        attribute = Attribute(instance, key, attribute_references(written, key), identities)
        unknown, sensitive = _at(instance.unknown, key), _at(instance.sensitive, key)
        inner = below(written, key)
        if _dropped(value, unknown, inner, attribute):
            continue
        resolved = _unknown_id(attribute) if _marked(unknown) and not _marked(sensitive) else None
        body[key] = resolved if resolved is not None else _value(value, unknown, sensitive, inner, attribute)
    return body


def _unknown_id(attribute: Attribute) -> str | None:
    """The address of the object whose id an `..._id` attribute known only after apply will be."""
    if not attribute.name.endswith("_id"):
        return None
    return attribute.identities.referenced(attribute.references, attribute.owner)


def _value(value: Any, unknown: Any, sensitive: Any, written: Any, attribute: Attribute) -> Any:
    if _marked(sensitive):
        return Unknown(SENSITIVE, attribute.references)
    if _marked(unknown):
        return Unknown(KNOWN_AFTER_APPLY, attribute.references)
    if isinstance(value, dict):
        return _object(value, unknown, sensitive, written, attribute)
    if isinstance(value, list):
        return [_value(item, _at(unknown, i), _at(sensitive, i), below(written, i), attribute)
                for i, item in enumerate(value)]
    if isinstance(value, str) and attribute.name != "id":
        found = attribute.identities.known(value, attribute.owner, attribute.references)
        return value if found is None else found
    return value


def _object(value: dict[str, Any], unknown: Any, sensitive: Any, written: Any, attribute: Attribute) -> Any:
    converted: dict[str, Any] = {}
    for key, item in _members(value, unknown):
        inner_unknown, inner = _at(unknown, key), below(written, key)
        if not _dropped(item, inner_unknown, inner, attribute):
            converted[key] = _value(item, inner_unknown, _at(sensitive, key), inner, attribute)
    return converted


def _members(value: dict[str, Any], unknown: Any) -> list[tuple[str, Any]]:
    """The members of an object, and those `after` omits because they are unknown."""
    members = list(value.items())
    if isinstance(unknown, dict):
        members.extend((k, None) for k, mark in unknown.items() if mark is True and k not in value)
    return members


def _dropped(value: Any, unknown: Any, written: Any, attribute: Attribute) -> bool:
    """Whether a member is one the configuration leaves out."""
    if written is NOT_WRITTEN:
        return True
    if _marked(unknown):
        return written is WRITTEN and _known_at_plan(attribute.references)
    return value is None or (value == [] and written is UNAVAILABLE)


def _known_at_plan(references: tuple[str, ...]) -> bool:
    """Whether an expression with these references has a value known when planning: then what is
    unknown inside its value is computed by the provider, not written (`oidc_options = { ...
    var.uris ... }` leaves `signing` to the provider)."""
    return bool(references) and all(r.startswith(KNOWN_AT_PLAN) for r in references)


def _marked(mark: Any) -> bool:
    return mark is True


def _at(marks: Any, key: Key) -> Any:
    """The marks of the value at `key` (True marks a whole value: so are its members)."""
    if marks is True:
        return True
    if isinstance(marks, dict) and isinstance(key, str):
        return marks.get(key)
    if isinstance(marks, list) and isinstance(key, int) and 0 <= key < len(marks):
        return marks[key]
    return None
