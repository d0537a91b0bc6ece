"""Meta-tests guarding the rule catalogue: documented, referenced, exercised, docs up to date."""

from __future__ import annotations

from functools import cache

import pytest

from p1lint.docs import render_rules_markdown
from p1lint.functions import all_functions
from tests.support import FIXTURES, ROOT, catalogue, fixture_files, lint, lint_fixture

RULES = catalogue()
IDS = [rule.name for rule in RULES]


@cache
def fired() -> frozenset[str]:
    """Rules that fire on some fixture, each fixture run with its own profile and settings."""
    return frozenset(f.rule for path in fixture_files() for f in lint_fixture(path).findings)


def test_ids_and_names_are_unique():
    assert len({r.id for r in RULES}) == len({r.name for r in RULES}) == len(RULES)


def test_every_bundled_id_is_in_the_namespace_of_p1lints_own_rules():
    from p1lint.rules.namespace import BUILTIN_ID, RULE_ID

    assert [r.id for r in RULES if not (BUILTIN_ID.match(r.id) and RULE_ID.match(r.id))] == []


DOCS_TEXT = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_is_documented_and_referenced(rule):
    spec = rule.spec
    assert len(" ".join(spec.description.split())) >= 60
    assert len(" ".join(spec.rationale.split())) >= 40
    assert spec.title[0].isupper() and not spec.title.endswith(".")
    assert all(ref.url.startswith("https://") for ref in spec.references)
    page, anchor = rule.docs.split("#")
    assert page == (ROOT / "docs" / "rules.md").resolve().as_uri()  # the reference shipped with p1lint
    assert f"\n### {rule.id} {rule.name}\n" in DOCS_TEXT and anchor == f"{rule.id.lower()}-{rule.name}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_fires_in_some_fixture(rule):
    assert rule.id in fired(), f"no fixture triggers {rule.id}"


def test_good_fixtures_have_no_errors_or_warnings():
    findings = lint(FIXTURES / "good").findings
    assert [f for f in findings if f.severity != "info"] == []


def test_every_function_is_used_by_a_rule():
    used = {rule.function.name for rule in RULES}
    assert set(all_functions()) - used == set()


def test_generated_docs_are_up_to_date():
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == render_rules_markdown(RULES), "run `p1lint docs -o docs/rules.md`"
