"""The role checks (P1L729, P1L734-P1L738) on environment snapshots: which role assignments each rule
reports, and where (the JSON Pointer into the snapshot file)."""

from __future__ import annotations

import json

import pytest

from p1lint.engine import lint_paths
from p1lint.selection import ActiveRule
from tests.support import FIXTURES, catalogue, rule_by_name, run_rule

ORG, ENV, OTHER_ENV, POP, OTHER_POP, LOST_POP = "org", "env", "env-2", "pop", "pop-2", "pop-lost"
APP = "app"
ROLES = [
    {"id": "env-admin", "name": "Environment Admin", "applicableTo": ["ORGANIZATION", "ENVIRONMENT"]},
    {"id": "org-admin", "name": "Organization Admin"},
    {"id": "org-admin-loose", "name": "organization-admin"},
    {"id": "ida", "name": "Identity Data Admin"},
    {"id": "ida-open", "name": "Identity Data Admin", "applicableTo": ["ORGANIZATION", "ENVIRONMENT"]},
    {"id": "ida-ro", "name": "Identity Data Read Only"},
    {"id": "cfg-ro", "name": "Configuration Read-Only Admin"},
    {"id": "dv", "name": "davinci admin"},
    {"id": "dv-ro", "name": "DaVinci Read-Only Admin"},
    {"id": "owner", "name": "Application Owner"},
    {"id": "auditors", "name": "Auditors", "type": "CUSTOM", "applicableTo": ["ENVIRONMENT", "POPULATION"],
     "canBeAssignedBy": [{"id": "ida"}]},
    {"id": "helpers", "name": "Helpers", "type": "CUSTOM", "applicableTo": ["ENVIRONMENT"]},
    {"id": "fake-env-admin", "name": "Environment Admin", "type": "CUSTOM", "applicableTo": ["ENVIRONMENT"],
     "canBeAssignedBy": [{"id": "env-admin"}]},
    {"id": "fake-dv", "name": "DaVinci Admin", "type": "CUSTOM", "applicableTo": ["ENVIRONMENT"],
     "canBeAssignedBy": [{"id": "env-admin"}]},
]


def at(role, scope_type, scope_id, **extra):
    return {"role": {"id": role}, "scope": {"id": scope_id, "type": scope_type}, **extra}


def worker(assignments, **fields):
    return {"id": APP, "name": "Sync", "protocol": "OPENID_CONNECT", "type": "WORKER",
            "grantTypes": ["CLIENT_CREDENTIALS"], "roleAssignments": assignments, **fields}


def without(application, key):
    return {k: v for k, v in application.items() if k != key}


def snapshot(application, held=None, roles=ROLES, organization=ORG, **members):
    """An environment with two populations (one in another environment) and one application."""
    environment = {"id": ENV, "name": "Production"}
    if organization is not None:
        environment["organization"] = {"id": organization}
    data = {"environment": environment, "applications": [application],
            "populations": [{"id": POP, "name": "Staff"},
                            {"id": OTHER_POP, "environment": {"id": OTHER_ENV}}], **members}
    if roles is not None:
        data["roles"] = roles
    if held is not None:
        data["actor"] = {"type": "USER", "id": "admin", "roleAssignments": held}
    return data


def pointers(rule_name, data, tmp_path):
    """Where `rule_name` reports in `data`, written as a snapshot file."""
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(data, indent=2))
    rule = rule_by_name(rule_name)
    result = lint_paths([str(path)], [ActiveRule(rule, rule.spec.severity)])
    assert result.errors == []
    return [f.path for f in result.findings]


