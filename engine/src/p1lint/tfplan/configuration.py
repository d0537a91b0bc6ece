"""What the plan's `configuration` says the user wrote: for each resource block (one per block, not
per instance: `count` and `for_each` instances share it), its `expressions` — per attribute a
`constant_value` or the `references` the expression makes, nested blocks as one such mapping (or
a list of them) per block. It gives no source positions.

A `Written` node answers, for a value of a planned resource, whether the configuration writes it:
`NOT_WRITTEN` (the provider fills it), `WRITTEN` (written, with nothing more known below), or the
expression or block it is written by. `UNAVAILABLE` when the plan has no configuration for it."""

from __future__ import annotations

from typing import Any

from p1lint.pointer import Key
from p1lint.tfplan.addresses import module_path

NOT_WRITTEN: Any = None
WRITTEN: Any = True
UNAVAILABLE: Any = "unavailable"
EXPRESSION_KEYS = frozenset({"constant_value", "references"})
ResourceKey = tuple[tuple[str, ...], str, str, str]  # module calls, mode, type, name


def resource_expressions(plan: dict[str, Any]) -> dict[ResourceKey, dict[str, Any]]:
    """The `expressions` of every resource block of the configuration, by module and block."""
    configuration = plan.get("configuration")
    root = configuration.get("root_module") if isinstance(configuration, dict) else None
    found: dict[ResourceKey, dict[str, Any]] = {}
    stack: list[tuple[Any, tuple[str, ...]]] = [(root, ())]
    while stack:
        module, calls = stack.pop()
        if not isinstance(module, dict):
            continue
        for resource in _list(module.get("resources")):
            key = _resource_key(resource, calls)
            if key is not None:
                expressions = resource.get("expressions")
                found[key] = expressions if isinstance(expressions, dict) else {}
        children = module.get("module_calls")
        for name, call in children.items() if isinstance(children, dict) else ():
            if isinstance(call, dict) and isinstance(name, str):
                stack.append((call.get("module"), (*calls, name)))
    return found


def _resource_key(resource: Any, calls: tuple[str, ...]) -> ResourceKey | None:
    if not isinstance(resource, dict):
        return None
    texts = [resource.get(key) for key in ("mode", "type", "name")]
    if not all(isinstance(v, str) for v in texts):
        return None
    mode, kind, name = (str(v) for v in texts)
    return calls, mode, kind, name


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def written_block(expressions: dict[ResourceKey, dict[str, Any]], module: str, mode: str, kind: str,
                  name: str) -> Any:
    """The node of an instance's whole block."""
    calls = module_path(module)
    found = expressions.get((calls, mode, kind, name)) if calls is not None else None
    return UNAVAILABLE if found is None else ("block", found)


def node(expression: Any) -> Any:
    """The node of an attribute's expression, or of a nested block (list)."""
    if isinstance(expression, list):
        return ("blocks", expression)
    if not isinstance(expression, dict):
        return NOT_WRITTEN
    if "constant_value" in expression:
        return ("constant", expression["constant_value"])
    if not expression or not expression.keys() - EXPRESSION_KEYS:
        return WRITTEN  # references, or an expression Terraform could not reduce to a constant
    return ("block", expression)


def below(written: Any, key: Key) -> Any:
    """The node of the value at `key` inside the value of `written`."""
    if written is WRITTEN or written is NOT_WRITTEN or written is UNAVAILABLE:
        return written
    kind, content = written
    if kind == "block":
        return node(content.get(key)) if isinstance(key, str) else WRITTEN
    if kind == "blocks":
        return node(content[key]) if isinstance(key, int) and 0 <= key < len(content) else WRITTEN
    if isinstance(content, dict):
        return ("constant", content[key]) if key in content else NOT_WRITTEN
    if isinstance(content, list) and isinstance(key, int) and 0 <= key < len(content):
        return ("constant", content[key])
    return WRITTEN


def attribute_references(expressions: Any, key: str) -> tuple[str, ...]:
    """The references of the expression of attribute `key` of a block's `expressions`."""
    if not isinstance(expressions, tuple) or expressions[0] != "block":
        return ()
    expression = expressions[1].get(key)
    found = expression.get("references") if isinstance(expression, dict) else None
    named = [r for r in found if isinstance(r, str)] if isinstance(found, list) else []
    return tuple(r for r in named if not any(_implies(other, r) for other in named))


def _implies(longer: str, shorter: str) -> bool:
    return len(longer) > len(shorter) and longer.startswith(shorter) and longer[len(shorter)] in ".["
