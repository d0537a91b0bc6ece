"""`pingone_application` as the Management API application it creates, following the provider's
own mapping (`expandApplicationOIDC`, `expandApplicationCommon` and the `expand` methods of
`internal/service/sso/resource_application.go`): attribute names become the API's member names,
enumerations are the API's values already (the provider passes them through), and the schema's
defaults are what PingOne receives when the configuration leaves an attribute out.

Provider 1.x writes `oidc_options` (and its nested objects) as object attributes, 0.x as nested
blocks; both read the same. The 0.x names that 1.0.0 renamed or moved are read too, and noted
(`Renamed`) with their current name. `saml_options`, `wsfed_options` and `external_link_options`
give the application's protocol only: p1lint checks OpenID Connect applications."""

from __future__ import annotations

from typing import Any, NamedTuple

from p1lint.terraform.renamed import Renamed
from p1lint.tfconfig.mapping import Field, Spec, Writer, ids, mode, translate
from p1lint.tfconfig.structure import Block, single, unknown_content
from p1lint.tfconfig.view import TerraformView

CORS = Spec({"behavior": Field(("behavior",)), "origins": Field(("origins",))})
GOOGLE_PLAY = Spec({
    "decryption_key": Field(("decryptionKey",)),
    "service_account_credentials_json": Field(("serviceAccountCredentials",)),
    "verification_key": Field(("verificationKey",)),
    "verification_type": Field(("verificationType",)),
})  # fmt: skip
CACHE_DURATION = Spec({"amount": Field(("amount",)), "units": Field(("units",))}, {"units": "MINUTES"})
INTEGRITY_DETECTION = Spec({
    "enabled": Field(("mode",), convert=mode),
    "excluded_platforms": Field(("excludedPlatforms",)),
    "google_play": Field(("googlePlay",), GOOGLE_PLAY),
    "cache_duration": Field(("cacheDuration",), CACHE_DURATION),
}, {"enabled": "DISABLED"})  # fmt: skip
MOBILE_APP = Spec({
    "bundle_id": Field(("bundleId",)),
    "package_name": Field(("packageName",)),
    "huawei_app_id": Field(("huaweiAppId",)),
    "huawei_package_name": Field(("huaweiPackageName",)),
    "passcode_grace_period": Field(("passcodeGracePeriod",)),
    "passcode_refresh_seconds": Field(("passcodeRefreshDuration", "duration")),
    "universal_app_link": Field(("uriPrefix",)),
    "integrity_detection": Field(("integrityDetection",), INTEGRITY_DETECTION),
}, {"passcode_grace_period": 5, "passcode_refresh_seconds": 30},
   {("passcodeRefreshDuration", "timeUnit"): "SECONDS"})  # fmt: skip

