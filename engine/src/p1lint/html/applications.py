"""The cards of the applications with findings, ranked by risk: what each is (type, grants,
client authentication, PKCE, redirect hosts, roles) and what was found. An application is
matched to its findings by its identity (`Subject.key`: its id, else its name)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from p1lint.findings import SEVERITIES, Finding
from p1lint.html.inputs import AppContext
from p1lint.urls import parse_uri

RISK_WEIGHTS = {"error": 10, "warning": 3, "info": 1}
MAX_LISTED = 12  # values of one fact shown; the rest are counted


class ApplicationCard(NamedTuple):
    name: str
    id: str
    risk: int
    counts: dict[str, int]
    facts: tuple[tuple[str, str], ...]
    rules: tuple[str, ...]


def application_cards(
    findings: Iterable[Finding], known: Mapping[str, AppContext]
) -> tuple[ApplicationCard, ...]:
    """A card per application with findings, the riskiest first (then by name)."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.application_id or finding.application_name:
            grouped.setdefault(_key(finding), []).append(finding)
    cards = [_card(group, known.get(key)) for key, group in grouped.items()]
    return tuple(sorted(cards, key=lambda card: (-card.risk, card.name.lower(), card.id)))


def _key(finding: Finding) -> str:
    return f"id:{finding.application_id}" if finding.application_id else f"name:{finding.application_name}"


def _card(findings: list[Finding], context: AppContext | None) -> ApplicationCard:
    counts = Counter(finding.severity for finding in findings)
    rules = sorted({f"{finding.rule} {finding.name}" for finding in findings})
    first = findings[0]
    return ApplicationCard(first.application_name or first.application_id, first.application_id,
                           sum(RISK_WEIGHTS[severity] * count for severity, count in counts.items()),
                           {severity: counts[severity] for severity in SEVERITIES if counts[severity]},
                           _facts(context) if context else (), tuple(rules))


def _facts(context: AppContext) -> tuple[tuple[str, str], ...]:
    data = context.data
    return (
        ("type", " / ".join(_words(data.get("type"), data.get("protocol"))) or "—"),
        ("enabled", _yes_no(data.get("enabled"))),
        ("grants", _listed(data.get("grantTypes"))),
        ("response types", _listed(data.get("responseTypes"))),
        ("client authentication", _scalar(data.get("tokenEndpointAuthMethod"))),
        ("PKCE", _scalar(data.get("pkceEnforcement"))),
        ("redirect hosts", _listed(_hosts(data.get("redirectUris")))),
        ("roles", _listed(_roles(data, context.roles))),
    )


def _words(*values: Any) -> list[str]:
    return [value for value in values if isinstance(value, str) and value]


def _scalar(value: Any) -> str:
    return value if isinstance(value, str) and value else "—"


def _yes_no(value: Any) -> str:
    return {True: "yes", False: "no"}.get(value, "—") if isinstance(value, bool) else "—"


def _listed(values: Any) -> str:
    if not isinstance(values, list):
        return "—"
    items = [str(v) for v in values if isinstance(v, str | int) and not isinstance(v, bool)]
    if not items:
        return "—"
    shown = list(dict.fromkeys(items))
    rest = len(shown) - MAX_LISTED
    return ", ".join(shown[:MAX_LISTED]) + (f" and {rest} more" if rest > 0 else "")


def _hosts(uris: Any) -> list[str]:
    """The hosts of the redirect URIs (a host never holds a credential: user information is apart)."""
    if not isinstance(uris, list):
        return []
    hosts = [parse_uri(uri).host.lower() for uri in uris if isinstance(uri, str)]
    return [host for host in hosts if host]


def _roles(application: dict[str, Any], roles: Mapping[str, str]) -> list[str]:
    assignments = application.get("roleAssignments")
    if not isinstance(assignments, list):
        return []
    return [_role(assignment, roles) for assignment in assignments if isinstance(assignment, dict)]


def _role(assignment: dict[str, Any], roles: Mapping[str, str]) -> str:
    role = assignment.get("role")
    role_id = role.get("id") if isinstance(role, dict) else None
    scope = assignment.get("scope")
    scope_type = scope.get("type") if isinstance(scope, dict) else None
    name = roles.get(role_id, role_id) if isinstance(role_id, str) else "?"
    return f"{name} at {scope_type}" if isinstance(scope_type, str) else str(name)
