"""Reading the Terraform structure every Terraform reader produces: Terraform's JSON configuration
syntax as plain data (`{"resource": {"<type>": {"<name>": {...}}}, "data": {...}, ...}`), with an
`Unknown` wherever the configuration has an expression instead of a literal.

A nested block is a list of objects (`oidc_options { ... }`: `[{...}]`), an object attribute a
mapping (`oidc_options = { ... }`): `single` reads both. A reference to another object's id
(`pingone_application.portal.id`) stands for that object by its address
(`pingone_application.portal`), which is the id the translation gives every object it declares."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from p1lint.documents.location import Location
from p1lint.pointer import Pointer
from p1lint.terraform.values import Unknown

SECTIONS = ("resource", "data")
# `type.name.id` or `data.type.name.id`, of one instance (`type.name["key"].id`, `type.name[0].id`)
# of a block with `for_each` or `count` too: a traversal to the id of a declared object
_ID_REFERENCE = re.compile(
    r"((?:data\.)?[a-z][a-z0-9_]{0,99}\.[A-Za-z_][\w-]{0,199})(?:\[[^\]]{1,200}\])?\.id")


class Block(NamedTuple):
    """A `resource` or `data` block: its type, name, body and where it is written."""

    section: str
    type: str
    name: str
    body: dict[str, Any]
    location: Location

    @property
    def address(self) -> str:
        """`pingone_application.portal`, `data.pingone_role.admin`: the object's id here."""
        prefix = "data." if self.section == "data" else ""
        return f"{prefix}{self.type}.{self.name}"


def blocks(structure: Any, where: Location) -> Iterator[Block]:
    """Every resource and data block of one document's structure (at `where`)."""
    if not isinstance(structure, dict):
        return
    for section in SECTIONS:
        types = structure.get(section)
        for kind, named in _members(types):
            for name, body, pointer in _bodies(named):
                yield Block(section, kind, name, body, where.below((section, kind, *pointer)))


def _members(value: Any) -> Iterator[tuple[str, Any]]:
    """The members of a mapping, or of each mapping of a list (JSON syntax allows both)."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict):
            yield from ((k, v) for k, v in item.items() if isinstance(k, str) and k != "//")


def _bodies(named: Any) -> Iterator[tuple[str, dict[str, Any], Pointer]]:
    for name, body in _members(named):
        if isinstance(body, dict):
            yield name, body, (name,)
        elif isinstance(body, list):
            yield from ((name, b, (name, i)) for i, b in enumerate(body) if isinstance(b, dict))


def single(value: Any) -> tuple[dict[str, Any], Pointer] | None:
    """A single nested object, written as an object attribute or as one nested block, and its
    pointer below the attribute; None when it is neither (absent, unknown, empty)."""
    if isinstance(value, dict):
        return value, ()
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0], (0,)
    return None


def unknown_content(value: Any) -> Unknown | None:
    """The unknown value a nested object is written as: an expression (`cors_settings =
    var.cors`), or a nested block whose content is one (a `dynamic` block); None otherwise."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value if isinstance(value, Unknown) else None


def sole_reference(value: Any) -> str | None:
    """The traversal an expression consists of, when it is nothing but one reference
    (`pingone_application.portal.id`, or the template `"${pingone_application.portal.id}"`)."""
    if not isinstance(value, Unknown) or len(value.references) != 1:
        return None
    reference = value.references[0]
    bare = value.expression.strip()
    for opening, closing in (('"${', '}"'), ("${", "}")):
        if bare.startswith(opening) and bare.endswith(closing):
            bare = bare[len(opening):-len(closing)].strip()
    return reference if bare == reference else None


def referenced_address(value: Any) -> str | None:
    """The address of the object whose id `value` is (`pingone_sign_on_policy.mfa`)."""
    reference = sole_reference(value)
    match = _ID_REFERENCE.fullmatch(reference) if reference else None
    return match.group(1) if match else None


def as_id(value: Any) -> Any:
    """An id as the translation writes it: a reference to a declared object's id becomes that
    object's address; literals and other expressions stay as they are."""
    address = referenced_address(value)
    return value if address is None else address
