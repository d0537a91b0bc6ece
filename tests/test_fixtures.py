"""Snapshot test over every file in fixtures/: full findings (rule, path, severity, start and end
line and column) and input errors. `pytest --update-expectations` rewrites tests/expectations/
after review.

Files under `fixtures/profiles/<profile>/` are linted with that profile, all others with the
default (`recommended`); a `.settings.json` beside fixtures gives their settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import EXPECTATIONS, FIXTURES, fixture_files, lint_fixture

FIXTURE_FILES = fixture_files()


def observed(path):
    result = lint_fixture(path)
    return {
        "findings": [
            {**_file(path, f.file), "rule": f.rule, "name": f.name, "severity": f.severity, "path": f.path,
             "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column}
            for f in result.findings
        ],
        "errors": [{**_file(path, e.file), "line": e.line, "column": e.column, "message": e.message}
                   for e in result.errors],
    }


def _file(fixture, file):
    """A snapshot directory's findings name the file of the directory they are in."""
    return {"file": Path(file).relative_to(fixture).as_posix()} if fixture.is_dir() else {}


def expectation_file(path):
    return EXPECTATIONS / path.relative_to(FIXTURES).with_suffix(path.suffix + ".expected.json")


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[str(p.relative_to(FIXTURES)) for p in FIXTURE_FILES])
def test_fixture_findings(path, request):
    actual = observed(path)
    expected_path = expectation_file(path)
    if request.config.getoption("--update-expectations"):
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_text(json.dumps(actual, indent=2) + "\n")
    assert expected_path.exists(), f"no expectation for {path.name}; run pytest --update-expectations"
    assert actual == json.loads(expected_path.read_text())


def test_no_orphan_expectations():
    expected = {expectation_file(p) for p in FIXTURE_FILES}
    orphans = [p for p in EXPECTATIONS.rglob("*.expected.json") if p not in expected]
    assert orphans == []