A0, A1 = "/applications/0/roleAssignments/0", "/applications/0/roleAssignments/1"
R0, R1 = A0 + "/role/id", A1 + "/role/id"  # the actor holds no role that may assign it there
S0 = A0 + "/scope"  # the actor holds one, but only at other scopes
SUBSET = "role-assignable-by-actor"
SUBSET_CASES = [
    ("same role, same scope", worker([at("ida", "ENVIRONMENT", ENV)]), [at("ida", "ENVIRONMENT", ENV)], {}, []),
    ("the organization covers its environment", worker([at("env-admin", "ENVIRONMENT", ENV)]),
     [at("env-admin", "ORGANIZATION", ORG)], {}, []),
    ("another organization does not", worker([at("env-admin", "ENVIRONMENT", ENV)]),
     [at("env-admin", "ORGANIZATION", "org-2")], {}, [S0]),
    ("organization of the environment unknown: not decided", worker([at("env-admin", "ENVIRONMENT", ENV)]),
     [at("env-admin", "ORGANIZATION", "org-2")], {"organization": None}, []),
    ("a narrower scope does not cover a wider one", worker([at("ida", "ENVIRONMENT", ENV)]),
     [at("ida", "POPULATION", POP)], {}, [S0]),
    ("the environment covers its population", worker([at("ida", "POPULATION", POP)]),
     [at("ida", "ENVIRONMENT", ENV)], {}, []),
    ("the organization covers a population of its environment", worker([at("ida", "POPULATION", POP)]),
     [at("ida", "ORGANIZATION", ORG)], {}, []),
    ("a population of another environment", worker([at("ida", "POPULATION", OTHER_POP)]),
     [at("ida", "ENVIRONMENT", ENV)], {}, [S0]),
    ("a population the snapshot does not list: not decided", worker([at("ida", "POPULATION", LOST_POP)]),
     [at("ida", "ENVIRONMENT", ENV)], {}, []),
    ("another environment", worker([at("ida", "ENVIRONMENT", ENV)]), [at("ida", "ENVIRONMENT", OTHER_ENV)], {},
     [S0]),
    ("the environment covers its applications", worker([at("owner", "APPLICATION", APP)]),
     [at("owner", "ENVIRONMENT", ENV)], {}, []),
    ("an application holds nothing over its environment", worker([at("owner", "ENVIRONMENT", ENV)]),
     [at("owner", "APPLICATION", APP)], {}, [S0]),
    ("the read-only variant of a role held", worker([at("ida-ro", "POPULATION", POP)]),
     [at("ida", "ENVIRONMENT", ENV)], {}, []),
    ("a read-only variant matched loosely", worker([at("cfg-ro", "ENVIRONMENT", ENV)]),
     [at("env-admin", "ENVIRONMENT", ENV)], {}, []),
    ("the read-only variant of another role", worker([at("ida-ro", "ENVIRONMENT", ENV)]),
     [at("env-admin", "ENVIRONMENT", ENV)], {}, [R0]),
    ("read-only does not give the full role", worker([at("ida", "ENVIRONMENT", ENV)]),
     [at("ida-ro", "ENVIRONMENT", ENV)], {}, [R0]),
    ("the read-only variant at a narrower scope", worker([at("ida-ro", "ENVIRONMENT", ENV)]),
     [at("ida", "POPULATION", POP)], {}, [S0]),
    ("a custom role its canBeAssignedBy lets one assign", worker([at("auditors", "POPULATION", POP)]),
     [at("ida", "ENVIRONMENT", ENV)], {}, []),
    ("a custom role assignable by a role not held", worker([at("auditors", "ENVIRONMENT", ENV)]),
     [at("env-admin", "ENVIRONMENT", ENV)], {}, [R0]),
    ("a custom role assignable by a role held only more narrowly", worker([at("auditors", "ENVIRONMENT", ENV)]),
     [at("ida", "POPULATION", POP)], {}, [S0]),
    ("a custom role without canBeAssignedBy: not decided", worker([at("helpers", "ENVIRONMENT", ENV)]),
     [at("ida", "ENVIRONMENT", ENV)], {}, []),
    ("a custom role named like a built-in one is not it", worker([at("fake-env-admin", "ENVIRONMENT", ENV)]),
     [at("ida", "ENVIRONMENT", ENV)], {}, [R0]),
    ("a role the snapshot does not describe: not decided", worker([at("mystery", "ENVIRONMENT", ENV)]),
     [at("ida", "ENVIRONMENT", ENV)], {}, []),
    ("a role the snapshot does not describe, nothing held there", worker([at("mystery", "ENVIRONMENT", ENV)]),
     [at("ida", "POPULATION", POP)], {}, [R0]),
    ("only the failing assignment is reported",
     worker([at("ida", "POPULATION", POP), at("env-admin", "ENVIRONMENT", ENV)]),
     [at("ida", "ENVIRONMENT", ENV)], {}, [R1]),
    ("a scope type PingOne rejects for the role is P1L735's alone", worker([at("ida", "ORGANIZATION", ORG)]),
     [at("ida", "POPULATION", POP)], {}, []),
    ("an actor that holds nothing", worker([at("ida", "POPULATION", POP)]), [], {}, [R0]),
    ("malformed assignments are not judged", worker([{"role": "ida"}, at("ida", "POPULATION", 7), "x"]),
     [], {}, []),
    ("API list responses", worker([], _embedded={"roleAssignments": [at("ida", "ENVIRONMENT", ENV)]}),
     {"_embedded": {"roleAssignments": [at("ida", "POPULATION", POP)]}}, {},
     ["/applications/0/_embedded/roleAssignments/0/scope"]),
]


