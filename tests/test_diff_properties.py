"""`diff X X` reports nothing: over generated applications, and over the fixtures and examples
copied to another place (identities do not depend on where the files are)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from p1lint.commands.check import select_rules
from p1lint.diff.run import Reading, diff_sides
from p1lint.diff.sides import path_side
from p1lint.run_settings import RunSettings
from tests.support import FIXTURES, ROOT

RULES = select_rules((), "recommended", [], [])
URIS = st.sampled_from(["https://app.example.com/cb", "http://app.example.com/cb", "https://*.example.com/x",
                        "com.example.app:/cb", "https://user:pw@evil.example/cb", "", "/relative"])
ENUM = {
    "pkceEnforcement": ["OPTIONAL", "REQUIRED", "S256_REQUIRED", "weird"],
    "parRequirement": ["OPTIONAL", "REQUIRED"],
    "tokenEndpointAuthMethod": ["NONE", "CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST", "CLIENT_SECRET_JWT",
                                "PRIVATE_KEY_JWT"],
    "type": ["WEB_APP", "NATIVE_APP", "SINGLE_PAGE_APP", "WORKER"],
}
ASSIGNMENT = st.fixed_dictionaries({
    "role": st.fixed_dictionaries({"id": st.sampled_from(["r1", "r2"])}),
    "scope": st.fixed_dictionaries({"id": st.sampled_from(["s1", "s2"]),
                                    "type": st.sampled_from(["ENVIRONMENT", "POPULATION", "ORGANIZATION"])}),
})
POLICY = st.fixed_dictionaries({"priority": st.integers(1, 3),
                                "signOnPolicy": st.fixed_dictionaries({"id": st.sampled_from(["p1", "p2"])})})
APPLICATION = st.fixed_dictionaries(
    {"name": st.text(min_size=1, max_size=12), "protocol": st.just("OPENID_CONNECT"),
     "type": st.sampled_from(ENUM["type"])},
    optional={
        "id": st.uuids().map(str),
        "enabled": st.booleans(),
        "grantTypes": st.lists(st.sampled_from(["AUTHORIZATION_CODE", "IMPLICIT", "REFRESH_TOKEN"]), max_size=3),
        "responseTypes": st.lists(st.sampled_from(["CODE", "TOKEN", "ID_TOKEN"]), max_size=3),
        "redirectUris": st.lists(URIS, max_size=4),
        "postLogoutRedirectUris": st.lists(URIS, max_size=2),
        "corsSettings": st.fixed_dictionaries(
            {"behavior": st.sampled_from(["ALLOW_NO_ORIGINS", "ALLOW_SPECIFIC_ORIGINS"])},
            optional={"origins": st.lists(st.sampled_from(["https://a.example", "b.example:8443"]), max_size=2)}),
        "refreshTokenDuration": st.integers(60, 10**8) | st.just(True),
        "jwks": st.sampled_from(['{"keys": []}', "not json"]),
        "secret": st.fixed_dictionaries({"secret": st.text(max_size=10)}),
        "accessControl": st.fixed_dictionaries({}, optional={
            "role": st.just({"type": "ADMIN_USERS_ONLY"}),
            "group": st.fixed_dictionaries({"type": st.sampled_from(["ANY_GROUP", "ALL_GROUPS"])})}),
        "roleAssignments": st.lists(ASSIGNMENT, max_size=3),
        "signOnPolicyAssignments": st.lists(POLICY, max_size=3),
        **{field: st.sampled_from(values) for field, values in ENUM.items() if field != "type"},
    },
)


def assert_no_difference(first: Path, second: Path) -> None:
    result = diff_sides(path_side(str(first)), path_side(str(second)), Reading(RULES, RunSettings(), 10**8))
    assert (result.changes, result.introduced, result.fixed) == ([], [], [])


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(APPLICATION, min_size=1, max_size=3))
def test_generated_applications_against_themselves_show_nothing(applications):
    with tempfile.TemporaryDirectory() as directory:
        first, second = Path(directory, "first.json"), Path(directory, "other", "second.json")
        second.parent.mkdir()
        first.write_text(json.dumps({"_embedded": {"applications": applications}}))
        second.write_text(json.dumps({"_embedded": {"applications": applications}}, indent=1))
        assert_no_difference(first, second)


REAL = sorted({*FIXTURES.glob("environments/*"), *FIXTURES.glob("good/*"), *FIXTURES.glob("bad/*.json"),
               *FIXTURES.glob("terraform/*/*"), *(ROOT / "examples" / "pingone").glob("*.json"),
               FIXTURES / "diff" / "review" / "new"})


@pytest.mark.parametrize("path", REAL, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_fixture_against_a_copy_of_itself_shows_nothing(path, tmp_path):
    copy = tmp_path / "copy" / path.name
    if path.is_dir():
        shutil.copytree(path, copy)
    else:
        copy.parent.mkdir()
        shutil.copy(path, copy)
    assert_no_difference(path, copy)
