"""The compiled catalogue: the shipped artefact is what the rule files compile to, a run reads it
without the rule compiler or pydantic, and a stale, damaged or planted compiled file is never used."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from p1lint.catalogue import catalogue_fingerprint, load_catalogue
from p1lint.functions.base import option_fields
from p1lint.resources import data_dir
from p1lint.rules import artefact
from p1lint.rules.artefact import BUNDLED, load_bundled, sources_digest
from p1lint.rules.build import REGENERATE, build_bundled
from p1lint.rules.loader import load_rules
from p1lint.rules.options import options_model
from tests.support import FIXTURES, ROOT, catalogue

RUNTIME_FIELDS = ("id", "name", "title", "severity", "profiles", "scope", "clock", "requires", "protocols",
                  "given", "when", "function_name", "function_module", "option_data", "field", "message", "docs",
                  "source")


def runtime_view(rule):
    return tuple(getattr(rule, name) for name in RUNTIME_FIELDS)


def test_the_shipped_catalogue_is_what_the_rule_files_compile_to():
    assert BUNDLED.read_text(encoding="utf-8") == build_bundled(), f"{BUNDLED.name} is stale: {REGENERATE}"


def test_the_bundled_rules_read_from_the_artefact_are_the_rules_compiled_from_yaml():
    compiled = sorted(load_rules([data_dir("rules")]), key=lambda rule: rule.id)
    shipped = sorted(load_bundled(data_dir("rules"), sources_digest(data_dir("rules"))), key=lambda r: r.id)
    assert [runtime_view(r) for r in shipped] == [runtime_view(r) for r in compiled]
    assert [r.options for r in shipped] == [r.options for r in compiled]


def test_every_rule_keeps_its_options_with_defaults_filled_and_valid():
    for rule in catalogue():
        cls = rule.function.options
        assert set(rule.option_data) == set(option_fields(cls)), rule.id
        assert options_model(cls).model_validate(rule.option_data).model_dump(mode="json") == rule.option_data
        assert isinstance(rule.options, cls)


def test_options_declared_as_tuples_come_back_as_tuples_and_hashable():
    uri_rules = [rule for rule in catalogue() if rule.function_name == "uri"]
    assert uri_rules
    for rule in uri_rules:
        assert isinstance(rule.options.forbidden_schemes, tuple)  # type: ignore[attr-defined]
        hash(rule.options)


def copy_of_rules(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), rules)
    return rules


def test_an_edited_rule_file_makes_the_artefact_stale_and_the_rules_are_compiled_again(tmp_path):
    rules = copy_of_rules(tmp_path)
    target = next(rules.rglob("*.yaml"))
    rule_id = next(r.id for r in catalogue() if r.source.name == target.name)
    before = target.read_text(encoding="utf-8")
    severity = next(line for line in before.splitlines() if line.startswith("severity:"))
    changed = "info" if "info" not in severity else "error"
    target.write_text(before.replace(severity, f"severity: {changed}"), encoding="utf-8")
    loaded = {r.id: r for r in load_bundled(rules, sources_digest(rules))}
    assert loaded[rule_id].severity == changed
    assert loaded[rule_id].source == target


@pytest.mark.parametrize("content", [b"", b"{not json", b"\x80\x03}q\x00.", b'{"format": 1}', b"[]",
                                     b'{"format": 1, "sources": "x", "rules": []}'])
def test_a_missing_or_damaged_artefact_is_never_used(tmp_path, monkeypatch, content):
    planted = tmp_path / "catalogue.json"
    planted.write_bytes(content)
    monkeypatch.setattr(artefact, "BUNDLED", planted)
    rules = load_bundled(data_dir("rules"), sources_digest(data_dir("rules")))
    assert [runtime_view(r) for r in rules] == [runtime_view(r) for r in catalogue()]
    assert planted.read_bytes() == content, "nothing is written into the package"


def test_an_artefact_with_an_entry_of_the_wrong_shape_is_never_used(tmp_path, monkeypatch):
    document = json.loads(BUNDLED.read_text(encoding="utf-8"))
    document["rules"][0]["severity"] = "catastrophic"
    planted = tmp_path / "catalogue.json"
    planted.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(artefact, "BUNDLED", planted)
    rules = load_bundled(data_dir("rules"), sources_digest(data_dir("rules")))
    assert rules[0].severity != "catastrophic"
    assert len(rules) == len(catalogue())


CHECK_AND_REPORT_MODULES = """
import json, sys
from p1lint.cli import main
sys.argv = ["p1lint", "check", "--no-config", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    code = done.code
ours = {name: module for name, module in sys.modules.items() if name.startswith(("p1lint.rules", "p1lint.functions"))}
print("\\n" + json.dumps({"code": code, "modules": sorted(ours), "pydantic": "pydantic" in sys.modules}))
"""


def check_in_subprocess(*arguments: str) -> dict:
    run = subprocess.run([sys.executable, "-c", CHECK_AND_REPORT_MODULES, *arguments],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_a_plain_check_runs_without_the_rule_compiler_or_pydantic():
    report = check_in_subprocess(str(FIXTURES / "good" / "worker-client-credentials.json"))
    assert report["code"] == 0
    assert "p1lint.rules.artefact" in report["modules"] and "p1lint.functions.uri" in report["modules"]
    compilers = {"p1lint.rules.loader", "p1lint.rules.rulefile", "p1lint.rules.spec", "p1lint.rules.options"}
    assert compilers.isdisjoint(report["modules"])
    assert report["pydantic"] is False, "a plain check imports pydantic"


def test_function_modules_of_rules_that_do_not_run_are_not_imported():
    report = check_in_subprocess("--select", "P1L001", str(FIXTURES / "good" / "worker-client-credentials.json"))
    assert "p1lint.functions.application_model" in report["modules"]
    assert "p1lint.functions.uri" not in report["modules"] and "p1lint.functions.jwks" not in report["modules"]


def test_the_fingerprint_follows_the_rule_files(tmp_path):
    rules = tmp_path / "mine"
    rules.mkdir()
    (rules / "a.yaml").write_text("id: ACME990\n", encoding="utf-8")
    first = catalogue_fingerprint([rules])
    assert catalogue_fingerprint([rules]) == first
    assert catalogue_fingerprint() != first
    (rules / "a.yaml").write_text("id: ACME991\n", encoding="utf-8")
    assert catalogue_fingerprint([rules]) != first


def test_the_generator_reports_an_up_to_date_artefact():
    run = subprocess.run([sys.executable, "-m", "p1lint.rules.build", "--check"], capture_output=True, text=True,
                         cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_catalogue_of_a_run_is_the_shipped_one():
    assert [runtime_view(r) for r in load_catalogue()] == [runtime_view(r) for r in catalogue()]