@pytest.mark.parametrize(("application", "held", "members", "expected"), [c[1:] for c in SUBSET_CASES],
                         ids=[c[0] for c in SUBSET_CASES])
def test_role_subset(application, held, members, expected, tmp_path):
    assert pointers(SUBSET, snapshot(application, held, **members), tmp_path) == expected


def test_without_roles_only_what_no_role_could_allow_is_reported(tmp_path):
    held = [at("ida", "ENVIRONMENT", ENV)]
    allowed = worker([at("ida-ro", "ENVIRONMENT", ENV), at("ida", "POPULATION", POP)])
    assert pointers(SUBSET, snapshot(allowed, held, roles=None), tmp_path) == []
    refused = worker([at("ida-ro", "ENVIRONMENT", OTHER_ENV)])
    assert pointers(SUBSET, snapshot(refused, held, roles=None), tmp_path) == [R0]


def test_an_actor_without_role_assignments_is_not_judged(tmp_path):
    data = snapshot(worker([at("ida", "ENVIRONMENT", ENV)]))
    data["actor"] = {"type": "USER", "id": "admin"}
    assert pointers(SUBSET, data, tmp_path) == []


def test_the_message_names_the_role_and_the_scope(tmp_path):
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(snapshot(worker([at("ida", "POPULATION", POP)]), [])))
    rule = rule_by_name(SUBSET)
    [finding] = lint_paths([str(path)], [ActiveRule(rule, "error")]).findings
    assert "Identity Data Admin" in finding.message and "Staff" in finding.message


SCOPE_CASES = [
    ("Organization Admin only at the organization", [at("org-admin", "ENVIRONMENT", ENV)],
     [A0 + "/scope/type"]),
    ("Organization Admin at the organization", [at("org-admin", "ORGANIZATION", ORG)], []),
    ("names match loosely", [at("org-admin-loose", "POPULATION", POP)], [A0 + "/scope/type"]),
    ("the snapshot's applicableTo", [at("env-admin", "POPULATION", POP)], [A0 + "/scope/type"]),
    ("the snapshot's applicableTo wins over the data file", [at("ida-open", "ORGANIZATION", ORG)], []),
    ("Identity Data Admin not at an application", [at("ida", "APPLICATION", APP)], [A0 + "/scope/type"]),
    ("Identity Data Admin at a population", [at("ida", "POPULATION", POP)], []),
    ("Application Owner at an application", [at("owner", "APPLICATION", APP)], []),
    ("Application Owner not at a population", [at("owner", "POPULATION", POP)], [A0 + "/scope/type"]),
    ("a combination no source settles", [at("dv", "POPULATION", POP)], []),
    ("a read-only role of unknown scopes", [at("ida-ro", "ORGANIZATION", ORG)], []),
    ("a custom role's applicableTo", [at("auditors", "ORGANIZATION", ORG)], [A0 + "/scope/type"]),
    ("a role the snapshot does not describe", [at("mystery", "ORGANIZATION", ORG)], []),
    ("a scope type outside the hierarchy", [at("org-admin", "GROUP", "g")], []),
]


