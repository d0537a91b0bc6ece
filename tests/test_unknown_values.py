"""Unknown values (what a Terraform configuration does not settle) in the engine: fields and
selectors lead to them, conditions on them are undecided, checks of them are not made, and with
`strict_unknowns` each one is reported once by P1L020, naming the rules."""

from __future__ import annotations

import re

import pytest

from p1lint.documents.fields import MISSING, field_pointer, field_value
from p1lint.functions.base import Context, UnknownInput
from p1lint.rules.conditions import Undecided, compile_condition
from p1lint.rules.selectors import Selector
from p1lint.rules.spec import Condition
from p1lint.run_settings import RunSettings
from p1lint.selection import ActiveRule
from p1lint.terraform.values import Unknown, contains_unknown, unknowns_in
from tests.support import ROOT, catalogue
from tests.unknowns import environment_of, findings_of

URIS = Unknown("var.redirect_uris", ("var.redirect_uris",))
ALL = [ActiveRule(rule, rule.spec.severity) for rule in catalogue()]
STRICT = RunSettings(strict_unknowns=True)

WEB_APP = {
    "name": "Partner portal", "protocol": "OPENID_CONNECT", "type": "WEB_APP", "enabled": True,
    "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"],
    "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC", "pkceEnforcement": "S256_REQUIRED",
    "redirectUris": ["https://partners.example.com/callback"],
}


def _app(**changes):
    return {**WEB_APP, **changes}


def _rules(found):
    return {rule for rule, _ in found}


def _hits(data, settings=None):
    found, errors = findings_of(data, ALL, settings)
    assert errors == []
    return found


# --- values, fields and selectors ---------------------------------------------------------------


def test_unknowns_are_found_below_a_value_in_document_order():
    value = {"a": [1, URIS], "b": {"c": Unknown("local.c")}}
    assert contains_unknown(value) and not contains_unknown({"a": [1, "x"]})
    assert unknowns_in(value) == [(("a", 1), URIS), (("b", "c"), Unknown("local.c"))]


@pytest.mark.parametrize(("expression", "references", "shown"), [
    ("var.redirect_uris", ("var.redirect_uris",), "var.redirect_uris"),
    ('each.value["uris"]', ("each.value",), 'each.value["uris"]'),
    ("${var.redirect_uris}", ("var.redirect_uris",), "var.redirect_uris"),
    ('"${ var.redirect_uris }"', ("var.redirect_uris",), "var.redirect_uris"),
    ('"https://${var.host}/cb"', ("var.host",), "an expression of var.host"),
    ('"s3cr3t-${var.suffix}"', ("var.suffix",), "an expression of var.suffix"),
    ("jsonencode({d = \"private\"})", (), "an expression"),
])
def test_a_message_names_only_a_plain_reference(expression, references, shown):
    assert Unknown(expression, references).shown() == shown


def test_a_field_below_an_unknown_value_is_that_value_not_missing():
    data = {"oidc": URIS, "list": [URIS]}
    assert field_value(data, "oidc.redirectUris") is URIS
    assert field_pointer(data, "oidc.redirectUris") == ("oidc",)
    assert field_value(data, "list.0.x") is URIS and field_pointer(data, "list.0.x") == ("list", 0)
    assert field_value(data, "absent.x") is MISSING


@pytest.mark.parametrize("path", ["$.redirectUris[*]", "$.redirectUris[0]", "$.redirectUris.x"])
def test_a_path_through_an_unknown_value_matches_it(path):
    assert list(Selector(path).find({"redirectUris": URIS})) == [(URIS, ("redirectUris",))]


def test_a_selector_walks_into_known_items_beside_unknown_ones():
    found = list(Selector("$.redirectUris[*]").find({"redirectUris": ["https://a.example", URIS]}))
    assert found == [("https://a.example", ("redirectUris", 0)), (URIS, ("redirectUris", 1))]


# --- conditions ------------------------------------------------------------------------------------


def _condition(**fields):
    return compile_condition(Condition.model_validate(fields).data())


@pytest.mark.parametrize("test", [{"equals": "WEB_APP"}, {"not_equals": "WEB_APP"}, {"in": ["WEB_APP"]},
                                  {"not_in": ["WEB_APP"]}, {"defined": True}, {"truthy": True},
                                  {"contains": "CODE"}, {"loopback_only": True}])
