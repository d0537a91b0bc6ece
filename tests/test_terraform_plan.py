"""Terraform plan JSON read into the Terraform structure: one block per instance that will exist,
with the planned values, unknown and sensitive values as `Unknown`, ids resolved to the planned
object's address, what the configuration does not write left out, and every value located where
the plan writes it."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from p1lint.documents.sources import read_source
from p1lint.findings import InputError
from p1lint.terraform.values import Unknown
from p1lint.tfplan.addresses import MISSING_KEY, Step, key_text, module_path, traversal
from p1lint.tfplan.document import PlanDocument
from p1lint.tfplan.reader import read_plan
from tests.support import FIXTURES

PLAN = FIXTURES / "terraform" / "plan" / "release.json"
APPS = ("resource", "pingone_application")
ENV = "3e8c1a52-7b4d-4f6e-9a21-5d0c8b7e6f43"


def read(path: Any = PLAN) -> PlanDocument:
    document = read_source(str(path))
    assert not isinstance(document, InputError)
    plan = read_plan(document)
    assert isinstance(plan, PlanDocument)
    return plan


def read_data(data: dict[str, Any], tmp_path: Any) -> PlanDocument | InputError:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, indent=2))
    document = read_source(str(path))
    assert not isinstance(document, InputError)
    return read_plan(document)


def plan_text_at(plan: PlanDocument, pointer: tuple[Any, ...]) -> str:
    span = plan.span(pointer)
    lines = plan.text.splitlines()
    assert span.line == span.end_line
    return lines[span.line - 1][span.column - 1 : span.end_column - 1]


@pytest.fixture(scope="module")
def release() -> PlanDocument:
    return read()


def test_every_instance_that_will_exist_is_a_block(release):
    names = {section: {kind: sorted(blocks) for kind, blocks in types.items()}
             for section, types in release.data.items()}
    assert names["resource"]["pingone_application"] == [
        "directory_sync", "field_service", 'module.partner_apps["crm"].this', "portal", "storefront"]
    assert names["data"] == {"pingone_resource_scope": ["openid", "profile"], "pingone_role": ["identity_data_admin"]}
    assert "intranet" not in release.data["resource"]["pingone_application"]  # deleted


def test_unchanged_instances_come_before_changed_ones(release):
    order = list(release.data["resource"]["pingone_application"])
    assert order.index("storefront") < order.index('module.partner_apps["crm"].this')


def test_what_the_configuration_does_not_write_is_left_out(release):
    portal = release.data["resource"]["pingone_application"]["portal"]
    assert set(portal) == {"description", "enabled", "environment_id", "name", "oidc_options"}
    assert "pkce_enforcement" not in portal["oidc_options"]  # the provider's default
    assert "client_id" not in portal["oidc_options"]  # computed, known after apply
    assert portal["oidc_options"]["redirect_uris"] == [
        "http://portal.acme.example/callback", "https://portal.acme.example/callback"]


def test_nested_values_of_an_expression_with_references_are_kept(release):
    """`oidc_options = { ... var.x ... }`: the plan does not say which members are written; what
    is unknown in it though all it refers to is known when planning is the provider's."""
    options = release.data["resource"]["pingone_application"]["field_service"]["oidc_options"]
    assert options["pkce_enforcement"] == "S256_REQUIRED"
    assert options["par_requirement"] == "OPTIONAL"
    assert "signing" not in options and "client_id" not in options


def test_unknown_members_of_an_expression_on_other_resources_are_kept(tmp_path):
    after = {"name": "Portal", "oidc_options": {"type": "WEB_APP", "signing": None}}
    app = change("pingone_application.portal", ["create"], after)
    app["change"]["after_unknown"] = {"oidc_options": {"home_page_url": True}}
    expressions = {"oidc_options": {"references": ["pingone_custom_domain.acme.domain_name",
                                                   "pingone_custom_domain.acme"]}}
    configuration = {"root_module": {"resources": [
        {"address": "pingone_application.portal", "mode": "managed", "type": "pingone_application",
         "name": "portal", "expressions": expressions}]}}
    plan = read_data(minimal_plan(resource_changes=[app], configuration=configuration), tmp_path)
    assert isinstance(plan, PlanDocument)
    assert plan.data["resource"]["pingone_application"]["portal"] == {"oidc_options": {
        "type": "WEB_APP",
        "home_page_url": Unknown("(known after apply)", ("pingone_custom_domain.acme.domain_name",))}}


