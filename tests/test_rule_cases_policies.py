"""Policy assignments and acr_values: which values each rule reports, at which JSON Pointer and at
which character of the URL (the column of the offending acr_values item)."""

from __future__ import annotations

import json

import pytest

from tests.support import lint

SINGLE, MULTI, STEP, OTHER = ("3f8a1c52-6b7d-4e90-a1b2-c3d4e5f60718", "4a9b2d63-7c8e-4fa1-b2c3-d4e5f6071829",
                              "5bac3e74-8d9f-40b2-83d4-e5f607182a3b", "6cbd4f85-9ea0-41c3-94e5-f607182a3b4c")
FLOW, FLOW2 = "9e1f0a2b3c4d5e6f7a8b9c0d1e2f3a4b", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
APP_ID = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
POLICIES = [{"id": SINGLE, "name": "Single_Factor"}, {"id": MULTI, "name": "Multi_Factor"},
            {"id": STEP, "name": "Step Up MFA"}, {"id": OTHER, "name": "Passwordless"}]
FLOWS = [{"id": FLOW, "name": "Checkout"}, {"id": FLOW2, "name": "Registration"}]
AUTHORIZE = f"https://auth.pingone.com/env/as/authorize?client_id={APP_ID}&acr_values="
RULES = ("P1L744", "P1L745", "P1L746", "P1L747", "P1L748", "P1L749", "P1L753", "P1L754", "P1L755")


def sign_on(*ids):
    return [{"priority": n, "signOnPolicy": {"id": i}} for n, i in enumerate(ids, 1)]


def flow(*ids):
    return [{"priority": n, "flowPolicy": {"id": i}} for n, i in enumerate(ids, 1)]


def app(**fields):
    return {"id": APP_ID, "name": "Portal", "protocol": "OPENID_CONNECT", "type": "WEB_APP", **fields}


def snapshot(applications, **collections):
    return {"signOnPolicies": POLICIES, "flowPolicies": FLOWS, "applications": applications, **collections}


def findings(tmp_path, data, rules=RULES[:-1], input_errors=False):
    """(rule, pointer, column) of the policy rules' findings (the policy named with spaces aside);
    the file is one line of JSON, so the column is the character of the document."""
    path = tmp_path / "snapshot.json"
    text = json.dumps(data)
    path.write_text(text)
    result = lint(path)
    assert [e for e in result.errors if input_errors and "internal error" not in e.message] == result.errors
    return text, sorted((f.rule, f.path, f.column) for f in result.findings if f.rule in rules)


def column_of(text, needle, occurrence=1):
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return index + 1


URL_CASES = [
    # (acr_values of initiateLoginUri, assignments, [(rule, text the column points at)])
    ("Single_Factor%20Multi_Factor", {"signOnPolicyAssignments": sign_on(SINGLE, MULTI)}, []),
    ("Multi_Factor+Single_Factor", {"signOnPolicyAssignments": sign_on(SINGLE, MULTI)}, []),
    ("Single_Factor,Multi_Factor", {"signOnPolicyAssignments": sign_on(SINGLE, MULTI)},
     [("P1L746", ",Multi")]),
    ("Single_Factor%20%20Multi_Factor", {"signOnPolicyAssignments": sign_on(SINGLE, MULTI)},
     [("P1L746", "%20Multi")]),
    ("Multi_Factr", {"signOnPolicyAssignments": sign_on(SINGLE, MULTI)}, [("P1L747", "Multi_Factr")]),
    ("Passwordless", {"signOnPolicyAssignments": sign_on(SINGLE)}, [("P1L747", "Passwordless")]),
    ("multi_factor", {"signOnPolicyAssignments": sign_on(MULTI)}, [("P1L748", "multi_factor")]),
    ("Step%20Up%20MFA", {"signOnPolicyAssignments": sign_on(STEP)}, [("P1L747", "Step%20Up")]),
    (FLOW, {"flowPolicyAssignments": flow(FLOW)}, []),
    (FLOW2, {"flowPolicyAssignments": flow(FLOW)}, [("P1L747", FLOW2)]),
    (f"{FLOW}%20Single_Factor", {"flowPolicyAssignments": flow(FLOW)},
     [("P1L746", "Single_Factor"), ("P1L747", "Single_Factor")]),
    ("Single_Factor", {"flowPolicyAssignments": flow(FLOW)}, [("P1L747", "Single_Factor")]),
    # nothing assigned is written: names are not judged, the format still is
    ("Anything", {}, []),
    ("a,b", {}, [("P1L746", ",b")]),
]


