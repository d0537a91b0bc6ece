"""pingone_application and its related resources, from the Terraform structure to the API
application rules check, and the place of each translated value."""

from __future__ import annotations

from typing import Any

import pytest

from p1lint.documents.document import SourceDocument
from p1lint.documents.jsonformat import JSON
from p1lint.documents.location import Location
from p1lint.pointer import Pointer
from p1lint.terraform.values import Unknown
from p1lint.tfconfig.environments import terraform_environments
from p1lint.tfconfig.view import TerraformView

APP = ("resource", "pingone_application", "app")


def document(structure: dict[str, Any], name: str = "main.tf.json") -> SourceDocument:
    return SourceDocument(name, "{}", structure, JSON)


def application(body: dict[str, Any], *others: tuple[str, str, str, dict[str, Any]]) -> Any:
    """The one application translated from `body` (plus other blocks: section, type, name, body)."""
    structure: dict[str, Any] = {"resource": {"pingone_application": {"app": {"name": "App", **body}}}}
    for section, kind, name, block in others:
        structure.setdefault(section, {}).setdefault(kind, {})[name] = block
    (environment,) = terraform_environments("infra", [document(structure)])
    (target,) = environment.applications
    return target


def ref(address: str) -> Unknown:
    return Unknown(address, (address,))


OIDC_V1 = {"oidc_options": {
    "type": "WEB_APP", "grant_types": ["AUTHORIZATION_CODE"], "response_types": ["CODE"],
    "token_endpoint_auth_method": "CLIENT_SECRET_BASIC", "pkce_enforcement": "S256_REQUIRED",
    "redirect_uris": ["https://app.example.com/cb"],
}}  # fmt: skip
OIDC_V0 = {"oidc_options": [{**OIDC_V1["oidc_options"], "token_endpoint_auth_method": None}]}
del OIDC_V0["oidc_options"][0]["token_endpoint_auth_method"]
OIDC_V0["oidc_options"][0]["token_endpoint_authn_method"] = "CLIENT_SECRET_BASIC"

TRANSLATIONS = [
    # (configuration, API member, value)
    (OIDC_V1, "protocol", "OPENID_CONNECT"),
    (OIDC_V1, "type", "WEB_APP"),
    (OIDC_V1, "grantTypes", ["AUTHORIZATION_CODE"]),
    (OIDC_V1, "tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC"),
    (OIDC_V1, "redirectUris", ["https://app.example.com/cb"]),
    (OIDC_V1, "parRequirement", "OPTIONAL"),  # the provider's default
    (OIDC_V1, "enabled", False),  # the provider's default
    (OIDC_V1, "assignActorRoles", False),
    (OIDC_V1, "id", "pingone_application.app"),
    (OIDC_V0, "tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC"),
    (OIDC_V0, "pkceEnforcement", "S256_REQUIRED"),
    ({"oidc_options": {"type": "NATIVE_APP", "mobile_app": {"bundle_id": "com.example", "passcode_refresh_seconds": 45,
                       "integrity_detection": {"enabled": True}}}},
     "mobile", {"bundleId": "com.example", "passcodeRefreshDuration": {"duration": 45, "timeUnit": "SECONDS"},
                "integrityDetection": {"mode": "ENABLED"}, "passcodeGracePeriod": 5}),
    ({"oidc_options": [{"type": "NATIVE_APP", "bundle_id": "com.example"}]}, "mobile", {"bundleId": "com.example"}),
    ({"oidc_options": {"type": "SINGLE_PAGE_APP", "cors_settings": {"behavior": "ALLOW_SPECIFIC_ORIGINS",
                                                                    "origins": ["https://a.example"]}}},
     "corsSettings", {"behavior": "ALLOW_SPECIFIC_ORIGINS", "origins": ["https://a.example"]}),
    ({"oidc_options": {"type": "NATIVE_APP", "certificate_based_authentication": {"key_id": "k1"}}},
     "kerberos", {"key": {"id": "k1"}}),
    ({"oidc_options": {"type": "WORKER", "signing": {"key_rotation_policy_id": "p1"}}},
     "signing", {"keyRotationPolicy": {"id": "p1"}}),
    ({**OIDC_V1, "access_control_role_type": "ADMIN_USERS_ONLY",
      "access_control_group_options": {"type": "ANY_GROUP", "groups": [ref("pingone_group.staff.id"), "g2"]}},
     "accessControl", {"role": {"type": "ADMIN_USERS_ONLY"},
                       "group": {"type": "ANY_GROUP", "groups": [{"id": "pingone_group.staff"}, {"id": "g2"}]}}),
    ({**OIDC_V1, "icon": {"id": "i1", "href": "https://uploads.example/i.png"}},
     "icon", {"id": "i1", "href": "https://uploads.example/i.png"}),
    ({**OIDC_V1, "login_page_url": "https://app.example.com/login", "hidden_from_app_portal": True},
     "hiddenFromAppPortal", True),
    ({"saml_options": {"acs_urls": ["https://sp.example/acs"], "type": "WEB_APP"}}, "protocol", "SAML"),
    ({"oidc_options": {**OIDC_V1["oidc_options"], "client_id": "app-client"}}, "clientId", "app-client"),
    ({"oidc_options": ref("var.oidc")}, "type", ref("var.oidc")),
    ({"oidc_options": {"type": "WEB_APP", "redirect_uris": ref("var.uris")}}, "redirectUris", ref("var.uris")),
]  # fmt: skip