def test_a_condition_on_an_unknown_value_is_undecided(test):
    outcome = _condition(field="type", **test)({"type": URIS})
    assert outcome == Undecided(((("type",), URIS),))


@pytest.mark.parametrize(("test", "expected"), [
    ({"contains": "CODE"}, True), ({"contains": "TOKEN"}, None), ({"not_contains": "CODE"}, False),
    ({"contains_any": ["TOKEN", "CODE"]}, True), ({"contains_none": ["TOKEN"]}, None),
    ({"truthy": True}, True), ({"defined": True}, True), ({"equals": ["CODE"]}, None),
])
def test_known_items_decide_a_list_test_when_they_settle_it(test, expected):
    outcome = _condition(field="responseTypes", **test)({"responseTypes": ["CODE", URIS]})
    assert (None if isinstance(outcome, Undecided) else outcome) == expected


def test_loopback_only_is_decided_by_a_known_remote_uri():
    test = _condition(field="redirectUris", loopback_only=True)
    assert test({"redirectUris": ["https://app.example.com/cb", URIS]}) is False
    assert isinstance(test({"redirectUris": ["http://127.0.0.1/cb", URIS]}), Undecided)


def test_combinators_follow_kleene_logic():
    unknown = {"type": URIS, "protocol": "OPENID_CONNECT"}
    known_false = {"field": "protocol", "equals": "SAML"}
    known_true = {"field": "protocol", "equals": "OPENID_CONNECT"}
    on_type = {"field": "type", "equals": "WORKER"}
    assert _condition(all=[on_type, known_false])(unknown) is False
    assert _condition(any=[on_type, known_true])(unknown) is True
    assert isinstance(_condition(all=[on_type, known_true])(unknown), Undecided)
    assert isinstance(_condition(any=[on_type, known_false])(unknown), Undecided)
    assert isinstance(_condition(**{"not": on_type})(unknown), Undecided)


# --- the engine ----------------------------------------------------------------------------------


def test_an_unknown_value_is_not_judged_and_its_conditions_do_not_apply():
    assert "P1L110" in _rules(_hits(_app(redirectUris=["https://app.example.com"])))  # judged when known
    assert not {"P1L100", "P1L101", "P1L110", "P1L120"} & _rules(_hits(_app(redirectUris=URIS)))
    # P1L300 applies when tokenEndpointAuthMethod is known; an unknown type leaves it undecided
    assert "P1L305" not in _rules(_hits(_app(type=URIS, tokenEndpointAuthMethod="NONE")))


def test_a_function_reading_another_unknown_field_does_not_judge():
    context = Context({"responseTypes": ["CODE", URIS]})
    with pytest.raises(UnknownInput) as raised:
        context.other_field("responseTypes")
    assert raised.value.unknowns == ((("responseTypes", 1), URIS),)
    assert "P1L200" not in _rules(_hits(_app(grantTypes=["AUTHORIZATION_CODE"], responseTypes=[URIS])))


def test_list_checks_judge_the_known_items_where_that_is_sound():
    duplicated = _app(redirectUris=["https://a.example/cb", URIS, "https://a.example/cb"])
    assert ("P1L120", ("redirectUris", 2)) in _hits(duplicated)
    implicit = _app(grantTypes=["IMPLICIT", URIS], responseTypes=["TOKEN"])
    assert ("P1L202", ("grantTypes", 0)) in _hits(implicit)  # mode none: a known forbidden item


def test_an_unknown_type_or_protocol_runs_only_the_rules_for_every_kind():
    for key in ("type", "protocol"):
        found = _rules(_hits(_app(**{key: URIS}, redirectUris=["https://app.example.com"])))
        assert "P1L110" not in found  # an OpenID Connect rule for a web application
    assert "P1L701" in _rules(_hits(_app(protocol=URIS, name=" ")))  # a rule for every protocol


def test_the_application_model_takes_an_unknown_value_for_any_type():
    data = _app(enabled=URIS, corsSettings=URIS, pkceEnforcement=URIS, redirectUris=[URIS])
    assert not {"P1L001", "P1L002", "P1L003", "P1L004"} & _rules(_hits(data))
    assert ("P1L002", ("enabled",)) in _hits(_app(enabled="yes"))


