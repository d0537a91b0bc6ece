"""Unknown, not wrong: replacing a known value by an unknown one (a Terraform variable) never
adds a finding, of any rule, anywhere — it can only take findings away. A finding may move, none
is added: a rule that reports a problem at the first of several values (`unset-fields`: "sets a,
b" at `a`) reports it at the next one when the first becomes unknown, and one that places a
problem by what the environment says (the grant of the resource a missing scope belongs to) may
place it higher up (at the grants) when that is unknown.

Checked exhaustively on every rule's examples (each member and item replaced in turn, the whole
catalogue run on each), and on samples of the fixtures' applications and snapshots."""

from __future__ import annotations

import pytest

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