@pytest.mark.parametrize(("body", "member", "expected"), TRANSLATIONS)
def test_application_members(body: dict[str, Any], member: str, expected: Any) -> None:
    assert application(body).application.get(member) == expected


def test_an_older_name_is_not_sent_under_its_own_name() -> None:
    data = application(OIDC_V0).application
    assert "token_endpoint_authn_method" not in data and "tokenEndpointAuthMethod" in data


PLACES = [
    # (configuration, view pointer, pointer below the block where it is written)
    (OIDC_V1, ("redirectUris", 0), ("oidc_options", "redirect_uris", 0)),
    (OIDC_V1, ("tokenEndpointAuthMethod",), ("oidc_options", "token_endpoint_auth_method")),
    (OIDC_V1, ("parRequirement",), ("oidc_options",)),  # a default: where the options are
    (OIDC_V1, ("jwks",), ("oidc_options",)),  # not written at all
    (OIDC_V1, ("name",), ("name",)),
    (OIDC_V1, ("enabled",), ()),
    (OIDC_V0, ("redirectUris", 0), ("oidc_options", 0, "redirect_uris", 0)),
    (OIDC_V0, ("tokenEndpointAuthMethod",), ("oidc_options", 0, "token_endpoint_authn_method")),
    ({"oidc_options": {"type": "NATIVE_APP", "mobile_app": {"passcode_refresh_seconds": 45}}},
     ("mobile", "passcodeRefreshDuration", "duration"), ("oidc_options", "mobile_app", "passcode_refresh_seconds")),
    ({**OIDC_V1, "access_control_group_options": {"type": "ANY_GROUP", "groups": ["g1", "g2"]}},
     ("accessControl", "group", "groups", 1, "id"), ("access_control_group_options", "groups", 1)),
]  # fmt: skip


@pytest.mark.parametrize(("body", "view", "written"), PLACES)
def test_places(body: dict[str, Any], view: Pointer, written: Pointer) -> None:
    target = application(body)
    assert target.located.view.original(view) == written
    assert target.locate(view) == Location(target.location.document, (*APP, *written))


def test_viewed_is_the_inverse_of_original_in_the_application_block() -> None:
    view = application(OIDC_V1).located.view
    assert view.viewed(("oidc_options", "redirect_uris", 0)) == ("redirectUris", 0)
    assert view.viewed(("name",)) == ("name",)


def grant(scopes: list[Any], **more: Any) -> tuple[str, str, str, dict[str, Any]]:
    body = {"application_id": ref("pingone_application.app.id"), "resource_type": "OPENID_CONNECT",
            "scopes": scopes, **more}
    return ("resource", "pingone_application_resource_grant", "g", body)


