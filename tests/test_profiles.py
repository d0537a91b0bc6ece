"""Profiles for grants, PKCE, client authentication, JWKS, request objects and PAR: effective
severities per profile, the FAPI 2.0 and OAuth 2.1 additions on fixtures, and the decisions
documented in the rules (hybrid response types, EC key floor, defaults of absent fields)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.messages import render
from tests.support import FIXTURES, catalogue, lint, rule_by_name, run_rule

PROFILES_DIR = FIXTURES / "profiles"
OWN_RANGES = (range(200, 300), range(300, 400), range(400, 440))

# rule name -> severity in (recommended, strict, oauth2.1, fapi2); None = off
SEVERITIES = {
    "grant-types-need-response-types": ("error", "error", "error", "error"),
    "response-types-need-grant-types": ("error", "error", "error", "error"),
    "implicit-grant": ("warning", "error", "error", "error"),
    "worker-implicit-grant": ("warning", "error", "error", "error"),
    "client-credentials-public-client": ("error", "error", "error", "error"),
    "refresh-token-without-user-flow": ("warning", "warning", "warning", "warning"),
    "id-token-response-without-openid-scope": ("error", "error", "error", "error"),
    "refresh-token-without-offline-access": ("info", "info", "info", "info"),
    "offline-access-without-refresh-token": ("info", "info", "info", "info"),
    "fapi2-response-type-code": (None, None, None, "error"),
    "pkce-without-authorization-code": ("warning", "warning", "warning", "warning"),
    "pkce-optional-public-client": ("error", "error", "error", "error"),
    "pkce-optional-confidential-client": ("warning", "error", "error", "error"),
    "pkce-plain-allowed": ("warning", "error", "error", "error"),
    "client-secret-post": ("warning", "error", "warning", None),
    "symmetric-client-authentication": ("info", "info", "info", None),
    "shared-secret-public-client": ("error", "error", "error", "error"),
    "private-key-jwt-public-client": ("warning", "warning", "warning", "warning"),
    "private-key-jwt-without-jwks": ("error", "error", "error", "error"),
    "server-app-without-client-authentication": ("warning", "error", "warning", None),
    "fapi2-private-key-jwt": (None, None, None, "error"),
    "fapi2-confidential-client": (None, None, None, "error"),
    "jwks-with-jwks-url": ("error", "error", "error", "error"),
    "jwks-url-not-https": ("error", "error", "error", "error"),
    "jwks-not-a-key-set": ("error", "error", "error", "error"),
    "jwks-private-key-material": ("error", "error", "error", "error"),
    "jwks-weak-key": ("error", "error", "error", "error"),
    "jwks-duplicate-kid": ("warning", "error", "warning", "warning"),
    "jwks-mixed-use-without-use": ("warning", "error", "warning", "warning"),
    "jwks-malformed-key": ("error", "error", "error", "error"),
    "jwks-empty": ("warning", "warning", "warning", "warning"),
    "jwks-by-value": ("info", "info", "info", "info"),
    "request-object-signing-contradiction": ("error", "error", "error", "error"),
    "signed-request-object-without-keys": ("error", "error", "error", "error"),
    "signed-request-object-secret-only": ("info", "warning", "info", "warning"),
    "unsigned-request-objects-allowed": ("warning", "error", "warning", "error"),
    "par-timeout-range": ("error", "error", "error", "error"),
    "par-timeout-fapi-limit": ("info", "info", "info", "error"),
    "par-timeout-short": ("info", "info", "info", "info"),
    "fapi2-par-required": (None, None, None, "error"),
    "par-required-without-authorization-flow": ("info", "info", "info", "info"),
    "idp-signoff-enabled": ("info", "info", "info", "info"),
}
PROFILE_ORDER = ("recommended", "strict", "oauth2.1", "fapi2")


def own(rule_id: str) -> bool:
    return any(int(rule_id[3:]) in ids for ids in OWN_RANGES)


def findings(path, profile):
    return sorted((f.rule, f.name, f.severity, f.path) for f in lint(path, profile=profile).findings)


def test_table_covers_every_rule_of_these_ranges():
    assert {r.name for r in catalogue() if own(r.id)} == set(SEVERITIES)


@pytest.mark.parametrize("name", sorted(SEVERITIES))
@pytest.mark.parametrize("profile", PROFILE_ORDER)
def test_effective_severity(name, profile):
    expected = SEVERITIES[name][PROFILE_ORDER.index(profile)]
    assert rule_by_name(name).spec.severity_in(profile) == expected


@pytest.mark.parametrize("profile", PROFILE_ORDER)
def test_rules_command_lists_effective_severities(profile):
    result = CliRunner().invoke(cli, ["rules", "--profile", profile, "--format", "json"])
    assert result.exit_code == 0
    listed = {row["name"]: row["severity"] for row in json.loads(result.output)}
    for name, severities in SEVERITIES.items():
        assert listed[name] == (severities[PROFILE_ORDER.index(profile)] or "off")


def test_fapi2_findings_on_the_open_banking_portal():
    assert findings(PROFILES_DIR / "fapi2" / "open-banking-portal.json", "fapi2") == [
        ("P1L202", "implicit-grant", "error", "/grantTypes/1"),
        ("P1L209", "fapi2-response-type-code", "error", "/responseTypes/1"),
        ("P1L223", "pkce-plain-allowed", "error", "/pkceEnforcement"),
        ("P1L306", "fapi2-private-key-jwt", "error", "/tokenEndpointAuthMethod"),
        ("P1L405", "par-timeout-fapi-limit", "error", "/parTimeout"),
        ("P1L407", "fapi2-par-required", "error", "/parRequirement"),
    ]


def test_the_same_portal_under_recommended_has_no_profile_only_findings():
    assert findings(PROFILES_DIR / "fapi2" / "open-banking-portal.json", "recommended") == [
        ("P1L202", "implicit-grant", "warning", "/grantTypes/1"),
        ("P1L223", "pkce-plain-allowed", "warning", "/pkceEnforcement"),
        ("P1L301", "symmetric-client-authentication", "info", "/tokenEndpointAuthMethod"),
        ("P1L405", "par-timeout-fapi-limit", "info", "/parTimeout"),
    ]


def test_fapi2_rejects_a_public_client():
    assert findings(PROFILES_DIR / "fapi2" / "mobile-banking.yaml", "fapi2") == [
        ("P1L306", "fapi2-private-key-jwt", "error", "/tokenEndpointAuthMethod"),
        ("P1L307", "fapi2-confidential-client", "error", "/type"),
    ]
    assert findings(PROFILES_DIR / "fapi2" / "mobile-banking.yaml", "recommended") == []


@pytest.mark.parametrize("profile", PROFILE_ORDER)
def test_a_conformant_fapi2_client_is_clean_in_every_profile(profile):
    assert findings(PROFILES_DIR / "fapi2" / "conformant-web-app.json", profile) == []


@pytest.mark.parametrize(
    ("profile", "severity"),
    [("recommended", "warning"), ("strict", "error"), ("oauth2.1", "error"), ("fapi2", "error")],
)
def test_oauth21_requires_pkce_for_confidential_clients(profile, severity):
    found = [f for f in findings(PROFILES_DIR / "oauth2.1" / "confidential-web-app.yaml", profile) if f[0] == "P1L222"]
    assert found == [("P1L222", "pkce-optional-confidential-client", severity, "/pkceEnforcement")]


@pytest.mark.parametrize("profile", ("recommended", "strict", "oauth2.1"))
def test_good_fixtures_get_at_most_advice_from_these_rules(profile):
    serious = [f for f in lint(FIXTURES / "good", profile=profile).findings
               if own(f.rule) and f.severity != "info"]
    assert serious == []


def hits(name, application):
    return [(h.pointer, h.detail) for h in run_rule(rule_by_name(name), application)]


HYBRID = {
    "type": "WEB_APP", "grantTypes": ["AUTHORIZATION_CODE", "IMPLICIT"], "responseTypes": ["CODE", "ID_TOKEN"],
    "tokenEndpointAuthMethod": "PRIVATE_KEY_JWT", "jwksUrl": "https://a.example.com/jwks", "pkceEnforcement": "S256_REQUIRED",
}


def test_hybrid_combination_is_consistent_and_reported_only_as_implicit():
    assert hits("grant-types-need-response-types", HYBRID) == []
    assert hits("response-types-need-grant-types", HYBRID) == []
    assert hits("implicit-grant", HYBRID) == [(("grantTypes", 1), "includes IMPLICIT")]
    assert hits("fapi2-response-type-code", HYBRID) == [(("responseTypes", 1), "includes ID_TOKEN")]


@pytest.mark.parametrize(
    ("application", "expected"),
    [
        ({"type": "SINGLE_PAGE_APP", "grantTypes": ["AUTHORIZATION_CODE"], "tokenEndpointAuthMethod": "NONE"},
         [(("pkceEnforcement",), "is not set, so PingOne applies its default OPTIONAL")]),
        ({"type": "NATIVE_APP", "grantTypes": ["AUTHORIZATION_CODE"], "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC",
          "pkceEnforcement": "OPTIONAL"}, [(("pkceEnforcement",), "is OPTIONAL")]),
        ({"type": "WEB_APP", "grantTypes": ["AUTHORIZATION_CODE"], "tokenEndpointAuthMethod": "NONE",
          "pkceEnforcement": "REQUIRED"}, []),
        ({"type": "SINGLE_PAGE_APP", "grantTypes": ["DEVICE_CODE"], "tokenEndpointAuthMethod": "NONE"}, []),
    ],
)
def test_public_client_pkce_counts_absent_as_optional(application, expected):
    assert hits("pkce-optional-public-client", application) == expected


def test_optional_pkce_on_a_worker_without_authorization_code_is_not_a_finding():
    worker = {"type": "WORKER", "grantTypes": ["CLIENT_CREDENTIALS"], "pkceEnforcement": "OPTIONAL",
              "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC"}
    for name in ("pkce-without-authorization-code", "pkce-optional-public-client",
                 "pkce-optional-confidential-client", "pkce-plain-allowed"):
        assert hits(name, worker) == [], name


def test_ec_floor_is_p256_although_fapi_allows_224_bits():
    key = {"kty": "EC", "crv": "P-224", "x": "A" * 38, "y": "A" * 38}
    application = {"jwks": json.dumps({"keys": [key]})}
    assert hits("jwks-weak-key", application) == [(("jwks",), "key 0 uses the curve P-224 (224 bits); use P-256 or a larger curve")]


@pytest.mark.parametrize(
    ("timeout", "rules"),
    [(0, ["par-timeout-range"]), (1, ["par-timeout-short"]), (29, ["par-timeout-short"]), (30, []), (599, []),
     (600, ["par-timeout-fapi-limit"]), (601, ["par-timeout-range"])],
)
def test_par_timeout_gives_one_finding_per_value(timeout, rules):
    application = {"parRequirement": "REQUIRED", "parTimeout": timeout}
    names = ("par-timeout-range", "par-timeout-short", "par-timeout-fapi-limit")
    assert [name for name in names if hits(name, application)] == rules


def test_messages_never_show_jwks_values():
    secret_key = {"kty": "oct", "k": "U0VDUkVULUtFWS1WQUxVRQ", "kid": "SECRET-KID"}
    application = {"tokenEndpointAuthMethod": "PRIVATE_KEY_JWT", "jwks": json.dumps({"keys": [secret_key]})}
    for rule in catalogue():
        for hit in run_rule(rule, application):
            message = render(rule.spec.message, hit.detail, hit.value, hit.pointer)
            assert "U0VDUkVU" not in message and "SECRET-KID" not in message, rule.id


@pytest.mark.parametrize(
    ("profile", "severity"), [("recommended", "warning"), ("strict", "error"), ("oauth2.1", "error")]
)
def test_oauth21_rejects_the_implicit_grant(profile, severity):
    assert findings(PROFILES_DIR / "oauth2.1" / "implicit-and-code-spa.json", profile) == [
        ("P1L202", "implicit-grant", severity, "/grantTypes/1"),
    ]


@pytest.mark.parametrize("value", ["S256", "optional", 7, True])
def test_unknown_pkce_values_are_left_to_the_structure_rules(value):
    spa = {"type": "SINGLE_PAGE_APP", "grantTypes": ["AUTHORIZATION_CODE"], "tokenEndpointAuthMethod": "NONE",
           "pkceEnforcement": value}
    web = {**spa, "type": "WEB_APP", "tokenEndpointAuthMethod": "PRIVATE_KEY_JWT"}
    assert hits("pkce-optional-public-client", spa) == []
    assert hits("pkce-optional-confidential-client", web) == []
    assert hits("pkce-plain-allowed", web) == []
