"""Edge cases of the CORS, token, access, policy, secret and enable-toggle rules: which
applications each rule reports, and where (JSON Pointer below the application)."""

from __future__ import annotations

import pytest

from p1lint.pointer import format_pointer
from tests.support import rule_by_name, run_rule

SPA = {"type": "SINGLE_PAGE_APP", "tokenEndpointAuthMethod": "NONE",
       "grantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN"]}
WEB = {"type": "WEB_APP", "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC",
       "grantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN"]}
WORKER = {"type": "WORKER", "tokenEndpointAuthMethod": "PRIVATE_KEY_JWT",
          "grantTypes": ["CLIENT_CREDENTIALS"]}


def app(base, **fields):
    return {**base, **fields}


def cors(behavior, origins=None):
    settings = {"behavior": behavior}
    if origins is not None:
        settings["origins"] = origins
    return settings


CASES = [
    # P1L500 / P1L501
    ("cors-specific-origins-empty", app(SPA, corsSettings=cors("ALLOW_SPECIFIC_ORIGINS")),
     ["/corsSettings/origins"]),
    ("cors-specific-origins-empty", app(SPA, corsSettings=cors("ALLOW_SPECIFIC_ORIGINS", [])),
     ["/corsSettings/origins"]),
    ("cors-specific-origins-empty", app(SPA, corsSettings=cors("ALLOW_NO_ORIGINS")), []),
    ("cors-specific-origins-empty", app(SPA, corsSettings=None), []),
    ("cors-no-origins-with-origins", app(SPA, corsSettings=cors("ALLOW_NO_ORIGINS", [])), []),
    ("cors-no-origins-with-origins",
     app(SPA, corsSettings=cors("ALLOW_SPECIFIC_ORIGINS", ["https://a.example.com"])), []),
    # P1L502-P1L504, P1L507, P1L508 report each origin at its index
    ("cors-origin-not-serialized",
     app(SPA, corsSettings=cors("ALLOW_SPECIFIC_ORIGINS",
                                ["https://a.example.com", "https://b.example.com/", "b.example.com"])),
     ["/corsSettings/origins/1", "/corsSettings/origins/2"]),
    ("cors-origin-not-serialized",
     app(SPA, corsSettings=cors("ALLOW_NO_ORIGINS", ["https://b.example.com/"])),
     ["/corsSettings/origins/0"]),
    ("cors-origin-wildcard",
     app(SPA, corsSettings=cors("ALLOW_SPECIFIC_ORIGINS", ["https://*.example.com", "https://*.co.uk"])),
     ["/corsSettings/origins/1"]),
    ("cors-duplicate-origin",
     app(SPA, corsSettings=cors("ALLOW_SPECIFIC_ORIGINS",
                                ["https://a.example.com", "https://b.example.com", "HTTPS://A.example.com"])),
     ["/corsSettings/origins/2"]),
    ("cors-origin-http",
     app(SPA, corsSettings=cors("ALLOW_SPECIFIC_ORIGINS", ["http://localhost:4200", "http://a.example.com"])),
     ["/corsSettings/origins/1"]),
    # P1L505: backend types only, absent or null
    ("cors-settings-missing", app(WORKER), ["/corsSettings"]),
    ("cors-settings-missing", app(WEB, corsSettings=None), ["/corsSettings"]),
    ("cors-settings-missing", app(SPA), []),
    ("cors-settings-missing", app(WORKER, type="NATIVE_APP"), []),
    # P1L506: 40 is the limit
    ("cors-too-many-origins",
     app(SPA, corsSettings=cors("ALLOW_SPECIFIC_ORIGINS", [f"https://a{i}.example.com" for i in range(40)])),
     []),
    # P1L509: only workers without a user sign-in flow
    ("cors-origins-without-browser-client",
     app(WORKER, corsSettings=cors("ALLOW_SPECIFIC_ORIGINS", ["https://a.example.com"])),
     ["/corsSettings/behavior"]),
    ("cors-origins-without-browser-client",
     app(WORKER, grantTypes=["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"],
         corsSettings=cors("ALLOW_SPECIFIC_ORIGINS", ["https://admin.example.com"])), []),
    ("cors-origins-without-browser-client",
     app(WEB, corsSettings=cors("ALLOW_SPECIFIC_ORIGINS", ["https://a.example.com"])), []),
    # P1L600-P1L602
    ("refresh-token-duration-range", app(WEB, refreshTokenDuration=60, refreshTokenRollingDuration=59),
     ["/refreshTokenRollingDuration"]),
    ("refresh-token-duration-range", app(WEB, refreshTokenDuration="30"), []),
    ("refresh-token-grace-period-range", app(WEB, refreshTokenRollingGracePeriodDuration=-1),
     ["/refreshTokenRollingGracePeriodDuration"]),
    ("refresh-token-duration-exceeds-rolling",
     app(WEB, refreshTokenDuration=2592000, refreshTokenRollingDuration=2592000), []),
    ("refresh-token-duration-exceeds-rolling", app(WEB, refreshTokenDuration=2592000), []),
    # P1L603: public clients only, explicit false only
    ("public-client-refresh-replay-protection-off",
     app(SPA, additionalRefreshTokenReplayProtectionEnabled=False),
     ["/additionalRefreshTokenReplayProtectionEnabled"]),
    ("public-client-refresh-replay-protection-off",
     app(WEB, tokenEndpointAuthMethod="NONE", additionalRefreshTokenReplayProtectionEnabled=False),
     ["/additionalRefreshTokenReplayProtectionEnabled"]),
    ("public-client-refresh-replay-protection-off",
     app(WEB, additionalRefreshTokenReplayProtectionEnabled=False), []),
    ("public-client-refresh-replay-protection-off",
     app(SPA, grantTypes=["AUTHORIZATION_CODE"], additionalRefreshTokenReplayProtectionEnabled=False), []),
    ("public-client-refresh-replay-protection-off", app(SPA), []),
    # P1L604
    ("refresh-token-jwt", app(WORKER, refreshTokenType="JSON_WEB_TOKEN"), []),
    # P1L605 / P1L609: defaults do not count; one finding naming every setting
    ("refresh-token-settings-without-grant",
     app(WORKER, refreshTokenDuration=2592000, refreshTokenRollingDuration=15552000,
         refreshTokenRollingGracePeriodDuration=0, additionalRefreshTokenReplayProtectionEnabled=True), []),
    ("refresh-token-settings-without-grant",
     app(WORKER, refreshTokenRollingGracePeriodDuration=30, additionalRefreshTokenReplayProtectionEnabled=False),
     ["/refreshTokenRollingGracePeriodDuration"]),
    ("device-settings-without-grant", app(WORKER, deviceTimeout=600, devicePollingInterval=5), []),
    ("device-settings-without-grant", app(WORKER, devicePollingInterval=10), ["/devicePollingInterval"]),
    ("device-settings-without-grant",
     app(WORKER, grantTypes=["DEVICE_CODE"], devicePathId="tv"), []),
    # P1L721: code, device and CIBA flows may use offline_access
    ("offline-access-without-code-flow", app(WORKER, scopes=["p1:read:user", "offline_access"]),
     ["/scopes/1"]),
    ("offline-access-without-code-flow",
     app(WORKER, grantTypes=["DEVICE_CODE", "REFRESH_TOKEN"], scopes=["openid", "offline_access"]), []),
    ("offline-access-without-code-flow",
     app(WORKER, grantTypes=["IMPLICIT"], scopes=["openid", "offline_access"]), ["/scopes/1"]),
    ("offline-access-without-code-flow", app(WORKER), []),
    # P1L730-P1L732
    ("group-policy-without-groups", app(WEB, accessControl={"group": {"type": "ALL_GROUPS"}}),
     ["/accessControl/group/groups"]),
    ("group-policy-without-groups", app(WEB, accessControl={"group": None}), []),
    ("group-policy-without-groups", app(WEB, accessControl={"role": {"type": "ADMIN_USERS_ONLY"}}), []),
    ("worker-assigns-actor-roles", app(WEB, assignActorRoles=True), []),
    ("worker-assigns-actor-roles", app(WORKER, assignActorRoles=False), []),
    ("access-control-without-user-flow",
     app(WORKER, accessControl={"group": {"type": "ANY_GROUP", "groups": [{"id": "g"}]}}),
     ["/accessControl/group"]),
    ("access-control-without-user-flow", app(WORKER, accessControl={}), []),
    ("access-control-without-user-flow",
     app(WORKER, grantTypes=["TOKEN_EXCHANGE"], accessControl={"role": {"type": "ADMIN_USERS_ONLY"}}), []),
    # P1L740-P1L743
    ("sign-on-and-flow-policies",
     app(WEB, signOnPolicyAssignments=[], flowPolicyAssignments=[{"priority": 1, "flowPolicy": {"id": "f"}}]),
     []),
    ("multiple-flow-policies", app(WEB, flowPolicyAssignments=[{"priority": 1}]), []),
    ("duplicate-policy-priority",
     app(WEB, signOnPolicyAssignments=[{"priority": 1}], flowPolicyAssignments=[{"priority": 1}]), []),
    ("duplicate-policy-priority",
     app(WEB, flowPolicyAssignments=[{"priority": 2}, {"priority": 1}, {"priority": 2}]),
     ["/flowPolicyAssignments/2/priority"]),
    ("policy-priority-range",
     app(WEB, signOnPolicyAssignments=[{"priority": 1}, {"priority": -3}]),
     ["/signOnPolicyAssignments/1/priority"]),
    # P1L750 / P1L751 / P1L760
    ("secret-committed", app(WORKER, clientSecret="", secret={"secret": "${SECRET}"}), []),
    ("secret-committed", app(WORKER, secret={"previous": {"secret": "old-secret-value-123"}}),
     ["/secret/previous/secret"]),
    ("previous-secret-still-valid", app(WORKER, secret={"previous": {"lastUsed": "2026-01-01T00:00:00Z"}}),
     []),
    ("application-disabled", app(WORKER, enabled=True), []),
    ("application-disabled", app(WORKER, enabled=False), ["/enabled"]),
    # a value of the wrong type is `wrong-type`'s or `invalid-enum-value`'s to report, not these rules'
    ("application-disabled", app(WORKER, enabled="false"), []),
    ("public-client-refresh-replay-protection-off",
     app(SPA, additionalRefreshTokenReplayProtectionEnabled="false"), []),
    ("refresh-token-jwt", app(SPA, refreshTokenType="json_web_token"), []),
    ("cors-origins-without-browser-client", app(WORKER, corsSettings=cors("allow_specific_origins")), []),
    ("worker-assigns-actor-roles", app(WORKER, assignActorRoles="true"), []),
]


@pytest.mark.parametrize(("name", "application", "expected"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_reports_exactly_these_paths(name, application, expected):
    hits = run_rule(rule_by_name(name), application)
    assert [format_pointer(hit.pointer) for hit in hits] == expected


def test_settings_without_grant_names_every_setting_in_one_finding():
    hits = run_rule(rule_by_name("refresh-token-settings-without-grant"),
                    app(WORKER, refreshTokenDuration=600, refreshTokenRollingGracePeriodDuration=5))
    assert [hit.detail for hit in hits] == [
        "sets refreshTokenDuration, refreshTokenRollingGracePeriodDuration"
    ]
