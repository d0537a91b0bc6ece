"""Render rule message templates without ever revealing a secret.

Templates are data from rule files, so they are filled by plain `{name}` substitution —
never `str.format`, which would let a template reach into object attributes. Whatever is
interpolated from the input passes through `redaction.redact_text`: the value, and the detail a
check function wrote, which must not quote a credential found in the value either."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import islice
from typing import Any

from p1lint.pointer import Pointer, format_field
from p1lint.redaction import REDACTED, credentials_in, is_credential_name, redact_text
from p1lint.terraform.values import Unknown

PLACEHOLDERS = frozenset({"detail", "value", "path"})
TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")  # `{{` and `}}` are literal braces
SENSITIVE_KEYS = frozenset(
    {"clientSecret", "secret", "jwks", "privateKey", "password", "d", "p", "q", "dp", "dq", "qi",
     "oth", "k"}
)
MAX_VALUE_LENGTH = 80
MAX_DISPLAY_DEPTH = 8


def unknown_placeholders(template: str) -> list[str]:
    names = (m.group(1) for m in TOKEN.finditer(template) if m.group(1) is not None)
    return [name for name in names if name not in PLACEHOLDERS]


def render(template: str, detail: str, value: Any, pointer: Pointer) -> str:
    """The message: each placeholder the template names filled in (only those are computed)."""
    parts, names = _parsed(template)
    fields: dict[str, str] = {}
    if "detail" in names:
        fields["detail"] = redact_text(detail, list(credentials_in(value, is_sensitive(pointer))))
    if "path" in names:
        fields["path"] = format_field(pointer)
    if "value" in names:
        fields["value"] = display_value(value, pointer)
    return "".join(part if is_text else fields[part] for part, is_text in parts)


@lru_cache(maxsize=1024)
def _parsed(template: str) -> tuple[tuple[tuple[str, bool], ...], frozenset[str]]:
    """The template as literal text and placeholder names (`True`: literal), and those names."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in TOKEN.finditer(template):
        parts.append((template[position:match.start()], True))
        name = match.group(1)
        parts.append((match.group(0)[0], True) if name is None else (name, False))
        position = match.end()
    parts.append((template[position:], True))
    return tuple(parts), frozenset(name for name, is_text in parts if not is_text)


def is_sensitive_key(key: object) -> bool:
    """A key whose value is never shown: a credential's name, `jwks`, or a private JWK member."""
    return (isinstance(key, str) and key in SENSITIVE_KEYS) or is_credential_name(key)


def is_sensitive(pointer: Pointer) -> bool:
    return any(is_sensitive_key(key) for key in pointer)


def display_value(value: Any, pointer: Pointer) -> str:
    """A short, escaped rendering of `value`; anything at a sensitive path is redacted."""
    if is_sensitive(pointer):
        return REDACTED
    text = json.dumps(redact(value), ensure_ascii=True, default=str)
    if len(text) > MAX_VALUE_LENGTH:
        text = text[: MAX_VALUE_LENGTH - 1] + "…"
    return text


def redact(value: Any, depth: int = 0) -> Any:
    """A copy of `value` with every sensitive member replaced by a marker and every string's
    credentials hidden; nesting deeper, or members more, than a message could ever show are cut,
    so that no input can exhaust the stack or take long."""
    if depth > MAX_DISPLAY_DEPTH:
        return "…"
    if isinstance(value, Unknown):
        return _unknown_text(value)
    if isinstance(value, dict):
        members = list(islice(value.items(), MAX_VALUE_LENGTH))
        return {_key(k): REDACTED if is_sensitive_key(k) else redact(v, depth + 1) for k, v in members}
    if isinstance(value, list):
        return [redact(item, depth + 1) for item in value[:MAX_VALUE_LENGTH]]
    if isinstance(value, str):
        return redact_text(value)
    return value


def _unknown_text(value: Unknown) -> str:
    """An unknown value as Terraform's JSON syntax writes an expression, `${var.uris}`; one that is
    no plain reference (a template, a call: literal text, maybe a secret) as `${…}`."""
    reference = value.reference()
    return f"${{{reference}}}" if reference is not None else "${…}"


def _key(key: Any) -> Any:
    return redact_text(key) if isinstance(key, str) else key