@pytest.mark.parametrize(("assignments", "expected"), [c[1:] for c in SCOPE_CASES],
                         ids=[c[0] for c in SCOPE_CASES])
def test_role_scope_combination(assignments, expected, tmp_path):
    assert pointers("role-scope-combination", snapshot(worker(assignments)), tmp_path) == expected


NAMED_CASES = [
    ("davinci-role-on-worker", worker([at("dv", "ENVIRONMENT", ENV)]), [A0 + "/role/id"]),
    ("davinci-role-on-worker", worker([at("ida", "ENVIRONMENT", ENV), at("dv-ro", "ENVIRONMENT", ENV)]),
     [A1 + "/role/id"]),
    ("davinci-role-on-worker", worker([at("fake-dv", "ENVIRONMENT", ENV)]), []),
    ("davinci-role-on-worker", worker([at("dv", "ENVIRONMENT", ENV)], type="WEB_APP"), []),
    ("worker-administrator-role", worker([at("env-admin", "ENVIRONMENT", ENV)]), [A0 + "/role/id"]),
    ("worker-administrator-role", worker([at("ida", "ENVIRONMENT", ENV), at("org-admin", "ORGANIZATION", ORG)]),
     [A1 + "/role/id"]),
    ("worker-administrator-role", worker([at("fake-env-admin", "ENVIRONMENT", ENV)]), []),
    ("worker-administrator-role", worker([at("ida", "ENVIRONMENT", ENV)]), []),
    ("worker-administrator-role", worker([at("env-admin", "ENVIRONMENT", ENV)], type="WEB_APP"), []),
]


@pytest.mark.parametrize(("name", "application", "expected"), NAMED_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(NAMED_CASES)])
def test_roles_named(name, application, expected, tmp_path):
    assert pointers(name, snapshot(application), tmp_path) == expected


REPEATED_CASES = [
    ("the narrower after the wider", [at("ida", "ENVIRONMENT", ENV), at("ida", "POPULATION", POP)], {}, [A1]),
    ("the narrower before the wider", [at("ida", "POPULATION", POP), at("ida", "ENVIRONMENT", ENV)], {}, [A0]),
    ("the same scope twice", [at("ida", "POPULATION", POP), at("ida", "POPULATION", POP)], {}, [A1]),
    ("the organization over its environment", [at("env-admin", "ORGANIZATION", ORG),
                                               at("env-admin", "ENVIRONMENT", ENV)], {}, [A1]),
    ("organization unknown", [at("env-admin", "ORGANIZATION", ORG), at("env-admin", "ENVIRONMENT", ENV)],
     {"organization": None}, []),
    ("a population of another environment", [at("ida", "ENVIRONMENT", ENV), at("ida", "POPULATION", OTHER_POP)],
     {}, []),
    ("a population not listed", [at("ida", "ENVIRONMENT", ENV), at("ida", "POPULATION", LOST_POP)], {}, []),
    ("different roles", [at("ida", "ENVIRONMENT", ENV), at("ida-ro", "POPULATION", POP)], {}, []),
    ("one assignment written twice", [at("ida", "ENVIRONMENT", ENV, id="x"), at("ida", "ENVIRONMENT", ENV, id="x")],
     {}, []),
]


@pytest.mark.parametrize(("assignments", "members", "expected"), [c[1:] for c in REPEATED_CASES],
                         ids=[c[0] for c in REPEATED_CASES])
def test_repeated_role_assignment(assignments, members, expected, tmp_path):
    data = snapshot(worker(assignments), **members)
    assert pointers("repeated-role-assignment", data, tmp_path) == expected


def test_a_repetition_across_the_embedded_list_points_where_it_is_written(tmp_path):
    application = worker([at("ida", "ENVIRONMENT", ENV)],
                         _embedded={"roleAssignments": [at("ida", "POPULATION", POP)]})
    assert pointers("repeated-role-assignment", snapshot(application), tmp_path) == [
        "/applications/0/_embedded/roleAssignments/0"]


