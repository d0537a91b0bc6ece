"""The OIDC application object of the PingOne Management API, every field of the console's tabs.

Types and enumerations live here; limits and relations between fields are rules (with ids, docs
and severities) under `rules/`. Read-only fields the API returns are accepted silently."""

from __future__ import annotations

from pydantic import Field

from p1lint.models import enums
from p1lint.models.base import ApiObject, Model, ReadOnly, Reference
from p1lint.models.related import (
    AttributeMapping,
    FlowPolicyAssignment,
    Grant,
    RoleAssignment,
    Secret,
    SignOnPolicyAssignment,
)
from p1lint.models.settings import Kerberos, Mobile, Signing


class Icon(Model):
    id: str | None = None
    href: str | None = None


class AccessRole(Model):
    type: enums.AccessRoleType


class AccessGroup(Model):
    type: enums.GroupPolicyType
    groups: list[Reference] = Field(default_factory=list)


class AccessControl(Model):
    role: AccessRole | None = None
    group: AccessGroup | None = None


class CorsSettings(Model):
    behavior: enums.CorsBehavior
    origins: list[str] | None = None


class Application(ApiObject):
    """An OIDC application (worker, web, SPA, native, service, custom)."""

    # read-only, returned by the API (with those of ApiObject)
    embedded: ReadOnly | None = Field(default=None, alias="_embedded")
    # Overview
    name: str
    description: str | None = None
    icon: Icon | None = None
    homePageUrl: str | None = None
    loginPageUrl: str | None = None
    enabled: bool | None = None  # absent: the API sets false
    protocol: enums.Protocol
    type: enums.ApplicationType
    hiddenFromAppPortal: bool | None = None
    tags: list[enums.Tag] | None = None
    template: ReadOnly | None = None
    # Configuration
    clientId: str | None = None
    clientSecret: str | None = None
    responseTypes: list[enums.ResponseType] | None = None
    grantTypes: list[enums.GrantType] | None = None  # not in the API's required list
    pkceEnforcement: enums.PkceEnforcement | None = None
    redirectUris: list[str] | None = None
    allowWildcardInRedirectUris: bool | None = None
    postLogoutRedirectUris: list[str] | None = None
    tokenEndpointAuthMethod: enums.TokenEndpointAuthMethod
    jwks: str | None = None
    jwksUrl: str | None = None
    parRequirement: enums.ParRequirement | None = None
    parTimeout: int | None = None
    initiateLoginUri: str | None = None
    targetLinkUri: str | None = None
    requireSignedRequestObject: bool | None = None
    supportUnsignedRequestObject: bool | None = None
    idpSignoff: bool | None = None
    opSessionCheckEnabled: bool | None = None
    includeX5t: bool | None = None
    corsSettings: CorsSettings | None = None
    refreshTokenDuration: int | None = None
    refreshTokenRollingDuration: int | None = None
    refreshTokenRollingGracePeriodDuration: int | None = None
    refreshTokenType: enums.RefreshTokenType | None = None
    additionalRefreshTokenReplayProtectionEnabled: bool | None = None
    devicePathId: str | None = None
    deviceCustomVerificationUri: str | None = None
    deviceTimeout: int | None = None
    devicePollingInterval: int | None = None
    requestScopesForMultipleResourcesEnabled: bool | None = None
    signing: Signing | None = None
    kerberos: Kerberos | None = None
    mobile: Mobile | None = None
    bundleId: str | None = None  # deprecated by the API in favour of mobile.bundleId
    packageName: str | None = None  # deprecated by the API in favour of mobile.packageName
    # Access and Roles
    accessControl: AccessControl | None = None
    assignActorRoles: bool | None = None
    # related objects an export may embed
    secret: Secret | None = None
    scopes: list[str] | None = None
    grants: list[Grant] | None = None
    attributeMappings: list[AttributeMapping] | None = None
    roleAssignments: list[RoleAssignment] | None = None
    signOnPolicyAssignments: list[SignOnPolicyAssignment] | None = None
    flowPolicyAssignments: list[FlowPolicyAssignment] | None = None
