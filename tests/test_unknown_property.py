"""Unknown, not wrong: replacing a known value by an unknown one (a Terraform variable) never
adds a finding, of any rule, anywhere — it can only take findings away. A finding may move, none
is added: a rule that reports a problem at the first of several values (`unset-fields`: "sets a,
b" at `a`) reports it at the next one when the first becomes unknown, and one that places a
problem by what the environment says (the grant of the resource a missing scope belongs to) may
place it higher up (at the grants) when that is unknown.

Checked exhaustively on every rule's examples (each member and item replaced in turn, the whole
catalogue run on each; Terraform examples through their translation), and on a sample of the
members of the fixtures' applications and snapshots."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from p1lint.documents.kinds import kind_of
from p1lint.rules.examples import is_terraform_example
from p1lint.selection import ActiveRule
from tests.support import catalogue
from tests.unknowns import findings_of, pointers, unknown_at

RULES = catalogue()
ALL = [ActiveRule(rule, rule.spec.severity) for rule in RULES]
EXAMPLES = [(rule, which, getattr(rule.spec.examples, which)) for rule in RULES for which in ("bad", "good")
            if isinstance(getattr(rule.spec.examples, which), dict | list)]


def _added(data):
    """For each pointer of `data`: the findings an unknown value there adds, and internal errors.
    A pointer whose unknown value changes what the document is (a snapshot whose `applications`
    are unknown reads as one application) is left out: Terraform input is never read by kind."""
    before, errors = findings_of(data, ALL)
    assert errors == []
    for pointer in pointers(data):
        mutated = unknown_at(data, pointer)
        if kind_of(mutated) != kind_of(data) or is_terraform_example(mutated) != is_terraform_example(data):
            continue
        after, errors = findings_of(mutated, ALL)
        added = [found for found in sorted(after - before, key=str) if not _moved(found, before - after, pointer)]
        if added or errors:
            yield pointer, added, errors


def _moved(found, gone, pointer):
    """Whether `found` is a finding of a rule that no longer reports at the unknown value, or
    one that moved up from a place below its own."""
    rule, here = found
    return any(other == rule and (at[: len(pointer)] == pointer or at[: len(here)] == here)
               for other, at in gone)


@pytest.mark.parametrize(("rule", "which", "example"), EXAMPLES,
                         ids=[f"{rule.id}-{which}" for rule, which, _ in EXAMPLES])
def test_an_unknown_value_adds_no_finding_to_an_example(rule, which, example):
    assert list(_added(example)) == []


def _fixture_documents():
    """The single-file fixtures (applications, snapshots) as plain data, each with its name."""
    from p1lint.documents.sources import SourceDocument, read_source
    from tests.support import FIXTURES, fixture_files

    found = []
    for path in (p for p in fixture_files() if p.is_file()):
        document = read_source(str(path))
        if isinstance(document, SourceDocument) and kind_of(document.data) is not None:
            found.append((str(path.relative_to(FIXTURES)), document.data))
    return found


FIXTURE_DATA = _fixture_documents()


@settings(max_examples=60)
@given(st.data())
def test_an_unknown_value_adds_no_finding_to_a_fixture(data):
    """A sample of the fixtures' members (the survey of all of them takes minutes)."""
    name, document = data.draw(st.sampled_from(FIXTURE_DATA), label="fixture")
    places = list(pointers(document))
    pointer = data.draw(st.sampled_from(places), label="pointer")
    mutated = unknown_at(document, pointer)
    if kind_of(mutated) != kind_of(document):
        return
    before, _ = findings_of(document, ALL)
    after, errors = findings_of(mutated, ALL)
    added = [found for found in after - before if not _moved(found, before - after, pointer)]
    assert (added, errors) == ([], []), name


def _terraform_modules():
    from p1lint.documents.sources import SourceDocument, read_source
    from tests.support import FIXTURES

    roots = sorted({p.parent for p in FIXTURES.rglob("*.tf*") if p.name.endswith((".tf", ".tf.json"))
                    and "real" not in p.relative_to(FIXTURES).parts})
    modules = []
    for root in roots:
        documents = [read_source(str(p)) for p in sorted(root.iterdir()) if p.name.endswith((".tf", ".tf.json"))]
        modules.append((str(root.relative_to(FIXTURES)), [d for d in documents if isinstance(d, SourceDocument)]))
    return modules


def _module_findings(documents):
    from p1lint.tfconfig.environments import terraform_environments
    from tests.unknowns import environment_findings

    found, errors = set(), []
    for environment in terraform_environments("<module>", documents):
        more, problems = environment_findings(environment, ALL)
        found |= more
        errors += problems
    return found, errors


def _attributes(structure):
    """The attributes of each block, at any depth: not a block itself (a block is no expression),
    nor the `environment_id` that puts a block in an environment (an application's grant with
    another environment_id expression is another environment's: that grouping is not judged here)."""
    for pointer in pointers(structure):
        if pointer[0] in ("resource", "data") and len(pointer) > 3 + isinstance(pointer[3:4] and pointer[3], int) \
                and pointer[-1] != "environment_id":
            yield pointer


MODULES = _terraform_modules()


@pytest.mark.parametrize(("name", "documents"), MODULES, ids=[name for name, _ in MODULES])
def test_an_unknown_attribute_adds_no_finding_to_a_terraform_module(name, documents):
    from dataclasses import replace

    before, errors = _module_findings(documents)
    assert errors == []
    for index, document in enumerate(documents):
        for pointer in _attributes(document.data):
            changed = [*documents[:index], replace(document, data=unknown_at(document.data, pointer)),
                       *documents[index + 1:]]
            after, errors = _module_findings(changed)
            gone = {(rule, at) for rule, file, at in before - after if file == document.name}
            added = [f for f in after - before if not _moved((f[0], f[2]), gone, pointer)]
            assert (added, errors) == ([], []), pointer