def test_repetitions_are_found_in_an_application_file_alone():
    application = worker([at("ida", "POPULATION", POP), at("ida", "POPULATION", POP)])
    hits = run_rule(rule_by_name("repeated-role-assignment"), application)
    assert [hit.pointer for hit in hits] == [("roleAssignments", 1)]


NON_WORKER_CASES = [
    (worker([at("ida", "ENVIRONMENT", ENV), at("ida", "POPULATION", POP)], type="WEB_APP"), [A0, A1]),
    (without(worker([], type="WEB_APP", _embedded={"roleAssignments": [at("ida", "ENVIRONMENT", ENV)]}),
             "roleAssignments"), ["/applications/0/_embedded/roleAssignments/0"]),
    (worker([at("ida", "ENVIRONMENT", ENV)]), []),
    (worker([], type="WEB_APP"), []),
    (without(worker([at("ida", "ENVIRONMENT", ENV)]), "type"), []),
]


@pytest.mark.parametrize(("application", "expected"), NON_WORKER_CASES)
def test_role_assignment_non_worker(application, expected, tmp_path):
    assert pointers("role-assignment-non-worker", snapshot(application), tmp_path) == expected


ENVIRONMENT_RULES = ["role-assignable-by-actor", "role-scope-combination", "davinci-role-on-worker",
                     "worker-administrator-role"]


@pytest.mark.parametrize("name", ENVIRONMENT_RULES)
def test_rules_that_need_roles_or_an_actor_do_not_run_on_an_application_file(name, tmp_path):
    path = tmp_path / "app.json"
    path.write_text(json.dumps(worker([at("dv", "ORGANIZATION", ORG), at("dv", "POPULATION", POP)])))
    rule = rule_by_name(name)
    result = lint_paths([str(path)], [ActiveRule(rule, rule.spec.severity)])
    assert (result.findings, result.not_checked) == ([], {})


def test_a_snapshot_without_an_actor_says_the_subset_check_did_not_run(tmp_path):
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(snapshot(worker([at("ida", "ENVIRONMENT", ENV)]))))
    result = lint_paths([str(path)], [ActiveRule(rule_by_name(SUBSET), "error")])
    assert result.not_checked == {rule_by_name(SUBSET).id: "actor"}


def test_the_role_rules_are_all_in_the_catalogue():
    names = {rule.name for rule in catalogue()}
    assert {SUBSET, "repeated-role-assignment", "role-assignment-non-worker", *ENVIRONMENT_RULES} <= names


CORPUS = FIXTURES / "real" / "terraform-provider"
PROVENANCE = json.loads((CORPUS / "PROVENANCE.json").read_text(encoding="utf-8"))
ROLE_REJECTIONS = [entry for entry in PROVENANCE["files"]
                   if entry["file"].startswith("rejected/acc-role-assignment-")]


@pytest.mark.parametrize("entry", ROLE_REJECTIONS, ids=[e["file"] for e in ROLE_REJECTIONS])
def test_the_corpus_role_rejections_are_found_once_the_roles_are_known(entry, tmp_path):
    """The provider's rejected role and scope combinations are single application files, which name
    the role by id only (so REVIEW.json lists them as undetectable); with the role's name from the
    provenance, as an environment's `roles` would give it, P1L735 reports each."""
    written = json.loads((CORPUS / entry["file"]).read_text(encoding="utf-8"))
    applications = written if isinstance(written, list) else [written]
    roles = [{"id": role_id, "name": key.removeprefix("role ")}
             for key, role_id in entry["substituted"].items() if key.startswith("role ")]
    data = {"roles": roles, "applications": applications}
    holder = next(i for i, a in enumerate(applications) if a.get("roleAssignments"))
    expected = [f"/applications/{holder}/roleAssignments/0/scope/type"]
    assert pointers("role-scope-combination", data, tmp_path) == expected