def test_sensitive_values_are_never_read(release):
    google_play = release.data["resource"]["pingone_application"]["field_service"]["oidc_options"][
        "mobile_app"]["integrity_detection"]["google_play"]
    assert google_play["decryption_key"] == Unknown("(sensitive value)", (
        "var.google_play_decryption_key", "var.google_play_verification_key"))
    assert google_play["verification_type"] == "INTERNAL"
    secret = release.data["resource"]["pingone_application_secret"]["directory_sync"]
    assert "secret" not in secret  # computed by PingOne, not written
    assert "c2VjcmV0" not in repr(release.data) and "p1plan~" not in repr(release.data)


def test_ids_known_after_apply_are_the_address_of_the_object_referred_to(release):
    grants = release.data["resource"]["pingone_application_resource_grant"]
    assert grants["portal_openid"]["application_id"] == "pingone_application.portal"
    assert grants["portal_orders"]["custom_resource_id"] == "pingone_resource.orders_api"
    scope = release.data["resource"]["pingone_resource_scope"]["orders_read"]
    assert scope["resource_id"] == "pingone_resource.orders_api"


def test_known_ids_are_the_address_of_the_object_with_that_id(release):
    grants = release.data["resource"]["pingone_application_resource_grant"]
    assert grants["portal_openid"]["scopes"] == ["data.pingone_resource_scope.openid",
                                                 "data.pingone_resource_scope.profile"]
    assignment = release.data["resource"]["pingone_application_role_assignment"][
        "directory_sync_identity_data_admin"]
    assert assignment["role_id"] == "data.pingone_role.identity_data_admin"
    # the worker and its secret share the id: the expression says which one is meant
    assert assignment["application_id"] == "pingone_application.directory_sync"
    assert assignment["environment_id"] == ENV  # no planned object has it


def test_a_set_with_values_known_after_apply_is_unknown(release):
    grant = release.data["resource"]["pingone_application_resource_grant"]["portal_orders"]
    assert grant["scopes"] == Unknown("(known after apply)", ("pingone_resource_scope.orders_read.id",))


def test_changes_are_the_instances_created_or_updated(release):
    changed = {name for section, kind, name in release.changes if kind == "pingone_application"}
    assert changed == {"directory_sync", "field_service", 'module.partner_apps["crm"].this', "portal"}
    assert release.changed((*APPS, "portal", "oidc_options", "redirect_uris", 0))
    assert not release.changed((*APPS, "storefront", "oidc_options"))
    assert not release.changed(("resource",))


def test_a_finding_names_the_instance_it_is_in(release):
    assert release.subject((*APPS, 'module.partner_apps["crm"].this', "name")) == (
        'module.partner_apps["crm"].pingone_application.this')
    assert release.subject((*APPS, "portal")) == "pingone_application.portal"
    assert release.subject(("resource", "pingone_application")) is None


@pytest.mark.parametrize(
    ("pointer", "written"),
    [
        ((*APPS, "portal", "oidc_options", "redirect_uris", 0), '"http://portal.acme.example/callback"'),
        ((*APPS, "portal", "name"), '"Customer Portal"'),
        (("resource", "pingone_application_resource_grant", "portal_openid", "scopes", 1),
         '"2c0f5d8b-7e3a-4f9c-b6d4-1a8e0f2c4b6d"'),
        (("data", "pingone_role", "identity_data_admin", "name"), '"Identity Data Admin"'),
    ],
)
def test_values_are_located_where_the_plan_writes_them(release, pointer, written):
    assert plan_text_at(release, pointer) == written


def test_values_are_located_in_the_change_of_their_instance(release):
    lines = release.text.splitlines()
    line = release.span((*APPS, "portal", "oidc_options", "type")).line
    before = "\n".join(lines[:line])
    entry = before[before.rindex('"address": '):]
    assert entry.startswith('"address": "pingone_application.portal"')
    assert '"after": {' in entry and '"planned_values"' not in entry


def test_an_unknown_value_is_located_at_its_object(release):
    unknown = release.span(("resource", "pingone_application_resource_grant", "portal_orders", "scopes"))
    after = release.span(("resource", "pingone_application_resource_grant", "portal_orders"))
    assert unknown == after


