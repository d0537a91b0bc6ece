"""Which planned object an id in a plan is. Terraform has evaluated the configuration's references:
an `application_id` is the id of an application, known when that application exists already,
known only after apply when the plan creates it. Either way the reader gives the translation what
a `.tf` reference gives it, the object's address (`pingone_application.portal`, the id the
translation gives every object it declares):

- a known id is the object whose `id` has that value (of several, the one the attribute's
  expression refers to);
- an id known only after apply is the object the attribute's expression refers to
  (`pingone_application.portal.id`, `pingone_application.portal[0].id`; with `each.key` or
  `count.index`, the instance with the same key as the referring one), when that is one object.

References are resolved in the module instance of the referring resource, as Terraform does."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from p1lint.tfplan.addresses import MISSING_KEY, Step, traversal
from p1lint.tfplan.instances import Instance

NOT_RESOURCES = frozenset({"var", "local", "each", "count", "module", "path", "terraform", "self"})
REPEATING = ("each.", "count.")
Block = tuple[str, str, str, str]  # module instance, mode, type, name


class Identities:
    """The planned objects by the value of their `id` and by their block."""

    def __init__(self, found: Iterable[Instance]) -> None:
        self.by_id: dict[str, list[Instance]] = {}
        self.by_block: dict[Block, list[Instance]] = {}
        for instance in found:
            identifier = instance.values.get("id")
            if isinstance(identifier, str) and identifier:
                self.by_id.setdefault(identifier, []).append(instance)
            block = (instance.module, instance.mode, instance.type, instance.name)
            self.by_block.setdefault(block, []).append(instance)

    def known(self, value: str, owner: Instance, references: tuple[str, ...]) -> str | None:
        """The address of the object (other than `owner`) whose id is `value`, if one is."""
        candidates = [i for i in self.by_id.get(value, ()) if i is not owner]
        if len(candidates) > 1:
            referred = set(self._referred(references, owner))
            candidates = [i for i in candidates if i.block_address in referred] or candidates
        return candidates[0].block_address if len(candidates) == 1 else None

    def referenced(self, references: tuple[str, ...], owner: Instance) -> str | None:
        """The address of the one object whose id an expression with these references is."""
        if any(_target(r) is OTHER for r in references):
            return None  # it reads something other than an object's id
        found = set(self._referred(references, owner))
        return found.pop() if len(found) == 1 else None

    def _referred(self, references: tuple[str, ...], owner: Instance) -> Iterable[str]:
        repeating = any(r.startswith(REPEATING) for r in references)
        dynamic = any(_target(r) is None for r in references)  # `var.k` in `portal[var.k].id`
        for reference in references:
            target = _target(reference)
            if not isinstance(target, Target) or (target.whole and not dynamic):
                continue
            candidates = self.by_block.get((owner.module, target.mode, target.type, target.step.name), [])
            chosen = _chosen(candidates, target.step.key, owner.index if repeating else MISSING_KEY)
            if chosen is not None:
                yield chosen.block_address


class Target(NamedTuple):
    """The object a reference reads the id of: its mode, type and name step; `whole` when the
    reference names the object only, its key and `.id` being dynamic (`portal[each.key].id`)."""

    mode: str
    type: str
    step: Step
    whole: bool


OTHER = object()  # a reference to another attribute of an object (`pingone_application.portal.name`)


def _chosen(candidates: list[Instance], key: Any, same_as: Any) -> Instance | None:
    if key is not MISSING_KEY:
        matching = [c for c in candidates if c.index == key]
    elif len(candidates) == 1:
        matching = candidates
    else:
        matching = [c for c in candidates if same_as is not MISSING_KEY and c.index == same_as]
    return matching[0] if len(matching) == 1 else None


def _target(reference: str) -> Target | object | None:
    """What `reference` reads: an object's id (`Target`), another attribute of one (`OTHER`), or
    no object at all (None: `var.x`, `each.key`)."""
    steps = traversal(reference)
    if not steps or steps[0].name in NOT_RESOURCES:
        return None
    mode = "data" if steps[0].name == "data" else "managed"
    steps = steps[1:] if mode == "data" else steps
    if len(steps) < 2 or steps[0].key is not MISSING_KEY:
        return OTHER
    rest = steps[2:]
    if rest and ([s.name for s in rest] != ["id"] or rest[0].key is not MISSING_KEY):
        return OTHER
    if not rest and steps[1].key is not MISSING_KEY:
        return OTHER  # `pingone_application.portal[0]`: the whole object, not its id
    return Target(mode, steps[0].name, steps[1], not rest)
