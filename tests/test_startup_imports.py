"""Checking application files imports no pydantic: the rules run from the compiled catalogue, the
application model is checked on the schema generated from it, and a configuration file is read
without a model. Each run is a fresh interpreter, as a pre-commit hook starts one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import FIXTURES, ROOT

CHECK_AND_LIST_MODULES = """
import json, sys
from p1lint.cli import main
sys.argv = ["p1lint", "check", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    code = done.code
print("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""
HEAVY = ("pydantic", "pydantic_core", "jsonschema", "jsonschema_rs")


def check_in_subprocess(*arguments: str, cwd: Path = ROOT) -> dict:
    run = subprocess.run([sys.executable, "-c", CHECK_AND_LIST_MODULES, *arguments],
                         capture_output=True, text=True, check=True, cwd=cwd)
    return json.loads(run.stdout.strip().splitlines()[-1])


def heavy(modules: list[str]) -> list[str]:
    return [name for name in modules if name.split(".")[0] in HEAVY]


@pytest.mark.parametrize("fixture", [
    "good/worker-client-credentials.json",  # no problems
    "bad/structure-hand-edited-export.json",  # unknown properties, wrong types and values
    "bad/structure-settings-on-wrong-type.json",
])
def test_checking_an_application_file_imports_no_pydantic(fixture):
    result = check_in_subprocess("--no-config", str(FIXTURES / fixture))
    assert result["code"] in (0, 1)
    assert "p1lint.models.schema_validator" in result["modules"]
    assert heavy(result["modules"]) == []


def test_a_structure_finding_is_reported_without_pydantic():
    result = check_in_subprocess("--no-config", "--select", "P1L0", str(FIXTURES / "bad/structure-hand-edited-export.json"))
    assert result["code"] == 1
    assert "p1lint.models.suggestions" in result["modules"]  # an unknown property's did-you-mean
    assert heavy(result["modules"]) == []


@pytest.mark.parametrize(("name", "text"), [
    ("p1lint.toml", 'profile = "strict"\nfail-on = "error"\nregex-budget = "1.5"\nstrict-unknowns = "yes"\n'),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.p1lint]\nmax-file-size = "10MiB"\nselect = ["P1L"]\n'),
    ("p1lint.toml", 'profil = "strict"\n'),  # a bad configuration: exit 2, still no pydantic
])
def test_reading_a_configuration_imports_no_pydantic(tmp_path, name, text):
    (tmp_path / ".git").mkdir()
    (tmp_path / name).write_text(text)
    application = tmp_path / "app.json"
    application.write_text((FIXTURES / "good/worker-client-credentials.json").read_text())
    result = check_in_subprocess(str(application), cwd=tmp_path)
    assert "p1lint.config" in result["modules"]
    assert result["code"] == (2 if "profil " in text else 0)
    assert heavy(result["modules"]) == []


def test_a_file_named_without_force_exclude_does_not_load_the_glob_matcher(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "p1lint.toml").write_text('extend-exclude = ["envs/old"]\n')
    application = tmp_path / "app.json"
    application.write_text((FIXTURES / "good/worker-client-credentials.json").read_text())
    named = check_in_subprocess(str(application), cwd=tmp_path)
    assert named["code"] == 0 and "pathspec" not in named["modules"]
    walked = check_in_subprocess(str(tmp_path), cwd=tmp_path)  # a walk needs it, and loads it
    assert walked["code"] == 0 and "pathspec" in walked["modules"]