def test_a_value_in_a_string_is_located_in_the_plan(release):
    pointer = (*APPS, "portal", "oidc_options", "redirect_uris", 0)
    whole = release.span(pointer)
    assert release.span_in_string(pointer, 7)[:2] == (whole.line, whole.column + 8)


def test_a_compact_plan_reads_the_same(tmp_path):
    compact = tmp_path / "plan.json"
    compact.write_text(json.dumps(json.loads(PLAN.read_text()), separators=(",", ":")))
    plan = read(compact)
    assert plan.data == read().data
    assert plan.span((*APPS, "portal", "name")).line == 1


def minimal_plan(**changes: Any) -> dict[str, Any]:
    return {"format_version": "1.2", "terraform_version": "1.9.8", "resource_changes": [], **changes}


def change(address: str, actions: list[str], after: Any, **entry: Any) -> dict[str, Any]:
    kind, name = address.rsplit(".", 2)[-2:]
    return {"address": address, "mode": "managed", "type": kind, "name": name.split("[")[0],
            "provider_name": "registry.terraform.io/pingidentity/pingone",
            "change": {"actions": actions, "before": None, "after": after, "after_unknown": {},
                       "before_sensitive": False, "after_sensitive": {}}, **entry}


@pytest.mark.parametrize(
    ("actions", "changed"),
    [(["create"], True), (["update"], True), (["delete", "create"], True), (["create", "delete"], True),
     (["no-op"], False), (["read"], False)],
)
def test_which_actions_are_changes(tmp_path, actions, changed):
    plan = read_data(minimal_plan(resource_changes=[change("pingone_group.staff", actions, {"name": "Staff"})]),
                     tmp_path)
    assert isinstance(plan, PlanDocument)
    assert plan.changed(("resource", "pingone_group", "staff")) is changed


def test_deleted_forgotten_and_deposed_objects_are_not_read(tmp_path):
    entries = [change("pingone_group.a", ["delete"], None), change("pingone_group.b", ["forget"], None),
               change("pingone_group.c", ["delete"], {"name": "C"}, deposed="00000001")]
    plan = read_data(minimal_plan(resource_changes=entries), tmp_path)
    assert isinstance(plan, PlanDocument)
    assert plan.data == {}


def test_repeated_instances_and_their_references(tmp_path):
    """`for_each` instances are blocks of their own; `portal[each.key].id` is the instance with the
    same key, `portal["b"].id` that one."""
    apps = [change(f'pingone_application.portal["{k}"]', ["create"], {"name": k}, index=k) for k in "ab"]
    for app in apps:
        app["change"]["after_unknown"] = {"id": True}
    grants = [change(f'pingone_application_resource_grant.g["{k}"]', ["create"], {}, index=k) for k in "ab"]
    for grant in grants:
        grant["change"]["after_unknown"] = {"application_id": True}
    pinned = change("pingone_application_resource_grant.pinned", ["create"], {})
    pinned["change"]["after_unknown"] = {"application_id": True}
    expressions = {"application_id": {"references": ["pingone_application.portal", "each.key"]}}
    pinned_expressions = {"application_id": {"references": [
        'pingone_application.portal["b"].id', 'pingone_application.portal["b"]', "pingone_application.portal"]}}
    configuration = {"root_module": {"resources": [
        {"address": "pingone_application.portal", "mode": "managed", "type": "pingone_application",
         "name": "portal", "expressions": {"name": {"references": ["each.key"]}}},
        {"address": "pingone_application_resource_grant.g", "mode": "managed",
         "type": "pingone_application_resource_grant", "name": "g", "expressions": expressions},
        {"address": "pingone_application_resource_grant.pinned", "mode": "managed",
         "type": "pingone_application_resource_grant", "name": "pinned", "expressions": pinned_expressions},
    ]}}
    plan = read_data(minimal_plan(resource_changes=[*apps, *grants, pinned], configuration=configuration), tmp_path)
    assert isinstance(plan, PlanDocument)
    grant_blocks = plan.data["resource"]["pingone_application_resource_grant"]
    assert grant_blocks['g["a"]']["application_id"] == 'pingone_application.portal["a"]'
    assert grant_blocks['g["b"]']["application_id"] == 'pingone_application.portal["b"]'
    assert grant_blocks["pinned"]["application_id"] == 'pingone_application.portal["b"]'
    assert sorted(plan.data["resource"]["pingone_application"]) == ['portal["a"]', 'portal["b"]']


