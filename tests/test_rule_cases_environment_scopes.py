"""Rules that read an application's scopes, attribute mappings, groups and client id against its
environment snapshot (resources and scopes, the user schema, groups, the other applications):
which snapshots each rule reports, and where (JSON Pointer below the application; for rules over
the whole environment, below the snapshot)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from p1lint.pointer import format_pointer
from tests.support import lint, rule_by_name, run_rule

RESOURCES = [
    {"id": "oidc", "name": "openid", "type": "OPENID_CONNECT",
     "scopes": [{"id": "s-openid", "name": "openid"}, {"id": "s-profile", "name": "profile"},
                {"id": "s-offline", "name": "offline_access"}]},
    {"id": "orders", "name": "Orders API", "type": "CUSTOM", "scopes": [{"id": "s-read", "name": "orders:read"}]},
    {"id": "bare", "name": "Listed without its scopes", "type": "CUSTOM"},
]
WEB = {"id": "app-1", "name": "Portal", "protocol": "OPENID_CONNECT", "type": "WEB_APP",
       "grantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN"], "responseTypes": ["CODE"],
       "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC"}
DEVICE = {**WEB, "type": "NATIVE_APP", "grantTypes": ["DEVICE_CODE"], "responseTypes": [],
          "tokenEndpointAuthMethod": "NONE"}
WORKER = {**WEB, "type": "WORKER", "grantTypes": ["CLIENT_CREDENTIALS"], "responseTypes": []}
SPA = {**WEB, "type": "SINGLE_PAGE_APP", "grantTypes": ["IMPLICIT"], "responseTypes": ["ID_TOKEN"],
       "tokenEndpointAuthMethod": "NONE"}


def app(base: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**base, **fields}


def grant(resource: str, *scopes: str) -> dict[str, Any]:
    return {"id": f"grant-{resource}", "resource": {"id": resource}, "scopes": [{"id": s} for s in scopes]}


def snapshot(*applications: dict[str, Any], **collections: Any) -> dict[str, Any]:
    """A snapshot with the resources above (unless given) and the applications."""
    return {"resources": RESOURCES, **collections, "applications": list(applications)}


def mapping(value: str, **fields: Any) -> dict[str, Any]:
    return {"name": "claim", "value": value, "required": False, **fields}


SCHEMA = {"attributes": [
    {"name": "email", "type": "STRING", "enabled": True},
    {"name": "nickname", "type": "STRING", "enabled": False},
    {"name": "name", "type": "COMPLEX", "enabled": True,
     "subAttributes": [{"name": "given", "enabled": True}, {"name": "middle", "enabled": False}]},
    {"name": "employeeNumber", "type": "STRING", "schemaType": "CUSTOM", "enabled": True},
    {"name": "badgeNumber", "type": "STRING", "schemaType": "CUSTOM", "enabled": False},
    {"name": "preferences", "type": "JSON", "schemaType": "CUSTOM", "enabled": True},
]}
OPENID_PROFILE = grant("oidc", "s-openid", "s-profile")
WITH_OFFLINE = grant("oidc", "s-openid", "s-profile", "s-offline")

CASES = [
    # P1L207: REFRESH_TOKEN without offline_access, from the grants resolved by the environment
    # reported at the scopes of the grant where offline_access belongs (the OpenID Connect resource's)
    ("refresh-token-without-offline-access", snapshot(app(WEB, grants=[grant("orders", "s-read"), OPENID_PROFILE])),
     ["/grants/1/scopes"]),
    ("refresh-token-without-offline-access", snapshot(app(WEB, grants=[grant("orders", "s-read")])), ["/grants"]),
    ("refresh-token-without-offline-access", snapshot(app(WEB, grants=[grant("orders", "s-read"), WITH_OFFLINE])), []),
    ("refresh-token-without-offline-access", snapshot(app(WEB, grants=[])), ["/grants"]),
    # an unresolved scope id could be offline_access: not judged
    ("refresh-token-without-offline-access", snapshot(app(WEB, grants=[grant("oidc", "s-openid", "s-gone")])), []),
    # an export's `scopes` list is what is judged when there is one, environment or not
    ("refresh-token-without-offline-access", snapshot(app(WEB, scopes=["openid"], grants=[WITH_OFFLINE])), ["/scopes"]),
    ("refresh-token-without-offline-access", app(WEB, scopes=["openid"]), ["/scopes"]),
    # without the environment's scopes, grants say nothing: a single file lints as before
    ("refresh-token-without-offline-access", app(WEB, grants=[OPENID_PROFILE]), []),
    ("refresh-token-without-offline-access", {"groups": [], "applications": [app(WEB, grants=[OPENID_PROFILE])]}, []),
    ("refresh-token-without-offline-access", snapshot(app(WEB, grantTypes=["AUTHORIZATION_CODE"], grants=[OPENID_PROFILE])), []),
    # P1L208: device flow, offline_access granted, no REFRESH_TOKEN: reported at the grant's scope
    ("offline-access-without-refresh-token", snapshot(app(DEVICE, grants=[WITH_OFFLINE])), ["/grants/0/scopes/2/id"]),
    ("offline-access-without-refresh-token", snapshot(app(DEVICE, grants=[OPENID_PROFILE])), []),
    ("offline-access-without-refresh-token", snapshot(app(DEVICE, grantTypes=["DEVICE_CODE", "REFRESH_TOKEN"], grants=[WITH_OFFLINE])), []),
    # P1L721: offline_access granted where no refresh token can result
    ("offline-access-without-code-flow", snapshot(app(WORKER, grants=[grant("orders", "s-read"), grant("oidc", "s-offline")])), ["/grants/1/scopes/0/id"]),
    ("offline-access-without-code-flow", snapshot(app(WEB, grants=[WITH_OFFLINE])), []),
    ("offline-access-without-code-flow", app(WORKER, grants=[grant("oidc", "s-offline")]), []),
    # P1L206: ID_TOKEN response without openid granted
    ("id-token-response-without-openid-scope", snapshot(app(SPA, grants=[grant("oidc", "s-profile")])),
     ["/grants/0/scopes"]),
    ("id-token-response-without-openid-scope", snapshot(app(SPA, grants=[OPENID_PROFILE])), []),
    # P1L722: grants to resources the environment does not have
    ("grant-resource-unknown", snapshot(app(WEB, grants=[WITH_OFFLINE, grant("gone", "s-read")])), ["/grants/1/resource/id"]),
    ("grant-resource-unknown", snapshot(app(WEB, grants=[WITH_OFFLINE, grant("bare")])), []),
    ("grant-resource-unknown", {"scopes": [], "applications": [app(WEB, grants=[grant("gone")])]}, []),
    # P1L723: scopes of another resource, or unknown ones where the resource's scopes are listed
    ("grant-scope-unknown", snapshot(app(WEB, grants=[grant("oidc", "s-openid", "s-read")])), ["/grants/0/scopes/1/id"]),
    ("grant-scope-unknown", snapshot(app(WEB, grants=[grant("oidc", "s-openid", "s-gone")])), ["/grants/0/scopes/1/id"]),
    ("grant-scope-unknown", snapshot(app(WEB, grants=[grant("bare", "s-gone")])), []),
    ("grant-scope-unknown", snapshot(app(WEB, grants=[grant("gone", "s-read")])), []),  # P1L722's
    ("grant-scope-unknown", snapshot(app(WEB, grants=[WITH_OFFLINE, grant("orders", "s-read")])), []),
    # a `scopes` collection that names each scope's resource, without `resources`
    ("grant-scope-unknown", {"scopes": [{"id": "s1", "name": "a", "resource": {"id": "r1"}}],
                             "applications": [app(WEB, grants=[grant("r1", "s1", "s2"), grant("r2", "s1")])]},
     ["/grants/0/scopes/1/id", "/grants/1/scopes/0/id"]),
    # P1L815: oidcScopes naming a scope that is not granted
    ("mapping-scope-not-granted", snapshot(app(WEB, grants=[OPENID_PROFILE], attributeMappings=[
        mapping("${user.email}", oidcScopes=["s-profile", "s-offline"])])), ["/attributeMappings/0/oidcScopes/1"]),
    ("mapping-scope-not-granted", snapshot(app(WEB, grants=[OPENID_PROFILE], attributeMappings=[
        mapping("${user.email}", oidcScopes=["s-gone"])])), ["/attributeMappings/0/oidcScopes/0"]),
    ("mapping-scope-not-granted", snapshot(app(WEB, grants=[OPENID_PROFILE], attributeMappings=[
        mapping("${user.email}", oidcScopes=["s-profile"])])), []),
    # by name, for an export that lists `scopes`: an id the environment does not resolve is not judged
    ("mapping-scope-not-granted", snapshot(app(WEB, scopes=["openid", "profile"], attributeMappings=[
        mapping("${user.email}", oidcScopes=["s-offline", "s-profile", "s-gone"])])), ["/attributeMappings/0/oidcScopes/0"]),
    ("mapping-scope-not-granted", snapshot(app(WEB, attributeMappings=[mapping("${user.email}", oidcScopes=["s-gone"])])), []),
    # P1L816: a disabled attribute or sub-attribute of the user schema
    ("expression-disabled-attribute", snapshot(app(WEB, attributeMappings=[
        mapping("${user.email}"), mapping("${user.badgeNumber}"), mapping("${user.nickname}")]), schema=SCHEMA),
     ["/attributeMappings/1/value", "/attributeMappings/2/value"]),
    ("expression-disabled-attribute", snapshot(app(WEB, attributeMappings=[
        mapping("${user.name.given + ' ' + user.name.middle}")]), schema=SCHEMA), ["/attributeMappings/0/value"]),
    ("expression-disabled-attribute", snapshot(app(WEB, attributeMappings=[mapping("${user.badgeNumber}")])), []),
    # P1L806 knows the schema's own attributes; a disabled one is P1L816's, not an unknown one
    ("expression-unknown-attribute", snapshot(app(WEB, attributeMappings=[
        mapping("${user.employeeNumber}"), mapping("${user.preferences.theme}"), mapping("${user.badgeNumber}"),
        mapping("${user.costCenter}")]), schema=SCHEMA), ["/attributeMappings/3/value"]),
    ("expression-unknown-attribute", app(WEB, attributeMappings=[mapping("${user.employeeNumber}")]),
     ["/attributeMappings/0/value"]),
    # P1L739: groups of the group membership policy
    ("group-policy-unknown-group", snapshot(app(WEB, accessControl={"group": {"type": "ANY_GROUP", "groups": [
        {"id": "g-staff"}, {"id": "g-gone"}]}}), groups=[{"id": "g-staff", "name": "Staff"}]),
     ["/accessControl/group/groups/1/id"]),
    ("group-policy-unknown-group", snapshot(app(WEB, accessControl={"group": {"type": "ANY_GROUP", "groups": [
        {"id": "g-gone"}]}})), []),
]

IDS = [f"{name}-{index}" for index, (name, _, _) in enumerate(CASES)]


@pytest.mark.parametrize(("name", "data", "pointers"), CASES, ids=IDS)
def test_rule_reports_at(name, data, pointers):
    hits = run_rule(rule_by_name(name), data)
    assert [format_pointer(hit.pointer) for hit in hits] == pointers


def oidc(identifier: str, **fields: Any) -> dict[str, Any]:
    return {"id": identifier, "name": identifier, "protocol": "OPENID_CONNECT", "type": "WEB_APP", **fields}


CLIENT_ID_CASES = [
    ([oidc("a"), oidc("b", clientId="a")], ["/applications/1/clientId"]),
    ([oidc("a", clientId="legacy-01"), oidc("b", clientId="legacy-01"), oidc("c", clientId="legacy-01")],
     ["/applications/1/clientId", "/applications/2/clientId"]),
    ([oidc("a"), oidc("a")], ["/applications/1/id"]),
    # no protocol counts as OpenID Connect; other protocols have no client id
    ([oidc("a"), {"id": "a", "name": "x", "type": "WEB_APP"}], ["/applications/1/id"]),
    ([oidc("a"), {**oidc("a"), "protocol": "SAML"}], []),
    ([oidc("a", clientId="c"), oidc("c", clientId="d")], []),
    ([oidc("a", environment={"id": "e1"}), oidc("a", environment={"id": "e2"})], []),
    ([oidc("a", clientId=""), oidc("b", clientId="a")], ["/applications/1/clientId"]),
]


@pytest.mark.parametrize(("applications", "pointers"), CLIENT_ID_CASES)
def test_client_ids_are_unique_per_environment(applications, pointers):
    hits = run_rule(rule_by_name("client-id-unique"), {"applications": applications})
    assert [format_pointer(hit.pointer) for hit in hits] == pointers


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, indent=2))
    return path


ENVIRONMENT_RULES = {"P1L722", "P1L723", "P1L739", "P1L815", "P1L816"}


def test_a_single_application_file_is_not_judged_against_an_environment(tmp_path):
    application = app(WEB, grants=[grant("gone", "s-gone")], attributeMappings=[
        mapping("${user.badgeNumber}", oidcScopes=["s-gone"])],
        accessControl={"group": {"type": "ANY_GROUP", "groups": [{"id": "g-gone"}]}})
    result = lint(_write(tmp_path / "app.json", application))
    assert {f.rule for f in result.findings} & (ENVIRONMENT_RULES | {"P1L207"}) == set()
    assert result.not_checked == {}


def test_a_snapshot_reports_in_the_file_at_the_place_of_each_value(tmp_path):
    data = snapshot(app(WEB, grants=[grant("gone", "s-read"), grant("oidc", "s-openid", "s-read")],
                        attributeMappings=[mapping("${user.badgeNumber}", oidcScopes=["s-offline"])],
                        accessControl={"group": {"type": "ANY_GROUP", "groups": [{"id": "g-gone"}]}}),
                    schema=SCHEMA, groups=[])
    result = lint(_write(tmp_path / "snapshot.json", data))
    found = {(f.rule, f.path) for f in result.findings if f.rule in ENVIRONMENT_RULES | {"P1L207"}}
    assert found == {
        ("P1L207", "/applications/0/grants/1/scopes"),
        ("P1L722", "/applications/0/grants/0/resource/id"),
        ("P1L723", "/applications/0/grants/1/scopes/1/id"),
        ("P1L739", "/applications/0/accessControl/group/groups/0/id"),
        ("P1L815", "/applications/0/attributeMappings/0/oidcScopes/0"),
        ("P1L816", "/applications/0/attributeMappings/0/value"),
    }


def test_a_snapshot_without_the_context_names_the_rules_it_could_not_run(tmp_path):
    result = lint(_write(tmp_path / "snapshot.json", {"roles": [], "applications": [app(WEB)]}))
    assert {rule: result.not_checked[rule] for rule in ENVIRONMENT_RULES} == {
        "P1L722": "resources", "P1L723": "scopes", "P1L739": "groups", "P1L815": "scopes",
        "P1L816": "userSchema"}


ODD_GRANTS = [None, "grant", {"resource": ["oidc"], "scopes": "s-openid"}, {"resource": {"id": {"x": 1}}},
              {"resource": {"id": "oidc"}, "scopes": [None, {"id": ["s-openid"]}, {"id": 7}, "s-profile"]}]
ODD_RESOURCES = [{"id": ["x"], "scopes": []}, {"id": "oidc", "name": ["openid"], "scopes": [
    {"id": "s-openid", "name": "openid"}, {"id": "s-offline", "name": {"n": 1}}]}]
ODD = snapshot(app(WEB, grants=ODD_GRANTS, scopes=None, attributeMappings=[
    mapping("${user.nickname}", oidcScopes=[None, ["s"], "s-openid"]), "mapping", None],
    accessControl={"group": {"groups": [None, {"id": ["g"]}, "g"]}}),
    app(SPA, grants=ODD_GRANTS), app(WORKER, grants="all"),
    resources=ODD_RESOURCES, groups=[{"id": ["g"]}], schema={"attributes": [None, {"name": 3}, {"name": "nickname",
    "enabled": False, "subAttributes": [None, {"name": 1, "enabled": False}]}]})
NAMES = ["refresh-token-without-offline-access", "offline-access-without-refresh-token",
         "offline-access-without-code-flow", "id-token-response-without-openid-scope", "grant-resource-unknown",
         "grant-scope-unknown", "mapping-scope-not-granted", "expression-disabled-attribute",
         "expression-unknown-attribute", "group-policy-unknown-group", "client-id-unique"]


@pytest.mark.parametrize("name", NAMES)
def test_odd_shapes_give_findings_or_nothing_never_an_error(name):
    run_rule(rule_by_name(name), ODD)  # run_rule asserts that no rule raised
    run_rule(rule_by_name(name), {**ODD, "applications": [app(WEB, grants=ODD_GRANTS)]})


ACME = [  # the seeded problems of fixtures/environments/acme/EXPECTED.md these rules report
    ("P1L207", "/applications/11/grants/0/scopes"),  # S1
    ("P1L721", "/applications/9/grants/1/scopes/0/id"),  # S2
    ("P1L815", "/applications/10/attributeMappings/3/oidcScopes/0"),  # S3
    ("P1L722", "/applications/13/grants/1/resource/id"),  # S4
    ("P1L723", "/applications/21/grants/1/scopes/1/id"),  # S5
    ("P1L806", "/applications/12/attributeMappings/2/value"),  # S6
    ("P1L816", "/applications/12/attributeMappings/3/value"),  # S7
    ("P1L708", "/applications/16/clientId"),  # U2
    ("P1L739", "/applications/12/accessControl/group/groups/1/id"),  # G1
]
OURS = {"P1L206", "P1L207", "P1L208", "P1L721", "P1L806", *ENVIRONMENT_RULES, "P1L708"}


def test_the_acme_snapshot_reports_each_seeded_problem_once_where_the_manifest_says():
    from tests.support import FIXTURES, lint_fixture

    path = FIXTURES / "environments" / "acme" / "snapshot.yaml"
    findings = lint_fixture(path).findings
    assert sorted((f.rule, f.path) for f in findings if f.rule in OURS) == sorted(ACME)
    # the snapshot's user schema declares its custom attributes: no --custom-attribute needed
    assert [(f.rule, f.path) for f in lint(path).findings if f.rule in {"P1L806", "P1L816"}] == [ACME[5], ACME[6]]


def test_the_clean_snapshot_stays_silent():
    from tests.support import FIXTURES, lint

    assert [f for f in lint(FIXTURES / "environments" / "clean").findings if f.rule in OURS] == []