def test_environment_collections_with_unknown_ids_lack_nothing():
    snapshot = {"groups": [{"id": Unknown("pingone_group.staff.id"), "name": "Staff"}],
                "applications": [_app(accessControl={"group": {"type": "ANY_GROUP",
                                                               "groups": [{"id": "1a2b"}]}})]}
    environment = environment_of(snapshot)
    assert not environment.settled("groups") and not environment.lacks("groups", "1a2b")
    assert "P1L739" not in _rules(_hits(snapshot))
    snapshot["groups"][0]["id"] = "9f9f"
    assert "P1L739" in _rules(_hits(snapshot))


# --- what --strict-unknowns reports ------------------------------------------------------------


def _unjudged(data, settings=STRICT):
    """Where each check not made is, and the rules that did not make it."""
    from p1lint.engine import check

    environment = environment_of(data)
    target = environment.applications[0]
    context = Context(target.application, settings, environment=environment)
    list(check(ALL, target.application, context, [], "<data>"))
    found: dict = {}
    for one in context.unjudged:
        found.setdefault(one.pointer, set()).add(one.rule)
    return found


def test_without_strict_unknowns_nothing_is_kept_of_unknown_values():
    assert _unjudged(_app(redirectUris=URIS), RunSettings()) == {}


def test_each_check_not_made_is_kept_at_the_unknown_value():
    found = _unjudged(_app(redirectUris=URIS, tokenEndpointAuthMethod=Unknown("local.method")))
    assert set(found) == {("redirectUris",), ("tokenEndpointAuthMethod",)}
    assert {"P1L100", "P1L101", "P1L120"} <= found[("redirectUris",)]


def test_a_skipped_member_of_a_list_is_kept_at_the_member():
    found = _unjudged(_app(redirectUris=["https://a.example/cb", URIS]))
    assert set(found) == {("redirectUris", 1)} and "P1L100" in found[("redirectUris", 1)]


def test_an_undecided_condition_is_kept_at_its_field():
    assert set(_unjudged(_app(type=URIS))) == {("type",)}


def test_a_function_that_reads_an_unknown_field_is_kept_at_that_field():
    found = _unjudged(_app(grantTypes=["AUTHORIZATION_CODE"], responseTypes=[URIS]))
    assert "P1L200" in found[("responseTypes", 0)]


# --- P1L020 reports them -------------------------------------------------------------------------


def test_without_strict_unknowns_nothing_is_reported_of_unknown_values():
    assert "P1L020" not in _rules(_hits(_app(redirectUris=URIS)))


def test_strict_unknowns_reports_each_unknown_value_once_naming_the_rules():
    found = _hits(_app(redirectUris=URIS, tokenEndpointAuthMethod=Unknown("local.method")), STRICT)
    assert {(rule, pointer) for rule, pointer in found if rule == "P1L020"} == {
        ("P1L020", ("redirectUris",)), ("P1L020", ("tokenEndpointAuthMethod",))}


def _strict_details(data):
    from p1lint.engine import check

    environment = environment_of(data)
    target = environment.applications[0]
    context = Context(target.application, STRICT, environment=environment)
    return {hit.pointer: hit.detail for hit in check(ALL, target.application, context, [], "<data>")
            if hit.active.rule.id == "P1L020"}


def test_the_report_names_the_expression_and_the_rules():
    detail = _strict_details(_app(redirectUris=URIS))[("redirectUris",)]
    assert detail.startswith("var.redirect_uris: not checked by ")
    assert {"P1L100", "P1L101"} <= set(re.findall(r"P1L\d{3}", detail))


def test_the_report_never_quotes_a_template_that_may_hold_a_secret():
    secret = Unknown('"s3cr3t-${var.suffix}"', ("var.suffix",))
    details = _strict_details(_app(redirectUris=[secret]))
    assert details and all("s3cr3t" not in text and "var.suffix" in text for text in details.values())


# --- the rule catalogue keeps to the design --------------------------------------------------------