RELATED = [
    (grant([ref("data.pingone_resource_scope.email.id"), "literal-id"]), "grants",
     [{"id": "pingone_application_resource_grant.g", "resource": {"id": "OPENID_CONNECT"},
       "scopes": [{"id": "data.pingone_resource_scope.email"}, {"id": "literal-id"}]}]),
    (("resource", "pingone_application_resource_grant", "g",
      {"application_id": ref("pingone_application.app.id"), "resource_type": "CUSTOM",
       "custom_resource_id": ref("pingone_resource.api.id"), "scopes": [ref("pingone_resource_scope.read.id")]}),
     "grants", [{"id": "pingone_application_resource_grant.g", "resource": {"id": "pingone_resource.api"},
                 "scopes": [{"id": "pingone_resource_scope.read"}]}]),
    (("resource", "pingone_application_sign_on_policy_assignment", "s",
      {"application_id": ref("pingone_application.app.id"), "sign_on_policy_id": ref("pingone_sign_on_policy.mfa.id"),
       "priority": 1}),
     "signOnPolicyAssignments", [{"id": "pingone_application_sign_on_policy_assignment.s", "priority": 1,
                                  "signOnPolicy": {"id": "pingone_sign_on_policy.mfa"}}]),
    (("resource", "pingone_application_flow_policy_assignment", "f",
      {"application_id": ref("pingone_application.app.id"), "flow_policy_id": "fp1", "priority": 1}),
     "flowPolicyAssignments", [{"id": "pingone_application_flow_policy_assignment.f", "priority": 1,
                                "flowPolicy": {"id": "fp1"}}]),
    (("resource", "pingone_application_role_assignment", "r",
      {"application_id": ref("pingone_application.app.id"), "role_id": ref("data.pingone_role.admin.id"),
       "scope_environment_id": ref("pingone_environment.prod.id")}),
     "roleAssignments", [{"id": "pingone_application_role_assignment.r", "role": {"id": "data.pingone_role.admin"},
                          "scope": {"id": "pingone_environment.prod", "type": "ENVIRONMENT"}}]),
    (("resource", "pingone_application_attribute_mapping", "m",
      {"application_id": ref("pingone_application.app.id"), "name": "email", "value": "${user.email}",
       "oidc_scopes": [ref("pingone_resource_scope_openid.custom.id")], "oidc_id_token_enabled": True}),
     "attributeMappings", [{"id": "pingone_application_attribute_mapping.m", "name": "email",
                            "value": "${user.email}", "oidcScopes": ["pingone_resource_scope_openid.custom"],
                            "idToken": True}]),
    (("resource", "pingone_application_secret", "s", {"application_id": ref("pingone_application.app.id")}),
     "secret", {}),
    (("resource", "pingone_application_sign_on_policy_assignment", "each",
      {"application_id": Unknown('pingone_application.app["crm"].id', ('pingone_application.app["crm"].id',)),
       "sign_on_policy_id": Unknown("pingone_sign_on_policy.mfa[0].id", ("pingone_sign_on_policy.mfa[0].id",)),
       "priority": 1}),
     "signOnPolicyAssignments", [{"id": "pingone_application_sign_on_policy_assignment.each", "priority": 1,
                                  "signOnPolicy": {"id": "pingone_sign_on_policy.mfa"}}]),  # one instance's id
    (grant([ref("data.pingone_resource_scope.email.id")]), "roleAssignments", None),  # other fields stay absent
    (("resource", "pingone_application_resource_grant", "other",
      {"application_id": ref("pingone_application.other.id"), "resource_type": "OPENID_CONNECT", "scopes": []}),
     "grants", None),  # another application's
]  # fmt: skip


@pytest.mark.parametrize(("block", "member", "expected"), RELATED)
def test_related_resources(block: tuple[str, str, str, dict[str, Any]], member: str, expected: Any) -> None:
    assert application(OIDC_V1, block).application.get(member) == expected


def test_a_related_resource_in_another_file_is_located_there() -> None:
    main = document({"resource": {"pingone_application": {"app": {"name": "App", **OIDC_V1}}}})
    grants = document({"resource": {"pingone_application_resource_grant": {"g": grant(["s1"])[3]}}}, "grants.tf.json")
    (environment,) = terraform_environments("infra", [main, grants])
    (target,) = environment.applications
    where = target.locate(("grants", 0, "scopes", 0, "id"))
    assert (where.document.name, where.pointer) == (
        "grants.tf.json", ("resource", "pingone_application_resource_grant", "g", "scopes", 0))
    assert target.located.view.original(("grants", 0, "scopes", 0, "id")) == ("scopes", 0)


def test_renamed_attributes_are_noted_with_their_current_names() -> None:
    old_grant = {"application_id": ref("pingone_application.app.id"), "resource_name": "openid",
                 "scope_names": ["email"]}
    block = ("resource", "pingone_application_resource_grant", "g", old_grant)
    view = application(OIDC_V0, block).located.view
    assert isinstance(view, TerraformView)
    noted = {(r.pointer, r.written, r.current, r.block) for r in view.renamed}
    assert noted == {
        (("oidc_options",), "oidc_options", "oidc_options", True),
        (("tokenEndpointAuthMethod",), "token_endpoint_authn_method", "token_endpoint_auth_method", False),
        (("grants", 0, "resource", "id"), "resource_name", "resource_type", False),
        (("grants", 0, "scopes"), "scope_names", "scopes", False),
    }
    assert view.original(("oidc_options",)) == ("oidc_options",)


def test_nested_blocks_are_noted_where_they_are_written() -> None:
    body = {"oidc_options": {"type": "SINGLE_PAGE_APP", "cors_settings": [{"behavior": "ALLOW_NO_ORIGINS"}]}}
    view = application(body).located.view
    assert [(r.pointer, r.block) for r in view.renamed] == [(("corsSettings",), True)]
    assert view.original(("corsSettings",)) == ("oidc_options", "cors_settings")