@pytest.mark.parametrize(("acr", "assignments", "expected"), URL_CASES)
def test_application_url_acr_values(tmp_path, acr, assignments, expected):
    url = f"https://portal.example.com/login?x=1&acr_values={acr}"
    text, found = findings(tmp_path, snapshot([app(initiateLoginUri=url, **assignments)]))
    start = text.index(url)
    assert found == sorted((rule, "/applications/0/initiateLoginUri", text.index(at, start) + 1)
                           for rule, at in expected)


@pytest.mark.parametrize("field", ["loginPageUrl", "initiateLoginUri", "targetLinkUri", "homePageUrl"])
def test_every_application_url_is_read(tmp_path, field):
    url = "https://portal.example.com/?acr_values=Single_Factor,Multi_Factor"
    _, found = findings(tmp_path, snapshot([app(**{field: url}, signOnPolicyAssignments=sign_on(SINGLE, MULTI))]))
    assert [(rule, path) for rule, path, _ in found] == [("P1L746", f"/applications/0/{field}")]


def test_redirect_uris_are_not_read(tmp_path):
    url = "https://portal.example.com/cb?acr_values=Single_Factor,Multi_Factor"
    _, found = findings(tmp_path, snapshot([app(redirectUris=[url], signOnPolicyAssignments=sign_on(SINGLE))]))
    assert found == []


REQUEST_CASES = [
    ({"application": {"id": APP_ID}}, "Single_Factor", {"signOnPolicyAssignments": sign_on(SINGLE)}, []),
    ({"application": {"id": APP_ID}}, "Multi_Factor", {"signOnPolicyAssignments": sign_on(SINGLE)},
     [("P1L753", "Multi_Factor")]),
    ({}, "Multi_Factor", {"signOnPolicyAssignments": sign_on(SINGLE)}, [("P1L753", "Multi_Factor")]),
    ({"application": {"name": "Portal"}}, "MULTI_FACTOR", {"signOnPolicyAssignments": sign_on(MULTI)},
     [("P1L754", "MULTI_FACTOR")]),
    ({"application": {"id": APP_ID}}, "Single_Factor+Single_Factor", {"signOnPolicyAssignments": sign_on(SINGLE)},
     [("P1L749", "Single_Factor", 2)]),
    # acr_values twice is P1L913's; the last one is judged, like every repeated parameter
    ({"application": {"id": APP_ID}}, f"{FLOW2}&acr_values={FLOW}", {"flowPolicyAssignments": flow(FLOW)}, []),
    ({"application": {"id": APP_ID}}, f"{FLOW}&acr_values={FLOW2}", {"flowPolicyAssignments": flow(FLOW)},
     [("P1L753", FLOW2)]),
    # no application has the client_id: only the format is checked
    ({"url": AUTHORIZE.replace(APP_ID, "nobody") + "Nope,Nope2"}, "",
     {"signOnPolicyAssignments": sign_on(SINGLE)}, [("P1L749", ",Nope2")]),
]


@pytest.mark.parametrize(("named", "acr", "assignments", "expected"), REQUEST_CASES)
def test_authorization_request_acr_values(tmp_path, named, acr, assignments, expected):
    request = {"url": AUTHORIZE + acr, **named}
    url = request["url"]
    text, found = findings(tmp_path, snapshot([app(**assignments)], authorizationRequests=[request]))
    start = text.index(url)
    wanted = [(rule, "/authorizationRequests/0/url", _column(text, start, *at)) for rule, *at in expected]
    assert found == sorted(wanted)


def _column(text, start, needle, occurrence=1):
    index = start - 1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return index + 1


