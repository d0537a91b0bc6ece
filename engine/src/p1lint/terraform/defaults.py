"""The literal defaults of a module's input variables, used where the configuration reads them.

A `variable` with a literal `default` has that value unless the caller of the module (a tfvars
file, `-var`, a parent module) sets another. Where a configuration reads the variable — the whole
expression is `var.NAME` (or a traversal into it, `var.uris[0]`), or a template whose every
interpolation is such a reference to a text, number or boolean (`"https://${var.host}/cb"`) — the
default stands in for the unknown value, so that the checks judge it; `notes` records where, so
that each finding on such a value says that it judged the default. Defaults of variables declared
`sensitive` are never used: their values must not reach a message.

Plain data in, plain data out (the Terraform structure); the structure given is not changed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from p1lint.pointer import Pointer
from p1lint.terraform.values import Unknown, contains_unknown

VARIABLE = "variable"
NO_VALUE = object()
_VARIABLE = re.compile(r"var\.([A-Za-z_][\w-]*)")
_STEP = re.compile(r'\.([A-Za-z_][\w-]*)|\[(\d{1,6})\]|\["([^"\\]{0,200})"\]')
_INTERPOLATION = re.compile(r"\$\{\s*var\.([A-Za-z_][\w-]*)\s*\}")
_SCALARS = (str, int, float, bool)


class Resolved(NamedTuple):
    """A structure with defaults in place of the variables, and where each was put (pointer ->
    `var.NAME`)."""

    data: Any
    notes: dict[Pointer, str]


def variable_defaults(structures: Iterable[Any]) -> dict[str, Any]:
    """The literal defaults of the variables the structures (one module's files) declare."""
    found: dict[str, Any] = {}
    for structure in structures:
        declared = structure.get(VARIABLE) if isinstance(structure, dict) else None
        for name, body in _declarations(declared):
            if isinstance(body, dict) and "default" in body and _usable(body):
                found.setdefault(name, body["default"])
    return found


def _declarations(declared: Any) -> Iterable[tuple[str, Any]]:
    """`{"name": {...}}`, `{"name": [{...}]}` (a block as a list), or a list of such mappings."""
    for mapping in declared if isinstance(declared, list) else [declared]:
        for name, body in mapping.items() if isinstance(mapping, dict) else ():
            yield name, body[0] if isinstance(body, list) and len(body) == 1 else body


def _usable(body: dict[str, Any]) -> bool:
    return body.get("sensitive") is not True and not contains_unknown(body["default"])


def resolve_defaults(structure: Any, defaults: dict[str, Any]) -> Resolved:
    """`structure` with each unknown value that only reads variables with defaults replaced by
    its value (outside the `variable` declarations themselves)."""
    notes: dict[Pointer, str] = {}
    if not defaults or not isinstance(structure, dict):
        return Resolved(structure, notes)
    data = {key: value if key == VARIABLE else _resolved(value, (key,), defaults, notes)
            for key, value in structure.items()}
    return Resolved(data, notes)


def _resolved(value: Any, pointer: Pointer, defaults: dict[str, Any], notes: dict[Pointer, str]) -> Any:
    if isinstance(value, dict):
        return {k: _resolved(v, (*pointer, k), defaults, notes) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolved(v, (*pointer, i), defaults, notes) for i, v in enumerate(value)]
    if not isinstance(value, Unknown):
        return value
    found, variables = default_value(value, defaults)
    if found is NO_VALUE:
        return value
    notes[pointer] = ", ".join(variables)
    return found


def default_value(unknown: Unknown, defaults: dict[str, Any]) -> tuple[Any, list[str]]:
    """The value `unknown` has when its variables have their defaults, and the variables it
    reads; `NO_VALUE` when it reads anything else (or is no reference nor simple template)."""
    reference = unknown.reference()
    if reference is None:
        return _template(unknown.expression, defaults)
    found = _VARIABLE.match(reference)
    if found is None or found.group(1) not in defaults:
        return NO_VALUE, []
    return _traversed(defaults[found.group(1)], reference[found.end():]), [found.group(0)]


def _traversed(value: Any, rest: str) -> Any:
    """`value` followed through the steps of a traversal (`[0]`, `.key`, `["key"]`)."""
    steps = list(_STEP.finditer(rest))
    if sum(len(step.group(0)) for step in steps) != len(rest):
        return NO_VALUE
    for step in steps:
        key = step.group(1) if step.group(1) is not None else step.group(3)
        value = _step(value, key if key is not None else int(step.group(2)))
    return value


def _step(value: Any, key: str | int) -> Any:
    if isinstance(key, int) and isinstance(value, list) and 0 <= key < len(value):
        return value[key]
    if isinstance(key, str) and isinstance(value, dict) and key in value:
        return value[key]
    return NO_VALUE


def _template(expression: str, defaults: dict[str, Any]) -> tuple[Any, list[str]]:
    """A template whose interpolations are all `${var.NAME}` of texts, numbers or booleans, as
    text (quoted as HCL writes it, or bare as JSON syntax does); `%{` directives, `$${` escapes
    and backslashes are left unknown."""
    text = expression[1:-1] if len(expression) > 1 and expression[0] == expression[-1] == '"' else expression
    if "%{" in text or "$${" in text or "\\" in text:
        return NO_VALUE, []
    names = [match.group(1) for match in _INTERPOLATION.finditer(text)]
    if not names or not all(isinstance(defaults.get(name, NO_VALUE), _SCALARS) for name in names):
        return NO_VALUE, []
    rendered = _INTERPOLATION.sub(lambda match: _text(defaults[match.group(1)]), text)
    if "${" in rendered:
        return NO_VALUE, []
    return rendered, [f"var.{name}" for name in dict.fromkeys(names)]


def _text(value: Any) -> str:
    """A text, number or boolean as Terraform interpolates it (`true`, `1`, `1.5`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