def test_a_reference_to_another_attribute_is_not_an_id(tmp_path):
    app = change("pingone_application.portal", ["create"], {"name": "p"})
    app["change"]["after_unknown"] = {"id": True}
    grant = change("pingone_application_resource_grant.g", ["create"], {})
    grant["change"]["after_unknown"] = {"application_id": True}
    configuration = {"root_module": {"resources": [
        {"address": "pingone_application_resource_grant.g", "mode": "managed",
         "type": "pingone_application_resource_grant", "name": "g", "expressions": {"application_id": {
             "references": ["pingone_application.portal.oidc_options", "pingone_application.portal"]}}}]}}
    plan = read_data(minimal_plan(resource_changes=[app, grant], configuration=configuration), tmp_path)
    assert isinstance(plan, PlanDocument)
    value = plan.data["resource"]["pingone_application_resource_grant"]["g"]["application_id"]
    assert value == Unknown("(known after apply)", ("pingone_application.portal.oidc_options",))


def test_provider_0x_blocks_are_one_element_lists(tmp_path):
    """Provider 0.x writes nested blocks as lists; an absent block is an empty list."""
    after = {"name": "Portal", "oidc_options": [{"type": "WEB_APP", "grant_types": ["AUTHORIZATION_CODE"],
                                                 "cors_settings": []}], "saml_options": []}
    configuration = {"root_module": {"resources": [
        {"address": "pingone_application.portal", "mode": "managed", "type": "pingone_application",
         "name": "portal", "expressions": {"name": {"constant_value": "Portal"}, "oidc_options": [
             {"type": {"constant_value": "WEB_APP"}, "grant_types": {"constant_value": ["AUTHORIZATION_CODE"]}}]}}]}}
    plan = read_data(minimal_plan(resource_changes=[change("pingone_application.portal", ["create"], after)],
                                  configuration=configuration), tmp_path)
    assert isinstance(plan, PlanDocument)
    assert plan.data["resource"]["pingone_application"]["portal"] == {
        "name": "Portal", "oidc_options": [{"type": "WEB_APP", "grant_types": ["AUTHORIZATION_CODE"]}]}


def test_without_configuration_values_are_kept_but_nulls_and_empty_lists(tmp_path):
    after = {"name": "Portal", "id": "x", "description": None, "saml_options": [], "tags": ["A"]}
    plan = read_data(minimal_plan(resource_changes=[change("pingone_application.portal", ["no-op"], after)]),
                     tmp_path)
    assert isinstance(plan, PlanDocument)
    assert plan.data["resource"]["pingone_application"]["portal"] == {"name": "Portal", "id": "x", "tags": ["A"]}


def test_planned_values_are_read_when_resource_changes_lack_an_instance(tmp_path):
    planned = {"root_module": {"child_modules": [{"address": "module.m", "resources": [
        {"address": "module.m.pingone_group.g", "mode": "managed", "type": "pingone_group", "name": "g",
         "values": {"name": "G", "description": "secret-ish"}, "sensitive_values": {"description": True}}]}]}}
    data = minimal_plan(planned_values=planned)
    del data["resource_changes"]
    plan = read_data(data, tmp_path)
    assert isinstance(plan, PlanDocument)
    assert plan.data["resource"]["pingone_group"]["module.m.g"] == {
        "name": "G", "description": Unknown("(sensitive value)")}
    assert plan_text_at(plan, ("resource", "pingone_group", "module.m.g", "name")) == '"G"'


@pytest.mark.parametrize("version", ["2.0", "", None, 3])
def test_an_unsupported_format_version_is_an_input_error(tmp_path, version):
    found = read_data(minimal_plan(format_version=version), tmp_path)
    assert isinstance(found, InputError)
    assert "format_version" in found.message and found.line == 2


