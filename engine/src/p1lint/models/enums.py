"""Enumerations of the PingOne application model, in one place."""

from __future__ import annotations

from typing import Literal

Protocol = Literal["OPENID_CONNECT", "SAML", "WS_FED", "EXTERNAL_LINK"]
SystemApplicationType = Literal[
    "PING_ONE_SELF_SERVICE", "PING_ONE_ADMIN_CONSOLE", "PING_ONE_PORTAL", "TEMPLATE_APP",
    "PORTAL_LINK_APP",
]
ApplicationType = Literal[
    "WEB_APP", "NATIVE_APP", "SINGLE_PAGE_APP", "WORKER", "SERVICE", "CUSTOM_APP", SystemApplicationType
]
GrantType = Literal[
    "AUTHORIZATION_CODE", "IMPLICIT", "REFRESH_TOKEN", "CLIENT_CREDENTIALS", "DEVICE_CODE",
    "TOKEN_EXCHANGE", "CIBA",
]
ResponseType = Literal["CODE", "TOKEN", "ID_TOKEN"]
TokenEndpointAuthMethod = Literal[
    "NONE", "CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST", "CLIENT_SECRET_JWT", "PRIVATE_KEY_JWT"
]
PkceEnforcement = Literal["OPTIONAL", "REQUIRED", "S256_REQUIRED"]
ParRequirement = Literal["REQUIRED", "OPTIONAL"]
CorsBehavior = Literal["ALLOW_NO_ORIGINS", "ALLOW_SPECIFIC_ORIGINS"]
RefreshTokenType = Literal["JSON_WEB_TOKEN", "OPAQUE_TOKEN"]
AccessRoleType = Literal["ADMIN_USERS_ONLY"]
GroupPolicyType = Literal["ANY_GROUP", "ALL_GROUPS"]
MappingType = Literal["CORE", "SCOPE", "CUSTOM"]
ScopeType = Literal["ORGANIZATION", "ENVIRONMENT", "POPULATION", "APPLICATION"]
Tag = Literal["PING_FED_CONNECTION_INTEGRATION"]
PasscodeTimeUnit = Literal["SECONDS"]
DurationUnit = Literal["MINUTES", "HOURS"]
GooglePlayVerification = Literal["GOOGLE", "INTERNAL"]
EnabledStatus = Literal["ENABLED", "DISABLED"]
MobilePlatform = Literal["IOS", "GOOGLE"]
NumberMatching = Literal["SELECT_NUMBER", "ENTER_MANUALLY"]
