"""Cases from configurations written by others (provider examples, API documentation, demo
repositories): findings a reviewer rejected, and the severities re-derived from PingOne's own
validators and documentation."""

from __future__ import annotations

import json

import pytest

from p1lint.pointer import format_pointer
from tests.support import catalogue, lint, rule_by_name, run_rule

PROFILES = ("recommended", "strict", "oauth2.1", "fapi2")
WEB = {"type": "WEB_APP", "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"]}
WORKER = {"type": "WORKER", "grantTypes": ["CLIENT_CREDENTIALS"], "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC"}

# rule name -> severity in (recommended, strict, oauth2.1, fapi2); None = off
SEVERITIES = {
    "redirect-uri-has-path": ("info", "info", "info", "info"),
    "redirect-uri-http-loopback-only": ("error", "error", "error", "error"),
    "post-logout-uri-http-loopback-only": ("warning", "error", "warning", "warning"),
    "sign-on-and-flow-policies": ("warning", "warning", "warning", "warning"),
}


@pytest.mark.parametrize("name", sorted(SEVERITIES))
def test_severity_in_every_profile(name):
    rule = rule_by_name(name)
    assert tuple(rule.spec.severity_in(profile) for profile in PROFILES) == SEVERITIES[name]


def app(base, **fields):
    return {**base, **fields}


CASES = [
    # P1L812: a partial export without sub is not judged; a present sub must be required
    ("mapping-sub-required", {"attributeMappings": [{"name": "email", "value": "${user.email}"}]}, []),
    ("mapping-sub-required", {"attributeMappings": []}, []),
    ("mapping-sub-required", {"attributeMappings": [{"name": "email", "value": "${user.email}"},
                                                    {"name": "sub", "value": "${user.id}", "required": False}]},
     ["/attributeMappings/1/required"]),
    # P1L444: workers are shown in the portal too
    ("app-portal-initiate-login-uri", app(WORKER, hiddenFromAppPortal=False), ["/hiddenFromAppPortal"]),
    ("app-portal-initiate-login-uri",
     app(WORKER, hiddenFromAppPortal=False, initiateLoginUri="https://admin.example.com/login"), []),
    # P1L702: the provider accepts http icons
    ("icon-href-url", {"icon": {"href": "http://cdn.example.com/logo.png"}}, []),
    # P1L503: what the provider's regular expression accepts is still reported
    ("cors-origin-wildcard",
     {"corsSettings": {"behavior": "ALLOW_SPECIFIC_ORIGINS", "origins": ["https://test*.com"]}},
     ["/corsSettings/origins/0"]),
]


@pytest.mark.parametrize(("name", "application", "pointers"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_reports_exactly(name, application, pointers):
    hits = run_rule(rule_by_name(name), application)
    assert [format_pointer(hit.pointer) for hit in hits] == pointers


THIRD_PARTY_CASES = [
    # P1L441: custom native schemes are what the provider's ^(\S+:\/\/).+ permits
    ("target-link-uri-absolute", {"targetLinkUri": "org.example.app://target"}, []),
    ("target-link-uri-absolute", {"targetLinkUri": "mailto:admin@example.com"}, ["/targetLinkUri"]),
    ("target-link-uri-absolute", {"targetLinkUri": "javascript://%0aalert(1)"}, ["/targetLinkUri"]),
    ("target-link-uri-absolute", {"targetLinkUri": "org.example.app://"}, ["/targetLinkUri"]),
    # P1L440: loopback http as PingOne accepts it (localhost and 127.0.0.1), nothing more
    ("initiate-login-uri-https", {"initiateLoginUri": "http://localhost:8080/login"}, []),
    ("initiate-login-uri-https", {"initiateLoginUri": "http://127.0.0.1/login"}, []),
    ("initiate-login-uri-https", {"initiateLoginUri": "http://[::1]/login"}, ["/initiateLoginUri"]),
    ("initiate-login-uri-https", {"initiateLoginUri": "http://portal.example.com/login"}, ["/initiateLoginUri"]),
]


@pytest.mark.parametrize(("name", "application", "pointers"), THIRD_PARTY_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(THIRD_PARTY_CASES)])
def test_third_party_login_uris(name, application, pointers):
    hits = run_rule(rule_by_name(name), application)
    assert [format_pointer(hit.pointer) for hit in hits] == pointers


REFRESH_CASES = [
    # P1L208 / P1L721: offline_access works with AUTHORIZATION_CODE alone (PingOne's token endpoint)
    ("offline-access-without-refresh-token", app(WEB, scopes=["openid", "offline_access"]), []),
    ("offline-access-without-refresh-token", {"grantTypes": ["DEVICE_CODE"], "scopes": ["offline_access"]},
     ["/scopes/0"]),
    ("offline-access-without-code-flow", app(WEB, scopes=["openid", "offline_access"]), []),
    ("offline-access-without-code-flow", {"grantTypes": ["CLIENT_CREDENTIALS"], "scopes": ["offline_access"]},
     ["/scopes/0"]),
    # P1L605: refresh settings apply to an authorization code application (offline_access)
    ("refresh-token-settings-without-grant", app(WEB, refreshTokenDuration=600), []),
    ("refresh-token-settings-without-grant", app(WORKER, refreshTokenDuration=600), ["/refreshTokenDuration"]),
    # P1L602: an absent rolling duration is PingOne's default 15552000
    ("refresh-token-duration-exceeds-rolling", app(WEB, refreshTokenDuration=15552001), ["/refreshTokenDuration"]),
    ("refresh-token-duration-exceeds-rolling", app(WEB, refreshTokenDuration=15552000), []),
]


@pytest.mark.parametrize(("name", "application", "pointers"), REFRESH_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(REFRESH_CASES)])
def test_refresh_token_rules(name, application, pointers):
    hits = run_rule(rule_by_name(name), application)
    assert [format_pointer(hit.pointer) for hit in hits] == pointers


