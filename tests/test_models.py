"""The application model: what is accepted silently, and the problem each mistake becomes."""

from __future__ import annotations

import pytest

from p1lint.models.validation import validate_application

BASE = {
    "name": "App", "enabled": True, "protocol": "OPENID_CONNECT", "type": "WORKER",
    "grantTypes": ["CLIENT_CREDENTIALS"], "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC",
}


def problems(**changes):
    return [(p.kind, p.pointer, p.message) for p in validate_application({**BASE, **changes})]


def test_minimal_application_is_valid():
    assert problems() == []


def test_read_only_fields_are_accepted():
    read_only = {"id": "x", "environment": {"id": "e"}, "createdAt": "2024-01-01T00:00:00Z",
                 "updatedAt": "2024-01-01T00:00:00Z", "_links": {"self": {"href": "https://x"}}}
    assert problems(**read_only) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"redirectUri": ["x"]}, ("unknown-key", ("redirectUri",), 'unknown property "redirectUri"; did you mean "redirectUris"?')),
        ({"corsSettings": {"behaviour": "ALLOW_NO_ORIGINS", "behavior": "ALLOW_NO_ORIGINS"}},
         ("unknown-key", ("corsSettings", "behaviour"), 'unknown property "behaviour"; did you mean "behavior"?')),
        ({"attributeMappings": [{"name": "a", "value": "b", "requried": True}]},
         ("unknown-key", ("attributeMappings", 0, "requried"), 'unknown property "requried"; did you mean "required"?')),
        ({"grantTypes": ["AUTHORISATION_CODE"]}, ("enum", ("grantTypes", 0), '"AUTHORISATION_CODE" is not a valid value; did you mean "AUTHORIZATION_CODE"?')),
        ({"type": "worker"}, ("enum", ("type",), '"worker" is not a valid value; did you mean "WORKER"?')),
        ({"enabled": "true"}, ("type", ("enabled",), "expected a boolean, found a string")),
        ({"parTimeout": 60.5}, ("type", ("parTimeout",), "expected an integer, found a number")),
        ({"grantTypes": "CLIENT_CREDENTIALS"}, ("type", ("grantTypes",), "expected a list, found a string")),
        ({"corsSettings": []}, ("type", ("corsSettings",), "expected an object, found a list")),
    ],
)
def test_each_mistake_is_one_problem(changes, expected):
    assert problems(**changes) == [expected]


def test_missing_required_properties():
    application = {key: value for key, value in BASE.items() if key not in ("name", "tokenEndpointAuthMethod")}
    found = [(p.kind, p.pointer) for p in validate_application(application)]
    assert found == [("missing", ("name",)), ("missing", ("tokenEndpointAuthMethod",))]


def test_only_what_the_api_requires_is_required():
    """`enabled` defaults to false and `grantTypes` is not in the API's required list."""
    application = {key: value for key, value in BASE.items() if key not in ("enabled", "grantTypes")}
    assert validate_application(application) == []


def test_not_an_object():
    assert [(p.kind, p.message) for p in validate_application(["x"])] == [("type", "expected an object, found a list")]


def test_secret_values_never_appear_in_messages():
    found = problems(clientSecret=12345678, secret={"secret": ["s3cr3t-value"]})
    assert found and all("s3cr3t" not in message and "12345678" not in message for _, _, message in found)


# ---- the API's own members of related objects ------------------------------------------------

APP = {"id": "a1"}
ENV = {"id": "e1"}
LINKS = {"self": {"href": "https://api.pingone.com/v1/x"}}


@pytest.mark.parametrize(
    "changes",
    [
        {"signOnPolicyAssignments": [{"id": "s", "priority": 1, "signOnPolicy": {"id": "p"},
                                      "application": APP, "environment": ENV, "_links": LINKS}]},
        {"flowPolicyAssignments": [{"id": "f", "priority": 1, "flowPolicy": {"id": "p"},
                                    "application": APP, "environment": ENV, "_links": LINKS}]},
        {"secret": {"secret": "x" * 8, "_links": LINKS, "environment": ENV}},
        {"roleAssignments": [{"role": {"id": "r"}, "scope": {"id": "e1", "type": "ENVIRONMENT"},
                              "group": {"id": "g"}, "gateway": {"id": "gw"}, "environment": ENV}]},
        {"attributeMappings": [{"name": "email", "value": "${user.email}", "nameFormat":
                                "urn:oasis:names:tc:SAML:2.0:attrname-format:basic"}]},
    ],
    ids=["sign-on-policy", "flow-policy", "secret", "role-assignment", "attribute-mapping"],
)
def test_members_the_api_returns_are_accepted(changes):
    assert problems(**changes) == []


