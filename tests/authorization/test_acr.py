"""acr_values: parameters found in a URL, values split into items, and the kinds of problem found
against an application's assigned policies (kinds and offsets, never the English)."""

from __future__ import annotations

import pytest

from p1lint.authorization.acr import (
    KINDS,
    AssignedPolicies,
    acr_parameters,
    assigned_policies,
    check_acr_values,
    check_url,
    did_you_mean,
    parse_acr_values,
)
from p1lint.environment.inventory import Entry, Environment

FLOW = "d1210a6b0b2665dbaa5b652221badba2"
OTHER_FLOW = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e"
SIGN_ON = AssignedPolicies(
    sign_on=("Single_Factor", "Multi_Factor", "Step Up MFA"),
    flow=(),
    environment_sign_on=frozenset({"Single_Factor", "Multi_Factor", "Step Up MFA", "Passwordless"}),
    environment_flow=frozenset({FLOW}),
)
DAVINCI = AssignedPolicies(sign_on=(), flow=(FLOW,), environment_flow=frozenset({FLOW, OTHER_FLOW}))
UNKNOWN = AssignedPolicies()


@pytest.mark.parametrize(
    ("raw", "values", "commas", "empty"),
    [
        ("Single_Factor", [("Single_Factor", 0)], [], []),
        ("Single_Factor%20Multi_Factor", [("Single_Factor", 0), ("Multi_Factor", 16)], [], []),
        ("Single_Factor+Multi_Factor", [("Single_Factor", 0), ("Multi_Factor", 14)], [], []),
        ("Single_Factor Multi_Factor", [("Single_Factor", 0), ("Multi_Factor", 14)], [], []),
        ("a%2cb", [("a", 0), ("b", 4)], [1], []),
        ("a,b", [("a", 0), ("b", 2)], [1], []),
        ("a, b", [("a", 0), ("b", 3)], [1], []),
        ("a%20%20b", [("a", 0), ("b", 7)], [], [4]),
        ("%20a", [("a", 3)], [], [0]),
        ("a+", [("a", 0)], [], [1]),
        ("", [], [], [0]),
        ("Single%5FFactor", [("Single_Factor", 0)], [], []),
        ("urn%3Aacme%3Astrong", [("urn:acme:strong", 0)], [], []),
    ],
)
def test_parse_splits_at_spaces_and_commas(raw, values, commas, empty):
    parsed = parse_acr_values(raw)
    assert [(item.value, item.offset) for item in parsed.items] == values
    assert (list(parsed.commas), list(parsed.empty)) == (commas, empty)


def test_parse_offsets_start_where_the_value_does_and_decoded_text_keeps_plus():
    assert [i.offset for i in parse_acr_values("a b", 10).items] == [10, 12]
    assert [i.value for i in parse_acr_values("a+b%20", encoded=False).items] == ["a+b%20"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://auth.example.com/as/authorize?acr_values=Single_Factor", [("Single_Factor", 38, 49)]),
        ("https://a/?x=1&acr_values=a&acr_values=b", [("a", 15, 26), ("b", 28, 39)]),
        ("https://a/?acr%5Fvalues=a", [("a", 11, 24)]),
        ("https://a/#?acr_values=a", []),
        ("https://a/?x=1#acr_values=a", []),
        ("https://a/acr_values=a", []),
        ("https://a/?acr_values", []),
        ("https://a/?acr_values_x=a", []),
    ],
)
def test_parameters_of_the_query_only(url, expected):
    assert [(p.raw, p.name_offset, p.value_offset) for p in acr_parameters(url)] == expected


def kinds(raw, policies):
    return [(p.kind, p.offset) for p in check_acr_values(parse_acr_values(raw), policies)]