def test_assignments_to_unknown_policies(tmp_path):
    gone, gone_flow = "7dce5096-afb1-42d4-a5f6-07182a3b4c5d", "1f2e3d4c5b6a79881726354453627180"
    applications = [app(signOnPolicyAssignments=sign_on(SINGLE, gone)),
                    app(id="2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60", name="Store", flowPolicyAssignments=flow(FLOW, gone_flow))]
    _, found = findings(tmp_path, snapshot(applications))
    assert [(rule, path) for rule, path, _ in found if rule in ("P1L744", "P1L745")] == [
        ("P1L744", "/applications/0/signOnPolicyAssignments/1/signOnPolicy/id"),
        ("P1L745", "/applications/1/flowPolicyAssignments/1/flowPolicy/id"),
    ]


def test_assignments_are_not_judged_without_the_policies(tmp_path):
    data = {"applications": [app(signOnPolicyAssignments=sign_on("x"), flowPolicyAssignments=flow("y"))]}
    _, found = findings(tmp_path, data)
    assert found == []


@pytest.mark.parametrize(("name", "expected"), [("Step Up MFA", ["/signOnPolicies/0/name"]),
                                                ("Step\tUp", ["/signOnPolicies/0/name"]),
                                                ("Step_Up-MFA.v2", []), ("urn:example:mfa", [])])
def test_policy_names_with_spaces(tmp_path, name, expected):
    data = {"signOnPolicies": [{"id": SINGLE, "name": name}], "applications": []}
    _, found = findings(tmp_path, data, rules=("P1L755",))
    assert [path for _, path, _ in found] == expected


ACME = [  # the policy and acr_values problems seeded in the acme snapshot (its EXPECTED.md, P1-P8)
    ("P1L740", "/applications/13/flowPolicyAssignments"),
    ("P1L741", "/applications/19/flowPolicyAssignments"),
    ("P1L742", "/applications/11/signOnPolicyAssignments/1/priority"),
    ("P1L744", "/applications/21/signOnPolicyAssignments/0/signOnPolicy/id"),
    ("P1L746", "/applications/11/homePageUrl"),
    ("P1L746", "/applications/19/initiateLoginUri"),
    ("P1L747", "/applications/12/initiateLoginUri"),
    ("P1L755", "/signOnPolicies/2/name"),
]


@pytest.mark.parametrize("name", ["acme", "clean"])
def test_environment_fixtures_report_the_seeded_policy_problems_only(name):
    from tests.support import FIXTURES, lint_fixture

    result = lint_fixture(FIXTURES / "environments" / name / "snapshot.yaml")
    found = sorted((f.rule, f.path) for f in result.findings if f.rule in ("P1L740", "P1L741", "P1L742", "P1L743", *RULES))
    assert found == (ACME if name == "acme" else [])


@pytest.mark.parametrize("request_", [
    "not a request", None, {"url": 3}, {"url": None}, {"application": "x", "url": AUTHORIZE + "a,b"},
    {"application": {"id": 3, "name": ["x"]}, "url": AUTHORIZE + "a,b"},
    {"url": "https://[broken/as/authorize?client_id=x&acr_values=a,b"},
])
def test_odd_authorization_requests_never_crash(tmp_path, request_):
    data = snapshot([app(signOnPolicyAssignments=[None, {"signOnPolicy": None}, {"priority": "1", "signOnPolicy": {"id": 5}}])],
                    authorizationRequests=[request_])
    findings(tmp_path, data, input_errors=True)  # an internal error would fail


def test_a_request_naming_an_application_the_snapshot_lacks_is_an_input_error(tmp_path):
    request = {"application": {"id": "nobody"}, "url": AUTHORIZE + "Nope"}
    data = snapshot([app(signOnPolicyAssignments=sign_on(SINGLE))], authorizationRequests=[request])
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(data))
    result = lint(path)
    assert [e.column for e in result.errors] == [json.dumps(data).index('{"id": "nobody"}') + 1]
    assert [f for f in result.findings if f.rule in RULES[:-1]] == []