def test_offline_access_rules_never_report_the_same_application():
    pairs = [(grants, rule) for grants in (["AUTHORIZATION_CODE"], ["DEVICE_CODE"], ["CIBA"], ["CLIENT_CREDENTIALS"],
                                           ["IMPLICIT"], ["DEVICE_CODE", "REFRESH_TOKEN"])
             for rule in ("offline-access-without-refresh-token", "offline-access-without-code-flow")
             if run_rule(rule_by_name(rule), {"grantTypes": grants, "scopes": ["offline_access"]})]
    assert sorted(pairs) == sorted([(["CLIENT_CREDENTIALS"], "offline-access-without-code-flow"),
                                    (["CIBA"], "offline-access-without-refresh-token"),
                                    (["DEVICE_CODE"], "offline-access-without-refresh-token"),
                                    (["IMPLICIT"], "offline-access-without-code-flow")])


def test_following_shared_secret_advice_on_a_client_credentials_native_app_raises_no_error():
    native = {"type": "NATIVE_APP", "grantTypes": ["AUTHORIZATION_CODE", "CLIENT_CREDENTIALS"],
              "responseTypes": ["CODE"], "redirectUris": ["com.example.app://callback"],
              "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC"}
    assert run_rule(rule_by_name("shared-secret-public-client"), native)
    advised = {**native, "tokenEndpointAuthMethod": "NONE", "pkceEnforcement": "S256_REQUIRED",
               "grantTypes": ["AUTHORIZATION_CODE"]}
    errors = [rule.id for rule in catalogue() if rule.spec.severity_in("recommended") == "error" and run_rule(rule, advised)
              and rule.id != "P1L004"]
    assert errors == []


CLI_WORKER = {"type": "WORKER", "grantTypes": ["AUTHORIZATION_CODE", "DEVICE_CODE", "REFRESH_TOKEN"],
              "responseTypes": ["CODE"], "tokenEndpointAuthMethod": "NONE", "pkceEnforcement": "S256_REQUIRED",
              "redirectUris": ["http://127.0.0.1/callback", "http://localhost:8080/callback"]}

NATIVE_WORKER_CASES = [
    # a worker used as a locally installed CLI is a native public client (RFC 8252 section 7.3)
    ("server-app-without-client-authentication", CLI_WORKER, []),
    ("server-app-without-client-authentication", app(CLI_WORKER, redirectUris=None, grantTypes=["DEVICE_CODE"]), []),
    ("redirect-uri-loopback-native-only", CLI_WORKER, []),
    # any server-side trait makes it a server-side application again
    ("server-app-without-client-authentication", app(CLI_WORKER, pkceEnforcement="REQUIRED"),
     ["/tokenEndpointAuthMethod"]),
    ("server-app-without-client-authentication",
     app(CLI_WORKER, redirectUris=["http://127.0.0.1/callback", "https://admin.example.com/callback"]),
     ["/tokenEndpointAuthMethod"]),
    ("redirect-uri-loopback-native-only",
     app(CLI_WORKER, postLogoutRedirectUris=["https://admin.example.com/bye"]), ["/redirectUris/0", "/redirectUris/1"]),
    ("redirect-uri-loopback-native-only", app(CLI_WORKER, type="WEB_APP"), ["/redirectUris/0", "/redirectUris/1"]),
]


@pytest.mark.parametrize(("name", "application", "pointers"), NATIVE_WORKER_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(NATIVE_WORKER_CASES)])
def test_native_public_clients_recognised_by_configuration(name, application, pointers):
    hits = run_rule(rule_by_name(name), application)
    assert [format_pointer(hit.pointer) for hit in hits] == pointers


ORG = {"role": {"id": "r1"}, "scope": {"id": "o1", "type": "ORGANIZATION"}}
ENV = {"role": {"id": "r1"}, "scope": {"id": "e1", "type": "ENVIRONMENT"}}

