"""Body items → the Terraform structure: Terraform's JSON configuration syntax as plain data, with
the offsets of each value's text, for the locator.

- `a = expr` is `"a": value`; an object (`a = { k = v }`) is a dict, a tuple a list.
- A block inside a block is always a list of objects, one per block, in order: `oidc_options {}`
  is `"oidc_options": [{...}]`; its labels, if any, are keys before the list
  (`dynamic "x" {}` is `"dynamic": {"x": [{...}]}`).
- At the top, a labelled block is an object below its type and labels:
  `resource "t" "n" {}` is `{"resource": {"t": {"n": {...}}}}`, as are `data`, `variable`,
  `output`, `module`, `check`, ... — except `provider`, which Terraform lets repeat (aliases):
  `{"provider": {"name": [{...}, ...]}}`. `locals` and `terraform` blocks merge into one object
  each; any other unlabelled top-level block (`import`, `moved`, `removed`) is a list.
A name given twice where one value is kept (an attribute assigned twice in one body, two
`locals` blocks assigning one name, a resource declared twice) is a repeated key: the last value
is kept, as JSON's parser does, and the key is reported.

Offsets: an attribute's pointer maps to its value expression (an element of a tuple or object to
its own), a block's pointer (`(..., "oidc_options", 0)`, `("resource", "t", "n")`) to the whole
block; the pointers above a block (`("resource", "t")`, `(..., "oidc_options")`) to the first
block below them.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from p1lint.documents.duplicates import RepeatedKeys
from p1lint.documents.hcl.transform import Attribute, Block
from p1lint.documents.hcl.values import Expr
from p1lint.documents.spans import Offsets
from p1lint.pointer import Pointer

MERGED = frozenset({"locals", "terraform"})
REPEATED = frozenset({"provider"})

Body = tuple[Attribute | Block, ...]


class Builder:
    """Builds the structure of one file's items, iteratively (blocks may nest deeply)."""

    def __init__(self, repeats: RepeatedKeys) -> None:
        self.repeats = repeats
        self.data: dict[str, Any] = {}
        self.offsets: dict[Pointer, Offsets] = {}

    def build(self, items: Body) -> dict[str, Any]:
        pending: deque[tuple[Body, dict[str, Any], Pointer]] = deque([(items, self.data, ())])
        while pending:  # first in, first out: merged blocks (locals) merge in the file's order
            body, holder, pointer = pending.popleft()
            for item in body:
                if isinstance(item, Attribute):
                    self._assign(holder, pointer, item)
                else:
                    pending.append((item.items, *self._open(holder, pointer, item)))
        return self.data

    def _assign(self, holder: dict[str, Any], pointer: Pointer, attribute: Attribute) -> None:
        self._repeat_if(attribute.name in holder, holder, attribute.name)
        holder[attribute.name] = attribute.value
        self._place((*pointer, attribute.name), attribute.expr)

    def _open(self, holder: dict[str, Any], pointer: Pointer, block: Block) -> tuple[dict[str, Any], Pointer]:
        """The object that holds the body of `block`, and its pointer."""
        keys = (block.type, *block.labels)
        where: Pointer
        if not pointer and block.type in MERGED:
            body, where = self._child(holder, block.type, dict), (block.type,)
        elif not pointer and block.labels and block.type not in REPEATED:
            parent = self._descend(holder, keys[:-1])
            self._repeat_if(keys[-1] in parent, parent, keys[-1])
            body = parent[keys[-1]] = {}
            where = keys
        else:
            blocks = self._child(self._descend(holder, keys[:-1]), keys[-1], list)
            blocks.append(body := {})
            where = (*keys, len(blocks) - 1)
        self._mark((*pointer, *where), len(pointer) + 1, (block.start, block.end))
        return body, (*pointer, *where)

    def _descend(self, holder: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
        for key in keys:
            holder = self._child(holder, key, dict)
        return holder

    def _child(self, holder: dict[str, Any], key: str, kind: type) -> Any:
        """The `kind` (dict or list) at `key`, made when missing; a value of another kind there
        (an attribute named like a block) is a repeated key, replaced."""
        found = holder.get(key)
        if not isinstance(found, kind):
            self._repeat_if(key in holder, holder, key)
            found = holder[key] = kind()
        return found

    def _repeat_if(self, repeated: bool, holder: dict[str, Any], key: str) -> None:
        if repeated:
            self.repeats.found.append((id(holder), key))

    def _mark(self, pointer: Pointer, first: int, span: Offsets) -> None:
        """The block's own span, and the first span below each pointer above it."""
        self.offsets[pointer] = span
        for end in range(first, len(pointer)):
            self.offsets.setdefault(pointer[:end], span)

    def _place(self, pointer: Pointer, expr: Expr) -> None:
        pending = [(pointer, expr)]
        while pending:
            where, value = pending.pop()
            self.offsets[where] = (value.start, value.end)
            pending.extend(((*where, key), item) for key, item in value.items)
