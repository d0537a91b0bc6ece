"""Every kind of change `p1lint diff` reports, in one table: a stable id, a severity, a title."""

from __future__ import annotations

from typing import NamedTuple

from p1lint.findings import SeverityName


class ChangeKind(NamedTuple):
    id: str  # stable, kebab-case: what tests, JSON readers and `--fail-on` rely on
    severity: SeverityName
    title: str


CHANGE_KINDS: tuple[ChangeKind, ...] = (
    ChangeKind("application-added", "info", "application added"),
    ChangeKind("application-removed", "info", "application removed"),
    ChangeKind("application-enabled", "warning", "application enabled"),
    ChangeKind("redirect-uri-added", "warning", "redirect URI added"),
    ChangeKind("sign-off-uri-added", "info", "sign-off URI added"),
    ChangeKind("cors-origin-added", "warning", "CORS origin allowed"),
    ChangeKind("grant-type-added", "warning", "grant type added"),
    ChangeKind("response-type-added", "warning", "response type added"),
    ChangeKind("pkce-weakened", "error", "PKCE enforcement weakened"),
    ChangeKind("par-weakened", "warning", "pushed authorization requests no longer required"),
    ChangeKind("client-authentication-weakened", "error", "client authentication weakened"),
    ChangeKind("jwks-changed", "warning", "JWKS changed"),
    ChangeKind("client-secret-changed", "info", "client secret changed"),
    ChangeKind("refresh-token-lifetime-lengthened", "warning", "refresh-token lifetime lengthened"),
    ChangeKind("role-assignment-added", "warning", "role assignment added"),
    ChangeKind("role-assignment-widened", "error", "role assignment widened to a broader scope"),
    ChangeKind("policy-assignment-removed", "warning", "policy assignment removed"),
    ChangeKind("policy-assignments-reordered", "warning", "policy assignments reordered"),
    ChangeKind("admin-only-access-removed", "error", "admin-only access removed"),
    ChangeKind("group-access-widened", "warning", "group access restriction widened"),
)  # fmt: skip
KINDS: dict[str, ChangeKind] = {kind.id: kind for kind in CHANGE_KINDS}
