"""The provider's own Terraform configurations (fixtures/real/terraform-provider/tf/, see its
PROVENANCE.json: every `pingone_application*` example and every acceptance-test configuration of the
application resources) lint without an input or internal error, with every finding in their `.tf`
files. Compared with their JSON translation (accepted/ and rejected/, reviewed in REVIEW.json): an
accepted configuration has no error its translation does not have, and a rejected one has each
finding the reviewer signed for its translation."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.support import FIXTURES
from tests.terraform_support import Key, document_keys, environments, subject_name, terraform_keys

CORPUS = FIXTURES / "real" / "terraform-provider"
TF = CORPUS / "tf"
PROVENANCE = json.loads((TF / "PROVENANCE.json").read_text(encoding="utf-8"))
CONFIGURATIONS: list[dict[str, Any]] = PROVENANCE["configurations"]
REVIEW = json.loads((CORPUS / "REVIEW.json").read_text(encoding="utf-8"))
TRANSLATED = [c for c in CONFIGURATIONS if c["translation"]]

# Errors a configuration draws that its JSON translation cannot: the translation is one application
# file, without the environment the configuration declares. Tolerated while listed, so that an entry
# is removed once its rule is fixed.
KNOWN_ERRORS: dict[str, list[Key]] = {
}


def ids(configurations: list[dict[str, Any]]) -> list[str]:
    return [c["directory"] for c in configurations]


def test_every_configuration_has_provenance() -> None:
    assert len(PROVENANCE["commit"]) == 40
    assert PROVENANCE["license"] == "Apache-2.0" and (TF / "LICENSE").exists()
    on_disk = sorted(p.name for p in TF.iterdir() if p.is_dir())
    assert on_disk == sorted(ids(CONFIGURATIONS))
    assert all(sorted(p.name for p in (TF / d).iterdir()) == ["main.tf"] for d in on_disk)


def test_every_translation_has_its_configuration() -> None:
    translations = {c["translation"] for c in TRANSLATED}
    assert translations == set(REVIEW["files"])


@pytest.mark.parametrize("configuration", CONFIGURATIONS, ids=ids(CONFIGURATIONS))
def test_lints_without_error(configuration: dict[str, Any]) -> None:
    folder = TF / configuration["directory"]
    _, result = terraform_keys(folder)
    assert result.errors == []
    assert all(Path(f.file) == folder / "main.tf" for f in result.findings)


def translation_keys(configuration: dict[str, Any]) -> tuple[list[Key], Any]:
    """The findings of the configuration's JSON translation, named by the configuration's own
    applications: a translation that repeats another configuration's (translate.py keeps one) has
    the other's application names, in the same order."""
    keys, result = document_keys(CORPUS / configuration["translation"])
    data = json.loads((CORPUS / configuration["translation"]).read_text(encoding="utf-8"))
    theirs = [subject_name("application", app) for app in (data if isinstance(data, list) else [data])]
    ours = [subject_name("application", target.application)
            for environment in environments(TF / configuration["directory"])
            for target in environment.applications if target.application.get("protocol") == "OPENID_CONNECT"]
    renamed = dict(zip(theirs, ours, strict=True))
    return [k._replace(subject=renamed.get(k.subject, k.subject)) for k in keys], result


def _errors(keys: list[Key]) -> Counter[Key]:
    return Counter(k for k in keys if k.severity == "error")


@pytest.mark.parametrize("configuration", [c for c in TRANSLATED if c["translation"].startswith("accepted/")],
                         ids=ids([c for c in TRANSLATED if c["translation"].startswith("accepted/")]))
def test_accepted_has_no_error_its_translation_lacks(configuration: dict[str, Any]) -> None:
    translation, _ = translation_keys(configuration)
    actual, result = terraform_keys(TF / configuration["directory"], translation)
    assert result.errors == []
    extra = sorted((_errors(actual) - _errors(translation)).elements())
    assert extra == KNOWN_ERRORS.get(configuration["directory"], [])


@pytest.mark.parametrize("configuration", [c for c in TRANSLATED if c["translation"].startswith("rejected/")],
                         ids=ids([c for c in TRANSLATED if c["translation"].startswith("rejected/")]))
def test_rejected_has_the_reviewed_findings(configuration: dict[str, Any]) -> None:
    name = configuration["translation"]
    signed = {(i["rule"], i["path"], i["severity"]) for i in REVIEW["files"][name] if i["verdict"] == "correct"}
    translation, result = translation_keys(configuration)
    reviewed = Counter(k for f, k in zip(result.findings, translation, strict=True)
                       if (f.rule, f.path, f.severity) in signed)
    actual, result = terraform_keys(TF / configuration["directory"], list(reviewed))
    assert result.errors == []
    assert list((reviewed - Counter(actual)).elements()) == []


PROVIDER = TF.parent
APACHE = ("Apache License", "Version 2.0, January 2004")


@pytest.mark.parametrize("provenance", ["PROVENANCE.json", "tf/PROVENANCE.json", "hcl/PROVENANCE.yaml"])
def test_each_copy_of_the_provider_states_its_license_and_commit(provenance: str) -> None:
    """The provider is Apache-2.0 at the commit copied (MPL-2.0 before 2025-02-06): each record
    says so, beside a copy of that LICENSE."""
    text = (PROVIDER / provenance).read_text(encoding="utf-8")
    assert "cef5208af78019b95a0146818839f63237659b4e" in text
    assert re.search(r'^\s*"?license"?: "?Apache-2\.0', text, re.MULTILINE) and "MPL" not in text.split("files")[0]
    license_lines = [line.strip() for line in (PROVIDER / provenance).parent.joinpath("LICENSE").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    assert tuple(license_lines[:2]) == APACHE
