"""Which rules judge what. The rules that look at an application at all (by its protocol and
type: PingOne's own applications are not checked), and the values a rule cannot judge because a
Terraform configuration does not settle them — unknown, not wrong: such a check is not made, and
with `--strict-unknowns` it is noted where the unknown value is (`Context.note_unjudged`)."""

from __future__ import annotations

from typing import Any, get_args

from p1lint.functions.base import Context
from p1lint.models.enums import Protocol, SystemApplicationType
from p1lint.pointer import Pointer
from p1lint.rules.compiled import CompiledRule
from p1lint.selection import ActiveRule
from p1lint.terraform.values import Unknown, contains_unknown, unknowns_in

OIDC = "OPENID_CONNECT"
KNOWN_PROTOCOLS = get_args(Protocol)
SYSTEM_TYPES = get_args(SystemApplicationType)


def protocol_of(data: Any) -> str:
    """The application's protocol; anything missing or unknown counts as OIDC (the structure rules
    report it), so a broken file is still checked as thoroughly as possible."""
    protocol = data.get("protocol") if isinstance(data, dict) else None
    return protocol if isinstance(protocol, str) and protocol in KNOWN_PROTOCOLS else OIDC


def is_system_application(data: Any) -> bool:
    """PingOne's own applications (self-service, admin console, portal, templates) appear in
    environment exports, but their settings are PingOne's, not the user's: they are not checked."""
    return isinstance(data, dict) and data.get("type") in SYSTEM_TYPES


def relevant(rules: list[ActiveRule], data: Any, context: Context | None = None) -> list[ActiveRule]:
    """The rules that look at `data` at all: application-scope rules see the protocols they name,
    and never PingOne's own applications. Decided once per application, not once per rule. An
    unknown `type` may be one of PingOne's own, an unknown `protocol` any: only the rules that
    would look at the application either way do (the others are noted in `context`)."""
    if is_system_application(data):
        return [active for active in rules if not active.rule.per_application]
    protocol = protocol_of(data)
    chosen = [a for a in rules if not a.rule.per_application or protocol in a.rule.protocols]
    unknown = _unknown_kind(data)
    if not unknown:
        return chosen
    kept = [a for a in chosen if not a.rule.per_application or _any_kind(a.rule, unknown)]
    if context is not None:
        for active in (a for a in chosen if a not in kept):
            context.note_unjudged(active.rule.id, active.rule.name, [((key,), data[key]) for key in unknown])
    return kept


def _unknown_kind(data: Any) -> list[str]:
    """Which of `type` and `protocol`, which decide the rules an application gets, are unknown."""
    if not isinstance(data, dict):
        return []
    return [key for key in ("type", "protocol") if isinstance(data.get(key), Unknown)]


def _any_kind(rule: CompiledRule, unknown: list[str]) -> bool:
    """Whether an application-scope rule looks at an application whatever its unknown kind is
    (a rule that reports on the others does)."""
    if rule.function.after_others:
        return True
    return "type" not in unknown and rule.protocols.issuperset(KNOWN_PROTOCOLS)


def unknown_input(value: Any, rule: CompiledRule) -> bool:
    """Whether the rule cannot judge `value`: it is unknown, or holds unknown members and the
    rule's function does not judge such values by their known members."""
    return isinstance(value, Unknown) or (not rule.function.unknown_members and contains_unknown(value))


def note_unknowns(context: Context, rule: CompiledRule, pointer: Pointer, value: Any) -> None:
    found = unknowns_in(value)
    context.note_unjudged(rule.id, rule.name, (((*pointer, *below), unknown) for below, unknown in found))
