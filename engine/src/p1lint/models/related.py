"""Objects the API keeps under `/environments/{envId}/applications/{appId}/…`, which exports embed
in the application: its secret, attribute mappings, resource grants, role assignments and policy
assignments. Shapes follow the PingOne Management API schema (`management/api/openapi.yaml` of the
PingOne Go SDK): `SignOnPolicyAssignment`, `FlowPolicyAssignment`, `RoleAssignment`,
`ApplicationSecret`, `ApplicationAttributeMapping`, `ApplicationResourceGrant`."""

from __future__ import annotations

from pydantic import Field

from p1lint.models import enums
from p1lint.models.base import ApiObject, ApplicationObject, Model, ReadOnly, Reference


class PreviousSecret(Model):
    secret: str | None = None
    expiresAt: str | None = None
    lastUsed: str | None = None


class Secret(ApiObject):
    """The `/secret` object, when an export embeds it."""

    secret: str | None = None
    previous: PreviousSecret | None = None


class AttributeMapping(ApplicationObject):
    """An `/attributes` object, embedded under `attributeMappings` (or the API's own
    `_embedded.attributes`)."""

    name: str
    value: str
    required: bool = False
    mappingType: enums.MappingType | None = None
    nameFormat: str | None = None
    idToken: bool | None = None
    userInfo: bool | None = None
    oidcScopes: list[str] | None = None


class ScopeRef(Model):
    id: str
    type: enums.ScopeType


class RoleAssignment(ApplicationObject):
    """A `/roleAssignments` object, embedded under `roleAssignments`. `application`, `group` and
    `gateway` are read-only: the API names the application it belongs to ("Applications role
    assignments data model": `application.id`, read only) and the group or gateway an assignment
    came through."""

    role: Reference
    scope: ScopeRef
    readOnly: bool | None = None
    group: ReadOnly | None = None
    gateway: ReadOnly | None = None


class Grant(ApplicationObject):
    """A `/grants` object, embedded under `grants`."""

    resource: Reference
    scopes: list[Reference] = Field(default_factory=list)


class SignOnPolicyAssignment(ApplicationObject):
    """A `/signOnPolicyAssignments` object: a PingOne sign-on policy and its priority."""

    priority: int
    signOnPolicy: Reference


class FlowPolicyAssignment(ApplicationObject):
    """A `/flowPolicyAssignments` object: a DaVinci flow policy and its priority."""

    priority: int
    flowPolicy: Reference
