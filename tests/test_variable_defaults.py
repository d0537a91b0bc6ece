"""A Terraform variable's literal default stands in for `var.NAME` where the module reads it, and
a finding on such a value says that it judged the default."""

from __future__ import annotations

import json

import pytest

from p1lint.terraform.defaults import NO_VALUE, default_value, resolve_defaults, variable_defaults
from p1lint.terraform.values import Unknown
from tests.support import lint

DEFAULTS = {"uris": ["https://a.example/cb", "https://b.example/cb"], "host": "app.example.com",
            "port": 8443, "on": True, "ratio": 2.0, "settings": {"mode": "strict"}}


def _unknown(text):
    return Unknown(text, ())


@pytest.mark.parametrize(("expression", "value", "variables"), [
    ("var.uris", DEFAULTS["uris"], ["var.uris"]),
    ("${var.uris}", DEFAULTS["uris"], ["var.uris"]),
    ("var.uris[1]", "https://b.example/cb", ["var.uris"]),
    ('var.settings["mode"]', "strict", ["var.settings"]),
    ("var.settings.mode", "strict", ["var.settings"]),
    ("https://${var.host}:${var.port}/cb", "https://app.example.com:8443/cb", ["var.host", "var.port"]),
    ('"https://${ var.host }/cb"', "https://app.example.com/cb", ["var.host"]),
    ("${var.on}-${var.ratio}", "true-2", ["var.on", "var.ratio"]),
])
def test_an_expression_of_variables_with_defaults_has_their_value(expression, value, variables):
    assert default_value(_unknown(expression), DEFAULTS) == (value, variables)


@pytest.mark.parametrize("expression", [
    "var.missing", "var.uris[5]", "var.settings.other", "local.uris", "upper(var.host)",
    "https://${var.host}/${local.path}", "%{ if var.on }x%{ endif }", "https://$${var.host}",
    "${var.uris}/cb",  # a list in a template
])
def test_anything_else_stays_unknown(expression):
    assert default_value(_unknown(expression), DEFAULTS)[0] is NO_VALUE


def test_only_literal_defaults_of_variables_not_declared_sensitive_are_used():
    structures = [{"variable": {"a": {"default": "x"}, "b": [{"default": ["y"]}], "c": {"type": "string"},
                                "secret": {"default": "hunter2", "sensitive": True},
                                "d": {"default": _unknown("local.d")}}},
                  {"variable": {"a": {"default": "other file, first wins"}}}]
    assert variable_defaults(structures) == {"a": "x", "b": ["y"]}


def test_resolving_replaces_the_values_and_notes_where():
    structure = {"variable": {"uris": {"default": ["https://a.example"]}},
                 "resource": {"t": {"n": {"uris": _unknown("${var.uris}"), "other": _unknown("local.x")}}}}
    resolved = resolve_defaults(structure, {"uris": ["https://a.example"]})
    assert resolved.data["resource"]["t"]["n"] == {"uris": ["https://a.example"], "other": _unknown("local.x")}
    assert resolved.notes == {("resource", "t", "n", "uris"): "var.uris"}
    assert structure["resource"]["t"]["n"]["uris"] == _unknown("${var.uris}")  # not changed


def test_a_finding_on_a_default_says_so_and_points_at_the_expression(tmp_path):
    module = {
        "variable": {"uris": {"default": ["https://portal.example.com/cb#old"]}},
        "resource": {"pingone_application": {"portal": {
            "environment_id": "${var.environment_id}", "name": "Portal", "enabled": True,
            "oidc_options": {"type": "WEB_APP", "grant_types": ["AUTHORIZATION_CODE"], "response_types": ["CODE"],
                             "token_endpoint_auth_method": "CLIENT_SECRET_BASIC", "redirect_uris": "${var.uris}"}}}},
    }
    text = json.dumps(module, indent=2)
    (tmp_path / "main.tf.json").write_text(text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if '"redirect_uris"' in row)
    found = [f for f in lint(tmp_path).findings if f.rule == "P1L102"]
    assert [(f.path, f.line) for f in found] == [
        ("/resource/pingone_application/portal/oidc_options/redirect_uris/0", line)]
    assert "var.uris" in found[0].message
