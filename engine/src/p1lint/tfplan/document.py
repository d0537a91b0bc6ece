"""A plan as a document of the Terraform structure: its data is the structure (what the translation
reads), its text the plan's, and its locator maps each pointer of the structure to where the value
is written in the plan — the `change.after` of the instance's entry in `resource_changes` (or the
`values` it was read from) — so that findings point into the plan JSON. A finding names the
resource it is about by its address (`subject`): a plan has thousands of lines, and a line number
alone does not say which resource it is in. When the `.tf` files the plan was made from are where
the plan's `configuration` says (`tfplan.sources`), a finding points at the attribute there
(`source`), still naming the resource address."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from p1lint.documents.document import Source, SourceDocument
from p1lint.pointer import Pointer

if TYPE_CHECKING:
    from p1lint.documents.spans import Locator, Span
    from p1lint.tfplan.sources import ConfigurationFiles, Origin

BlockKey = tuple[str, str, str]  # ("resource" or "data", type, name): a block of the structure


@dataclass
class PlanDocument(SourceDocument):
    """`bases`: the plan pointer of the values of each block; `addresses`: Terraform's address of
    each block's instance; `changes`: the blocks of instances the plan creates or updates;
    `origins`: the configuration block of each block's instance, found in `files`."""

    bases: dict[BlockKey, Pointer] = field(default_factory=dict)
    addresses: dict[BlockKey, str] = field(default_factory=dict)
    changes: frozenset[BlockKey] = frozenset()
    origins: dict[BlockKey, Origin] = field(default_factory=dict)
    files: ConfigurationFiles | None = None

    @property
    def locator(self) -> Locator:
        if self._locator is None:
            self._locator = PlanLocator(self.format.locator(self.text), self.bases)
        return self._locator

    def subject(self, pointer: Pointer) -> str | None:
        return self.addresses.get(_block(pointer)) if len(pointer) >= 3 else None

    def changed(self, pointer: Pointer) -> bool:
        return len(pointer) >= 3 and _block(pointer) in self.changes

    def source(self, pointer: Pointer) -> Source | None:
        from p1lint.tfplan.sources import located, value_at

        where = self.origins.get(_block(pointer)) if len(pointer) >= 3 and self.files is not None else None
        block = self.files.block(where) if self.files is not None and where is not None else None
        return None if block is None else located(block, pointer[3:], value_at(self.data, pointer[:3]))



def _block(pointer: Pointer) -> BlockKey:
    return (str(pointer[0]), str(pointer[1]), str(pointer[2]))


class PlanLocator:
    """Spans of the structure's values, found where the plan writes them. A value the plan does not
    write (an unknown one, a translation's default) has its nearest written ancestor's span."""

    def __init__(self, plan: Locator, bases: dict[BlockKey, Pointer]) -> None:
        self._plan = plan
        self._bases = bases

    def _in_plan(self, pointer: Pointer) -> Pointer:
        base = self._bases.get(_block(pointer)) if len(pointer) >= 3 else None
        return () if base is None else (*base, *pointer[3:])

    def span(self, pointer: Pointer) -> Span:
        return self._plan.span(self._in_plan(pointer))

    def span_in_string(self, pointer: Pointer, offset: int) -> Span:
        return self._plan.span_in_string(self._in_plan(pointer), offset)