NEW_RULE_CASES = [
    ("role-assignment-organization-scope", app(WORKER, roleAssignments=[ENV, ORG]), ["/roleAssignments/1/scope/type"]),
    ("role-assignment-organization-scope", app(WORKER, roleAssignments=[ENV]), []),
    ("refresh-token-grace-period-without-replay-protection",
     {"refreshTokenRollingGracePeriodDuration": 61, "additionalRefreshTokenReplayProtectionEnabled": False},
     ["/refreshTokenRollingGracePeriodDuration"]),
    ("refresh-token-grace-period-without-replay-protection",
     {"refreshTokenRollingGracePeriodDuration": 60, "additionalRefreshTokenReplayProtectionEnabled": False}, []),
    ("refresh-token-grace-period-without-replay-protection", {"refreshTokenRollingGracePeriodDuration": 3600}, []),
    ("refresh-token-grace-period-without-replay-protection",
     {"refreshTokenRollingGracePeriodDuration": 90000, "additionalRefreshTokenReplayProtectionEnabled": False}, []),
]


@pytest.mark.parametrize(("name", "application", "pointers"), NEW_RULE_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(NEW_RULE_CASES)])
def test_new_reviewer_rules(name, application, pointers):
    hits = run_rule(rule_by_name(name), application)
    assert [format_pointer(hit.pointer) for hit in hits] == pointers


def test_organization_scope_in_the_embedded_collection(tmp_path):
    path = tmp_path / "worker.json"
    path.write_text(json.dumps({**WORKER, "name": "Ops", "enabled": True, "protocol": "OPENID_CONNECT",
                                "_embedded": {"roleAssignments": [ORG]}}))
    found = [f.path for f in lint(path).findings if f.name == "role-assignment-organization-scope"]
    assert found == ["/_embedded/roleAssignments/0/scope/type"]


def native_with(integrity):
    return {"type": "NATIVE_APP", "mobile": {"packageName": "com.example.field", "integrityDetection": integrity}}


GOOGLE_PLAY = {"verificationType": "GOOGLE", "decryptionKey": "d", "verificationKey": "v"}
INTEGRITY_CASES = [
    ({"mode": "ENABLED"}, ["/mobile/integrityDetection/googlePlay"]),
    ({"mode": "ENABLED", "excludedPlatforms": ["IOS"]}, ["/mobile/integrityDetection/googlePlay"]),
    ({"mode": "ENABLED", "excludedPlatforms": ["GOOGLE"]}, []),
    ({"mode": "ENABLED", "googlePlay": GOOGLE_PLAY}, []),
    ({"mode": "DISABLED"}, []),
]


@pytest.mark.parametrize(("integrity", "pointers"), INTEGRITY_CASES)
def test_integrity_detection_for_android_needs_google_play(integrity, pointers):
    hits = run_rule(rule_by_name("integrity-detection-google-play"), native_with(integrity))
    assert [format_pointer(hit.pointer) for hit in hits] == pointers


FOREIGN_CASES = [
    ({"redirectUris": ["https://jwt.io", "https://app.example.com/cb"]}, ["/redirectUris/0"]),
    ({"redirectUris": ["https://EN.WWW.Google.com./x"]}, ["/redirectUris/0"]),
    ({"postLogoutRedirectUris": ["https://abc.m.pipedream.net/"]}, ["/postLogoutRedirectUris/0"]),
    ({"redirectUris": ["https://notjwt.io/cb", "https://jwt.io.example.com/cb", "com.google.app://cb"]}, []),
]


@pytest.mark.parametrize(("application", "pointers"), FOREIGN_CASES)
def test_foreign_hosts(application, pointers):
    hits = run_rule(rule_by_name("redirect-uri-foreign-host"), application)
    assert [format_pointer(hit.pointer) for hit in hits] == pointers


def test_every_foreign_host_has_a_reason_and_the_list_is_sorted():
    from p1lint.functions.hosts import foreign_hosts

    hosts = foreign_hosts()
    assert list(hosts) == sorted(hosts) and all(reason.strip() for reason in hosts.values())
    assert {"jwt.io", "oauth.tools", "oauthdebugger.com", "oidcdebugger.com", "webhook.site", "google.com"} <= set(hosts)


def test_a_role_assignment_as_the_api_returns_it_is_valid():
    """`GET /applications/{id}/roleAssignments` names the application in each entry (read only)."""
    assignment = {"id": "4c2a9e0e-7b8f-4d3a-9a41-0b8e2f6c1d57", "application": {"id": "a1"},
                  "environment": {"id": "e1"}, "readOnly": False,
                  "role": {"id": "r1"}, "scope": {"id": "e1", "type": "ENVIRONMENT"}}
    hits = run_rule(rule_by_name("unknown-property"), app(WORKER, roleAssignments=[assignment]))
    assert hits == []
