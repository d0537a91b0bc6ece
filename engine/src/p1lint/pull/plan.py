"""What a pull asks the API for: each snapshot collection, the endpoints it comes from and the
roles that may read it (for the message when the worker may not).

Endpoints and list member names are those of the PingOne Go SDK's `management/api/openapi.yaml`
(paths under `/environments/{environmentID}/...`, `EntityArray__embedded`). None of the list
endpoints read here documents an `expand` parameter (the SDK documents it for integrations and
a user's group memberships only), so an application's related objects are read one list each.

Roles: the API reference lists Environment Admin with every read and update permission on
applications, resources, policies and their secrets, and Configuration Read Only as its
read-only variant (`data/pingone-roles.yaml`); Identity Data Read Only is the read-only variant of
Identity Data Admin, which manages users, groups and populations. Which role reads groups,
populations and the user schema is not listed in a source read here: those hints are inference,
marked so below."""

from __future__ import annotations

from typing import NamedTuple

CONFIGURATION_ROLES = "Configuration Read Only or Environment Admin"
IDENTITY_ROLES = "Identity Data Read Only, Identity Data Admin or Environment Admin"  # inference
SECRET_ROLES = ("Environment Admin (a role with applications:read:secret) and every role the "
                "application holds")


class Source(NamedTuple):
    name: str  # the snapshot collection (and the file of the directory form)
    roles: str  # who may read it
    what: str  # for messages: "to read {what}"


SOURCES = {source.name: source for source in (
    Source("environment", CONFIGURATION_ROLES, "the environment"),
    Source("applications", CONFIGURATION_ROLES, "applications"),
    Source("resources", CONFIGURATION_ROLES, "resources"),
    Source("scopes", CONFIGURATION_ROLES, "the scopes of resources"),
    Source("signOnPolicies", CONFIGURATION_ROLES, "sign-on policies"),
    Source("flowPolicies", CONFIGURATION_ROLES, "DaVinci flow policies"),
    Source("roles", CONFIGURATION_ROLES, "roles"),
    Source("groups", IDENTITY_ROLES, "groups"),
    Source("populations", IDENTITY_ROLES, "populations"),
    Source("schema", IDENTITY_ROLES, "the user schema"),
    Source("actor", CONFIGURATION_ROLES, "the actor's role assignments"),
)}  # fmt: skip

# per-application lists: the file in `applications/<appId>/`, its endpoint and `_embedded` member
APPLICATION_LISTS = ("grants", "signOnPolicyAssignments", "flowPolicyAssignments", "attributes",
                     "roleAssignments")
APPLICATION_SOURCES = {
    **{name: Source(name, CONFIGURATION_ROLES, f"applications' {name}") for name in APPLICATION_LISTS},
    "secret": Source("secret", SECRET_ROLES, "an application's secret"),
}
# lists whose endpoint documents `limit` and `cursor` (the others are read without `limit`)
PAGED = frozenset({"groups", "populations"})


def environment_path(environment_id: str) -> str:
    return f"/v1/environments/{environment_id}"


def needs_secret(application: object) -> bool:
    """Whether an application has a client secret to read: an OIDC application that
    authenticates at the token endpoint (`tokenEndpointAuthMethod` other than NONE)."""
    if not isinstance(application, dict) or application.get("protocol") != "OPENID_CONNECT":
        return False
    return application.get("tokenEndpointAuthMethod") != "NONE"


def reads_role_assignments(application: object) -> bool:
    """Role assignments are read for OIDC applications (only workers hold roles, and an
    assignment on another type is itself a finding)."""
    return isinstance(application, dict) and application.get("protocol") == "OPENID_CONNECT"