@pytest.mark.parametrize(
    ("raw", "policies", "expected"),
    [
        ("Single_Factor", SIGN_ON, []),
        ("Single_Factor%20Multi_Factor", SIGN_ON, []),
        ("Multi_Factor+Single_Factor", SIGN_ON, []),
        ("Single_Factor,Multi_Factor", SIGN_ON, [("comma", 13)]),
        ("Single_Factor%20%20Multi_Factor", SIGN_ON, [("empty", 16)]),
        ("Single_Factor%20", SIGN_ON, [("empty", 13)]),
        ("Single_Factor Single_Factor", SIGN_ON, [("duplicate", 14)]),
        ("Multi_Factr", SIGN_ON, [("unassigned-policy", 0)]),
        ("Passwordless", SIGN_ON, [("unassigned-policy", 0)]),
        ("Single_Factor Nope", SIGN_ON, [("unassigned-policy", 14)]),
        ("multi_factor", SIGN_ON, [("case-differs", 0)]),
        ("Step%20Up%20MFA", SIGN_ON, [("split-name", 0)]),
        ("Single_Factor+Step+Up+MFA", SIGN_ON, [("split-name", 14)]),
        (FLOW, SIGN_ON, [("unassigned-flow-policy", 0)]),
        (FLOW, DAVINCI, []),
        (OTHER_FLOW, DAVINCI, [("unassigned-flow-policy", 0)]),
        ("ffffffffffffffffffffffffffffffff", DAVINCI, [("unassigned-flow-policy", 0)]),
        (f"{FLOW}%20{OTHER_FLOW}", DAVINCI, [("flow-policy-not-alone", 35), ("unassigned-flow-policy", 35)]),
        (f"{FLOW} Single_Factor", DAVINCI, [("flow-policy-not-alone", 33), ("unassigned-policy", 33)]),
        ("Single_Factor", DAVINCI, [("unassigned-policy", 0)]),
        # what the input does not say is not guessed
        ("Anything", UNKNOWN, []),
        (FLOW, UNKNOWN, []),
        ("a,a", UNKNOWN, [("comma", 1), ("duplicate", 2)]),
    ],
)
def test_check_reports_each_kind_at_its_item(raw, policies, expected):
    assert kinds(raw, policies) == expected


def test_every_kind_is_listed():
    assert len(set(KINDS)) == len(KINDS)


def test_did_you_mean_ignores_case_and_needs_a_close_name():
    assert did_you_mean("multi_factr", ("Single_Factor", "Multi_Factor")) == "Multi_Factor"
    assert did_you_mean("Passwordless", ("Single_Factor", "Multi_Factor")) is None


def test_unassigned_detail_suggests_the_closest_assigned_name():
    (problem,) = check_acr_values(parse_acr_values("Multi_Factr"), SIGN_ON)
    assert "'Multi_Factor'" in problem.detail


def _environment(sign_on=(), flow=()):
    from p1lint.documents.location import Location

    origin = Location(None, ())  # type: ignore[arg-type]
    lists = {"signOnPolicies": [Entry(p, origin) for p in sign_on], "flowPolicies": [Entry(p, origin) for p in flow]}
    return Environment("test", origin, lists=lists)


POLICIES = [{"id": "p1", "name": "Single_Factor"}, {"id": "p2", "name": "Multi_Factor"}]


@pytest.mark.parametrize(
    ("application", "environment", "sign_on", "flow"),
    [
        ({}, None, None, None),
        ({"signOnPolicyAssignments": []}, None, (), None),
        ({"signOnPolicyAssignments": [{"priority": 1, "signOnPolicy": {"id": "p1"}}]}, None, None, ()),
        (
            {"signOnPolicyAssignments": [{"priority": 2, "signOnPolicy": {"id": "p1"}},
                                         {"priority": 1, "signOnPolicy": {"id": "p2"}},
                                         {"priority": 3, "signOnPolicy": {"id": "gone"}}]},
            "env", ("Multi_Factor", "Single_Factor"), (),
        ),
        ({"flowPolicyAssignments": [{"priority": 1, "flowPolicy": {"id": FLOW}}]}, None, (), (FLOW,)),
        ({"flowPolicyAssignments": "junk", "signOnPolicyAssignments": [None, {"signOnPolicy": 3}]}, "env", (), None),
        ("not an application", "env", None, None),
    ],
)
def test_assigned_policies_say_only_what_the_input_says(application, environment, sign_on, flow):
    env = _environment(POLICIES) if environment else None
    found = assigned_policies(application, env)
    assert (found.sign_on, found.flow) == (sign_on, flow)


def test_check_url_offsets_point_into_the_url():
    url = "https://a/?acr_values=Single_Factor,Multi_Factr&acr_values="
    app = {"signOnPolicyAssignments": [{"priority": 1, "signOnPolicy": {"id": "p1"}},
                                       {"priority": 2, "signOnPolicy": {"id": "p2"}}]}
    found = [(p.kind, p.offset) for p in check_url(url, app, _environment(POLICIES))]
    assert found == [("repeated-parameter", 48), ("comma", 35), ("unassigned-policy", 36), ("empty", 48)]
    assert url[35] == "," and url[36:47] == "Multi_Factr"


@pytest.mark.parametrize("url", [None, 3, "", "https://a/", "https://a/?acr=1", "https://a/?acr_values=Single_Factor"])
def test_check_url_is_quiet_without_problems(url):
    assert check_url(url, {}, None) == []
