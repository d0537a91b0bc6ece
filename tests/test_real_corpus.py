"""Configurations written by others (fixtures/real/, see its PROVENANCE.json) lint with exactly the
findings a security reviewer signed in REVIEW.json: no error or warning the reviewer did not
expect, none missing. A finding marked `false-positive` there is a known wrong finding: tolerated
while listed, and the test fails once it is gone, so that the list only shrinks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import FIXTURES, lint

CORPUS = FIXTURES / "real" / "terraform-provider"
REVIEW = json.loads((CORPUS / "REVIEW.json").read_text(encoding="utf-8"))
FILES = sorted(REVIEW["files"])
GATED = ("warning", "error")


def key(item: dict[str, str]) -> tuple[str, str, str]:
    return item["rule"], item["path"], item["severity"]


def observed(path: Path) -> list[tuple[str, str, str]]:
    result = lint(path)
    assert result.errors == [], f"{path.name} does not load: {result.errors}"
    return sorted((f.rule, f.path, f.severity) for f in result.findings if f.severity in GATED)


def test_every_corpus_file_is_reviewed() -> None:
    on_disk = sorted(str(p.relative_to(CORPUS)) for folder in ("accepted", "rejected")
                     for p in (CORPUS / folder).glob("*.json"))
    assert on_disk == FILES


def test_every_file_has_provenance() -> None:
    provenance = json.loads((CORPUS / "PROVENANCE.json").read_text(encoding="utf-8"))
    assert len(provenance["commit"]) == 40
    assert sorted(entry["file"] for entry in provenance["files"]) == FILES


@pytest.mark.parametrize("name", FILES)
def test_findings_are_the_reviewed_ones(name: str) -> None:
    reviewed = REVIEW["files"][name]
    signed = sorted(key(item) for item in reviewed if item["verdict"] == "correct")
    known_wrong = sorted(key(item) for item in reviewed if item["verdict"] == "false-positive")
    actual = observed(CORPUS / name)
    assert [k for k in actual if k not in known_wrong] == signed
    fixed = [k for k in known_wrong if k not in actual]
    assert fixed == [], f"fixed false positives still listed in REVIEW.json: {fixed}"


@pytest.mark.parametrize("name", [n for n in FILES if n.startswith("rejected/")])
def test_what_pingone_rejects_is_an_error(name: str) -> None:
    if name in REVIEW["undetectable"]:
        pytest.skip(REVIEW["undetectable"][name])
    assert any(severity == "error" for _, _, severity in observed(CORPUS / name))
