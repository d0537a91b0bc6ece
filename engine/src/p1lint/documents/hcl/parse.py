"""Read the text of a `.tf` file into the Terraform structure (see `structure`), the offsets of its
values and its repeated keys; `HclError` (an offset and a message) for text that is not HCL."""

from __future__ import annotations

from typing import Any, NamedTuple

from p1lint.documents.hcl.errors import HclError
from p1lint.documents.hcl.syntax import parse, values_builder
from p1lint.documents.spans import Offsets
from p1lint.pointer import Pointer

__all__ = ["Configuration", "HclError", "parse_configuration"]


class Configuration(NamedTuple):
    data: dict[str, Any]
    offsets: dict[Pointer, Offsets]
    duplicate_keys: tuple[Pointer, ...]


def parse_configuration(text: str) -> Configuration:
    from p1lint.documents.duplicates import RepeatedKeys, locate
    from p1lint.documents.hcl.structure import Builder

    repeats = RepeatedKeys()
    with values_builder().reading(text, repeats):
        items = parse(text, "start")
    builder = Builder(repeats)
    data = builder.build(items)
    return Configuration(data, builder.offsets, locate(data, repeats.found))