def test_functions_read_other_fields_through_the_context():
    """`Context.other_field` is the one place that knows another field may be unknown."""
    functions = ROOT / "engine" / "src" / "p1lint" / "functions"
    offenders = [path.name for path in functions.glob("*.py")
                 if "field_value(context.application" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_filter_selectors_compare_only_with_equality():
    """A filter (`[?(...)]`) sees an unknown value as equal to nothing: `==` is false on it, as
    it should be, but `!=` would be true and judge a value nobody knows."""
    filters = [given for rule in catalogue() for given in rule.spec.given if "[?" in given]
    assert filters and not [given for given in filters if re.search(r"!=|<|>|\bnot\b", given)]


def test_strict_unknowns_is_an_option_and_a_setting(tmp_path):
    from click.testing import CliRunner

    from p1lint.cli import cli

    application = tmp_path / "app.json"
    application.write_text('{"name": "x", "protocol": "SAML", "type": "WEB_APP"}')
    (tmp_path / "p1lint.toml").write_text("strict-unknowns = true\n")
    runner = CliRunner()
    for arguments in (["check", "--strict-unknowns", "--no-config", str(application)],
                      ["check", "--config", str(tmp_path / "p1lint.toml"), str(application)]):
        result = runner.invoke(cli, arguments)
        assert result.exit_code in (0, 1), result.output


def _request_hits(application):
    from p1lint.engine import check
    from p1lint.rules.examples import _request_inputs

    url = ("https://auth.pingone.com/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9/as/authorize?client_id=app-1"
           "&redirect_uri=https%3A%2F%2Fportal.example.com%2Fcb&response_type=code&scope=openid"
           "&code_challenge=abc&code_challenge_method=S256")
    snapshot = {"applications": [{"id": "app-1", **application}],
                "authorizationRequests": [{"application": {"id": "app-1"}, "url": url}]}
    rules = [a for a in ALL if a.rule.spec.scope == "request"]
    found = set()
    for data, context in _request_inputs(environment_of(snapshot), RunSettings()):
        found |= {hit.active.rule.id for hit in check(rules, data, context, [], "<data>")}
    return found


@pytest.mark.parametrize(("field", "rule", "known"), [
    ("redirectUris", "P1L901", {"redirectUris": ["https://other.example.com/cb"]}),
    ("responseTypes", "P1L902", {"responseTypes": []}),
    ("grantTypes", "P1L902", {"grantTypes": ["CLIENT_CREDENTIALS"]}),
    ("parRequirement", "P1L906", {"parRequirement": "REQUIRED"}),
])
def test_a_request_is_not_judged_against_an_unknown_field_of_its_application(field, rule, known):
    assert rule in _request_hits(_app(**known))
    assert rule not in _request_hits(_app(**{field: URIS}))


def test_an_environment_named_by_a_variable_has_an_unknown_id():
    from tests.unknowns import environments_of

    module = {"resource": {"pingone_application": {"portal": {
        "environment_id": "${var.environment_id}", "name": "Portal", "oidc_options": {"type": "WEB_APP"}}}}}
    (environment,) = environments_of(module)
    assert environment.object("environment")["id"] == Unknown("${var.environment_id}", ("var.environment_id",))


def _module(oidc_options, **resources):
    application = {"environment_id": "${var.environment_id}", "name": "Portal", "enabled": True,
                   "oidc_options": {"type": "WEB_APP", "grant_types": ["AUTHORIZATION_CODE"],
                                    "response_types": ["CODE"], "token_endpoint_auth_method": "CLIENT_SECRET_BASIC",
                                    "redirect_uris": ["https://portal.example.com/cb"], **oidc_options}}
    return {"resource": {"pingone_application": {"portal": application}, **resources}}


@pytest.mark.parametrize("cors", ["${var.cors}", ["${var.cors}"]])  # an expression, a dynamic block
def test_a_nested_object_terraform_does_not_settle_is_unknown_not_absent(cors):
    assert "P1L505" in _rules(_hits(_module({})))
    assert "P1L505" not in _rules(_hits(_module({"cors_settings": cors})))


def test_a_grant_of_an_unknown_resource_type_names_an_unknown_resource():
    grant = {"portal": {"environment_id": "${var.environment_id}", "application_id": "${pingone_application.portal.id}",
                        "resource_type": "${var.resource_type}", "scopes": ["${var.scope_id}"]}}
    found = _hits(_module({}, pingone_application_resource_grant=grant))
    assert not {rule for rule, pointer in found if "pingone_application_resource_grant" in pointer}
