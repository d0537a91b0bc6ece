"""The API's `_embedded` sub-collections are checked as the fields exports use, and every finding
points where the value is written."""

from __future__ import annotations

import json

from p1lint.documents.embedded import embedded_view
from tests.support import lint

WEB = {
    "name": "Portal", "enabled": True, "protocol": "OPENID_CONNECT", "type": "WEB_APP",
    "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"], "pkceEnforcement": "S256_REQUIRED",
    "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC", "redirectUris": ["https://portal.example.com/cb"],
    "corsSettings": {"behavior": "ALLOW_NO_ORIGINS"},
}
SUB = {"name": "sub", "value": "${user.id}", "required": True}
BROKEN = {"name": "email", "value": "${user.email"}


def findings(tmp_path, application, rule=None):
    path = tmp_path / "app.json"
    path.write_text(json.dumps(application, indent=2))
    result = lint(path)
    assert result.errors == []
    return [(f.rule, f.path) for f in result.findings if rule is None or f.rule == rule]


def test_embedded_attributes_are_checked_where_they_are_written(tmp_path):
    application = {**WEB, "_embedded": {"attributes": [SUB, BROKEN]}}
    assert findings(tmp_path, application, "P1L801") == [("P1L801", "/_embedded/attributes/1/value")]


def test_embedded_entries_follow_the_ones_already_in_the_field(tmp_path):
    application = {**WEB, "attributeMappings": [SUB, BROKEN], "_embedded": {"attributes": [BROKEN]}}
    assert findings(tmp_path, application, "P1L801") == [
        ("P1L801", "/attributeMappings/1/value"), ("P1L801", "/_embedded/attributes/0/value"),
    ]


def test_a_finding_on_the_whole_collection_points_at_the_embedded_list(tmp_path):
    application = {**WEB, "_embedded": {"flowPolicyAssignments": [
        {"priority": 1, "flowPolicy": {"id": "a"}}, {"priority": 2, "flowPolicy": {"id": "b"}}]}}
    assert findings(tmp_path, application, "P1L741") == [("P1L741", "/_embedded/flowPolicyAssignments")]


def test_model_problems_of_embedded_entries_point_into_them(tmp_path):
    application = {**WEB, "_embedded": {"roleAssignments": [{"role": {"id": "r"}, "scope": {"id": "s"}}]}}
    assert findings(tmp_path, application, "P1L004") == [("P1L004", "/_embedded/roleAssignments/0/scope/type")]


def test_repeated_keys_inside_embedded_entries_are_found(tmp_path):
    path = tmp_path / "app.json"
    text = json.dumps({**WEB, "_embedded": {"attributes": [SUB]}})
    path.write_text(text.replace('"name": "sub",', '"name": "sub", "name": "sub",'))
    assert [(f.rule, f.path) for f in lint(path).findings if f.rule == "P1L005"] == [
        ("P1L005", "/_embedded/attributes/0/name")]


def test_the_application_itself_is_not_changed():
    application = {**WEB, "_embedded": {"attributes": [SUB], "other": []}}
    view = embedded_view(application)
    assert view.data["attributeMappings"] == [SUB] and view.data["_embedded"] == {"other": []}
    assert application["_embedded"] == {"attributes": [SUB], "other": []} and "attributeMappings" not in application


def test_pointers_map_both_ways():
    view = embedded_view({"attributeMappings": [SUB], "_embedded": {"attributes": [BROKEN]}})
    assert view.original(("attributeMappings", 1, "value")) == ("_embedded", "attributes", 0, "value")
    assert view.original(("attributeMappings", 0, "value")) == ("attributeMappings", 0, "value")
    assert view.viewed(("_embedded", "attributes", 0, "value")) == ("attributeMappings", 1, "value")
    assert view.original(("name",)) == ("name",)


def test_a_field_of_the_wrong_type_keeps_the_embedded_list_apart():
    view = embedded_view({"attributeMappings": "none", "_embedded": {"attributes": [SUB]}})
    assert view.data["attributeMappings"] == "none" and view.moved == {}