OIDC_FIELDS = {
    "type": Field(("type",)),
    "grant_types": Field(("grantTypes",)),
    "response_types": Field(("responseTypes",)),
    "token_endpoint_auth_method": Field(("tokenEndpointAuthMethod",)),
    "pkce_enforcement": Field(("pkceEnforcement",)),
    "redirect_uris": Field(("redirectUris",)),
    "allow_wildcard_in_redirect_uris": Field(("allowWildcardInRedirectUris",)),
    "post_logout_redirect_uris": Field(("postLogoutRedirectUris",)),
    "home_page_url": Field(("homePageUrl",)),
    "initiate_login_uri": Field(("initiateLoginUri",)),
    "target_link_uri": Field(("targetLinkUri",)),
    "jwks": Field(("jwks",)),
    "jwks_url": Field(("jwksUrl",)),
    "par_requirement": Field(("parRequirement",)),
    "par_timeout": Field(("parTimeout",)),
    "require_signed_request_object": Field(("requireSignedRequestObject",)),
    "support_unsigned_request_object": Field(("supportUnsignedRequestObject",)),
    "refresh_token_duration": Field(("refreshTokenDuration",)),
    "refresh_token_rolling_duration": Field(("refreshTokenRollingDuration",)),
    "refresh_token_rolling_grace_period_duration": Field(("refreshTokenRollingGracePeriodDuration",)),
    "refresh_token_type": Field(("refreshTokenType",)),
    "additional_refresh_token_replay_protection_enabled":
        Field(("additionalRefreshTokenReplayProtectionEnabled",)),
    "request_scopes_for_multiple_resources_enabled": Field(("requestScopesForMultipleResourcesEnabled",)),
    "idp_signoff": Field(("idpSignoff",)),
    "include_x5t": Field(("includeX5t",)),
    "op_session_check_enabled": Field(("opSessionCheckEnabled",)),
    "device_path_id": Field(("devicePathId",)),
    "device_custom_verification_uri": Field(("deviceCustomVerificationUri",)),
    "device_timeout": Field(("deviceTimeout",)),
    "device_polling_interval": Field(("devicePollingInterval",)),
    "cors_settings": Field(("corsSettings",), CORS),
    "signing": Field(("signing",), Spec({"key_rotation_policy_id": Field(("keyRotationPolicy", "id"))})),
    "certificate_based_authentication": Field(("kerberos",), Spec({"key_id": Field(("key", "id"))})),
    "mobile_app": Field(("mobile",), MOBILE_APP),
    # provider builds with beta features (helpers/beta: `AddBeta`)
    "client_id": Field(("clientId",)),
    "initial_client_secret": Field(("clientSecret",)),
    # provider 0.x names, renamed or moved by 1.0.0
    "token_endpoint_authn_method": Field(("tokenEndpointAuthMethod",), renamed="token_endpoint_auth_method"),
    "allow_wildcards_in_redirect_uris": Field(("allowWildcardInRedirectUris",),
                                              renamed="allow_wildcard_in_redirect_uris"),
    "bundle_id": Field(("mobile", "bundleId"), renamed="mobile_app.bundle_id"),
    "package_name": Field(("mobile", "packageName"), renamed="mobile_app.package_name"),
}  # fmt: skip
OIDC_DEFAULTS = {
    "device_timeout": 600, "device_polling_interval": 5, "idp_signoff": False, "include_x5t": False,
    "op_session_check_enabled": False, "par_requirement": "OPTIONAL", "par_timeout": 60,
    "pkce_enforcement": "OPTIONAL", "allow_wildcard_in_redirect_uris": False,
    "refresh_token_duration": 2592000, "refresh_token_rolling_duration": 15552000,
    "request_scopes_for_multiple_resources_enabled": False,
    "additional_refresh_token_replay_protection_enabled": True,
    "support_unsigned_request_object": False, "require_signed_request_object": False,
}  # fmt: skip
OIDC = Spec(OIDC_FIELDS, OIDC_DEFAULTS)
ACCESS_GROUPS = Spec({"type": Field(("type",)), "groups": Field(("groups",), convert=ids)})
COMMON = Spec({
    "name": Field(("name",)),
    "description": Field(("description",)),
    "enabled": Field(("enabled",)),
    "tags": Field(("tags",)),
    "login_page_url": Field(("loginPageUrl",)),
    "hidden_from_app_portal": Field(("hiddenFromAppPortal",)),
    "icon": Field(("icon",), Spec({"id": Field(("id",)), "href": Field(("href",))})),
    "access_control_role_type": Field(("accessControl", "role", "type")),
    "access_control_group_options": Field(("accessControl", "group"), ACCESS_GROUPS),
}, {"enabled": False, "hidden_from_app_portal": False})  # fmt: skip
# the options attribute -> the protocol it makes (and the type PingOne gives the others)
PROTOCOLS = {"oidc_options": "OPENID_CONNECT", "saml_options": "SAML", "wsfed_options": "WS_FED",
             "external_link_options": "EXTERNAL_LINK"}
OTHER_TYPES = {"SAML": "WEB_APP", "WS_FED": "WEB_APP", "EXTERNAL_LINK": "PORTAL_LINK_APP"}


class Translated(NamedTuple):
    """An application read from its block: the view rules check and the renamed attributes."""

    view: TerraformView
    renamed: tuple[Renamed, ...]


def application(block: Block) -> Translated:
    """The API application a `pingone_application` block creates."""
    writer = Writer(block.location)
    writer.put(("id",), block.address, block.location)
    protocol = next((p for key, p in PROTOCOLS.items() if key in block.body), None)
    if protocol is not None:
        writer.put(("protocol",), protocol, block.location)
    translate(block.body, block.location, COMMON, (), writer)
    if protocol == "OPENID_CONNECT":
        _oidc(block, writer)
    elif protocol is not None:
        _other(block, protocol, writer)
    return Translated(TerraformView(writer.data, writer.places), tuple(writer.renamed))


def _oidc(block: Block, writer: Writer) -> None:
    where = block.location.below(("oidc_options",))
    written = block.body["oidc_options"]
    found = single(written)
    if found is None:  # unknown (an expression, or a block whose content is one): so is all in it
        unknown = unknown_content(written)
        writer.put(("type",), written if unknown is None else unknown, where)
        return
    options, pointer = found
    for field in OIDC_FIELDS.values():
        writer.place(field.target[:1], where)  # what is not written is reported at the options
    if pointer:
        writer.note_block(("oidc_options",), where)  # no API member: locates the attribute itself
    translate(options, where.below(pointer), OIDC, (), writer)
    writer.put(("assignActorRoles",), False, where)  # the provider always sends it


def _other(block: Block, protocol: str, writer: Writer) -> None:
    key = next(k for k, p in PROTOCOLS.items() if p == protocol)
    found = single(block.body[key])
    written: Any = found[0].get("type") if found and protocol == "SAML" else None
    kind = written if written is not None else OTHER_TYPES[protocol]
    writer.put(("type",), kind, block.location.below((key,)))

