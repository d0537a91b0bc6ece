"""The resource instances of a plan as they will be once it is applied, each with the values
Terraform planned for it, which of them are not known until apply, which are sensitive, and where
they are written in the plan.

- `resource_changes` lists every resource instance of the configuration ("All resources in the
  configuration are included in this list", the JSON output format): its values are
  `change.after`, marked by `change.after_unknown` and `change.after_sensitive`. An instance the
  plan deletes (or forgets) has no `after`: it will not exist, and is not read. Deposed objects are
  old copies being deleted: not read either.
- Data sources Terraform read while planning are not changes: they are in `prior_state` (the state
  refreshed by the plan), with `sensitive_values`.
- `planned_values` (the outcome, "with any as-yet-unknown values omitted") is read only for an
  instance neither of the above has, such as in a plan without `resource_changes`.

An instance counts as changed when its actions create or update it (`create`, `update`, and the
replacements `delete`+`create`, `create`+`delete`); `no-op`, `read`, `delete` and `forget` do not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from p1lint.pointer import Pointer
from p1lint.tfplan.addresses import key_text

CHANGING = frozenset({"create", "update"})


class Instance(NamedTuple):
    address: str  # Terraform's absolute address: `module.apps["crm"].pingone_application.web`
    module: str  # the module instance address, "" for the root module
    mode: str  # "managed" or "data"
    type: str
    name: str
    index: Any  # the instance key (int or str), None without count or for_each
    values: dict[str, Any]
    unknown: Any  # marks of the values not known until apply (True, or a structure of them)
    sensitive: Any  # marks of the sensitive values
    pointer: Pointer  # of `values` in the plan
    changed: bool

    @property
    def identity(self) -> tuple[Any, ...]:
        return (self.module, self.mode, self.type, self.name, self.index)

    @property
    def section(self) -> str:
        """Where the Terraform structure declares it: `resource` or `data`."""
        return "data" if self.mode == "data" else "resource"

    @property
    def block_name(self) -> str:
        """Its name in the Terraform structure: unique in the plan, its address without the
        type (`web`, `web[0]`, `module.apps["crm"].web`)."""
        local = f"{self.name}{key_text(self.index)}"
        return f"{self.module}.{local}" if self.module else local

    @property
    def block_address(self) -> str:
        """The address of its block in the Terraform structure, the id the translation gives it."""
        prefix = "data." if self.mode == "data" else ""
        return f"{prefix}{self.type}.{self.block_name}"


def instances(plan: dict[str, Any]) -> list[Instance]:
    """Every instance that will exist after the plan is applied, each once, in plan order."""
    found: dict[tuple[Any, ...], Instance] = {}
    for instance in (*_changes(plan), *_prior_data(plan), *_planned(plan)):
        found.setdefault(instance.identity, instance)
    return list(found.values())


def _changes(plan: dict[str, Any]) -> Iterator[Instance]:
    changes = plan.get("resource_changes")
    for index, entry in enumerate(changes if isinstance(changes, list) else []):
        change = entry.get("change") if isinstance(entry, dict) else None
        if not isinstance(change, dict) or "deposed" in entry or not isinstance(change.get("after"), dict):
            continue
        pointer = ("resource_changes", index, "change", "after")
        instance = _instance(entry, entry.get("module_address", ""), change["after"], pointer)
        if instance is not None:
            yield instance._replace(unknown=change.get("after_unknown"),
                                    sensitive=change.get("after_sensitive"), changed=_changing(change))


def _changing(change: dict[str, Any]) -> bool:
    actions = change.get("actions")
    return isinstance(actions, list) and not CHANGING.isdisjoint(a for a in actions if isinstance(a, str))


def _prior_data(plan: dict[str, Any]) -> Iterator[Instance]:
    """The data sources read while planning, from the refreshed state."""
    state = plan.get("prior_state")
    values = state.get("values") if isinstance(state, dict) else None
    for instance in _module_values(values, ("prior_state", "values")):
        if instance.mode == "data":
            yield instance


def _planned(plan: dict[str, Any]) -> Iterator[Instance]:
    yield from _module_values(plan.get("planned_values"), ("planned_values",))


def _module_values(values: Any, pointer: Pointer) -> Iterator[Instance]:
    """The instances of a values representation's `root_module` and its child modules."""
    root = values.get("root_module") if isinstance(values, dict) else None
    stack: list[tuple[Any, Pointer]] = [(root, (*pointer, "root_module"))]
    while stack:
        module, at = stack.pop(0)
        if not isinstance(module, dict):
            continue
        address = module.get("address", "")
        resources = module.get("resources")
        for index, entry in enumerate(resources if isinstance(resources, list) else []):
            if isinstance(entry, dict) and isinstance(entry.get("values"), dict):
                found = _instance(entry, address, entry["values"], (*at, "resources", index, "values"))
                if found is not None:
                    yield found._replace(sensitive=entry.get("sensitive_values"))
        children = module.get("child_modules")
        if isinstance(children, list):
            stack.extend((child, (*at, "child_modules", i)) for i, child in enumerate(children))


def _instance(
    entry: dict[str, Any], module: Any, values: dict[str, Any], pointer: Pointer
) -> Instance | None:
    """An instance from the members every resource entry has; None when one is missing."""
    texts = [entry.get(key) for key in ("address", "mode", "type", "name")]
    if not all(isinstance(v, str) and v for v in texts) or not isinstance(module, str):
        return None
    address, mode, kind, name = (str(v) for v in texts)
    if mode not in ("managed", "data"):
        return None
    index = entry.get("index")
    index = index if isinstance(index, int | str) and not isinstance(index, bool) else None
    return Instance(address, module, mode, kind, name, index, values, None, None, pointer, False)