def test_policy_assignment_lists_are_typed_separately():
    found = problems(signOnPolicyAssignments=[{"priority": 1, "flowPolicy": {"id": "p"}}],
                     flowPolicyAssignments=[{"priority": 1, "signOnPolicy": {"id": "p"}}])
    assert sorted((kind, pointer) for kind, pointer, _ in found) == [
        ("missing", ("flowPolicyAssignments", 0, "flowPolicy")),
        ("missing", ("signOnPolicyAssignments", 0, "signOnPolicy")),
        ("unknown-key", ("flowPolicyAssignments", 0, "signOnPolicy")),
        ("unknown-key", ("signOnPolicyAssignments", 0, "flowPolicy")),
    ]


MOBILE = {
    "bundleId": "com.example.app", "packageName": "com.example.app", "huaweiAppId": "1",
    "huaweiPackageName": "com.example.app", "passcodeGracePeriod": 3, "uriPrefix": "https://example.com",
    "passcodeRefreshDuration": {"duration": 30, "timeUnit": "SECONDS"},
    "integrityDetection": {"mode": "ENABLED", "excludedPlatforms": ["IOS"],
                           "cacheDuration": {"amount": 24, "units": "HOURS"},
                           "googlePlay": {"verificationType": "INTERNAL", "decryptionKey": "k",
                                          "verificationKey": "v"}},
    "push": {"numberMatching": {"type": "SELECT_NUMBER"}},
}


def test_signing_kerberos_and_mobile_are_typed():
    assert problems(type="NATIVE_APP", mobile=MOBILE, kerberos={"key": {"id": "k"}},
                    signing={"keyRotationPolicy": {"id": "krp"}}) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"signing": {"keyRotationPolicyId": "krp"}}, [
            ("missing", ("signing", "keyRotationPolicy")), ("unknown-key", ("signing", "keyRotationPolicyId"))]),
        ({"kerberos": {"key": "k"}}, [("type", ("kerberos", "key"))]),
        ({"mobile": {"passcodeRefreshDuration": {"duration": 30, "timeUnit": "MINUTES"}}},
         [("enum", ("mobile", "passcodeRefreshDuration", "timeUnit"))]),
        ({"mobile": {"integrityDetection": {"mode": True}}}, [("enum", ("mobile", "integrityDetection", "mode"))]),
        ({"mobile": {"integrityDetection": {"excludedPlatforms": ["ANDROID"]}}},
         [("enum", ("mobile", "integrityDetection", "excludedPlatforms", 0))]),
    ],
)
def test_nested_settings_mistakes(changes, expected):
    assert sorted((kind, pointer) for kind, pointer, _ in problems(**changes)) == expected


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"passcodeRefreshDuration": {"duration": 30, "timeUnit": "SECONDS"}},
         'unknown property "passcodeRefreshDuration"; it is a setting of mobile: move it there'),
        ({"behavior": "ALLOW_NO_ORIGINS"}, 'unknown property "behavior"; it is a setting of corsSettings: move it there'),
        ({"mode": "ENABLED"}, 'unknown property "mode"; it is a setting of mobile.integrityDetection: move it there'),
        ({"oidcScopes": []}, 'unknown property "oidcScopes"; it is a setting of each entry of attributeMappings: move it there'),
        ({"mobile": {"integrityDetection": {"googlePlay": {}, "verificationType": "GOOGLE"}}},
         'unknown property "verificationType"; it is a setting of googlePlay: move it there'),
        ({"redirectUri": []}, 'unknown property "redirectUri"; did you mean "redirectUris"?'),
    ],
)
def test_a_misplaced_property_says_where_it_belongs(changes, message):
    assert [m for kind, _, m in problems(**changes) if kind == "unknown-key"] == [message]


def test_a_property_of_two_nested_objects_names_both():
    [(_, _, message)] = problems(priority=1)
    assert message == ('unknown property "priority"; it is a setting of each entry of signOnPolicyAssignments'
                       " or each entry of flowPolicyAssignments: move it there")


def test_no_message_of_the_model_holds_a_json_pointer():
    found = problems(corsSettings={"behaviour": "ALLOW_NO_ORIGINS"}, mobile={"bundleID": "x"},
                     attributeMappings=[{"name": "a", "value": "b", "requried": True}])
    assert found and not any("/" in message for _, _, message in found)