def mangled(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The plan with each of its members, and each member of its first resource change, replaced
    by values of the wrong type."""
    variants = []
    for key in plan:
        for wrong in (None, 1, "x", [], {}, [1], {"a": 1}):
            variants.append({**copy.deepcopy(plan), key: wrong})
    for key in plan["resource_changes"][0]:
        for wrong in (None, 1, "x", [], {}, True):
            variant = copy.deepcopy(plan)
            variant["resource_changes"][0][key] = wrong
            variants.append(variant)
    for key in plan["resource_changes"][0]["change"]:
        for wrong in (None, 1, "x", [], {"a": [1]}, True, [True, {"x": 1}]):
            variant = copy.deepcopy(plan)
            variant["resource_changes"][0]["change"][key] = wrong
            variants.append(variant)
    return variants


def test_a_mangled_plan_is_read_without_an_exception(tmp_path):
    plan = json.loads(PLAN.read_text())
    plan["resource_changes"].sort(key=lambda entry: entry["address"] != "pingone_application.portal")
    for variant in mangled(plan):
        found = read_data(variant, tmp_path)
        if isinstance(found, PlanDocument):
            found.span((*APPS, "portal", "oidc_options", "redirect_uris", 0))


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        ("var.domain", [Step("var"), Step("domain")]),
        ('module.apps["crm"].pingone_application.web[0].id',
         [Step("module"), Step("apps", "crm"), Step("pingone_application"), Step("web", 0), Step("id")]),
        ('a["x.y\\"]"]', [Step("a", 'x.y"]')]),
        ("data.pingone_role.admin", [Step("data"), Step("pingone_role"), Step("admin")]),
    ],
)
def test_traversals(text, steps):
    assert traversal(text) == steps


@pytest.mark.parametrize("text", ["", ".", "a.", "a..b", "a[", 'a["x]', "a[x]", "a[-1]", "a b", "a[0]b",
                                  "a(1)", '["x"]'])
def test_text_that_is_no_traversal(text):
    assert traversal(text) is None


@pytest.mark.parametrize(
    ("address", "calls"),
    [("", ()), ("module.a", ("a",)), ('module.a["x"].module.b[0]', ("a", "b")), ("module", None),
     ("pingone_application.x", None), ("module.a.b", None)],
)
def test_module_paths(address, calls):
    assert module_path(address) == calls


@pytest.mark.parametrize(("key", "text"), [(0, "[0]"), ("crm", '["crm"]'), ('a"b', '["a\\"b"]'),
                                           (None, ""), (MISSING_KEY, ""), (True, "")])
def test_key_text(key, text):
    assert key_text(key) == text


def test_references_are_resolved_in_the_module_instance_of_the_referring_resource(tmp_path):
    """`pingone_application.this.id` in `module.apps["a"]` is that module instance's application."""
    entries = []
    for key in "ab":
        module = f'module.apps["{key}"]'
        app = change(f"{module}.pingone_application.this", ["create"], {"name": key}, module_address=module)
        app["change"]["after_unknown"] = {"id": True}
        grant = change(f"{module}.pingone_application_resource_grant.openid", ["create"],
                       {"resource_type": "OPENID_CONNECT"}, module_address=module)
        grant["change"]["after_unknown"] = {"application_id": True}
        entries += [app, grant]
    root_app = change("pingone_application.this", ["create"], {"name": "root"})
    root_app["change"]["after_unknown"] = {"id": True}
    module_resources = [
        {"address": "pingone_application.this", "mode": "managed", "type": "pingone_application", "name": "this",
         "expressions": {"name": {"references": ["var.name"]}}},
        {"address": "pingone_application_resource_grant.openid", "mode": "managed",
         "type": "pingone_application_resource_grant", "name": "openid", "expressions": {
             "resource_type": {"constant_value": "OPENID_CONNECT"},
             "application_id": {"references": ["pingone_application.this.id", "pingone_application.this"]}}}]
    configuration = {"root_module": {
        "resources": [{"address": "pingone_application.this", "mode": "managed", "type": "pingone_application",
                       "name": "this", "expressions": {"name": {"constant_value": "root"}}}],
        "module_calls": {"apps": {"source": "./app", "module": {"resources": module_resources}}}}}
    plan = read_data(minimal_plan(resource_changes=[*entries, root_app], configuration=configuration), tmp_path)
    assert isinstance(plan, PlanDocument)
    grants = plan.data["resource"]["pingone_application_resource_grant"]
    assert grants['module.apps["a"].openid']["application_id"] == 'pingone_application.module.apps["a"].this'
    assert grants['module.apps["b"].openid']["application_id"] == 'pingone_application.module.apps["b"].this'
    assert plan.data["resource"]["pingone_application"]['module.apps["a"].this'] == {"name": "a"}
