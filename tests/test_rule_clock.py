"""A rule whose findings depend on the time of the run says so (`clock: true`), so that the
results cache does not keep them: found by running every rule's examples at two moments."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import pytest

from p1lint.engine import check
from p1lint.rules.examples import example_inputs
from p1lint.selection import ActiveRule
from tests.support import catalogue

RULES = catalogue()
MOMENTS = (datetime(1971, 1, 1, tzinfo=timezone.utc), datetime(2300, 1, 1, tzinfo=timezone.utc))


def details_at(rule, moment):
    found = []
    for example in (rule.spec.examples.bad, rule.spec.examples.good):
        for data, context in example_inputs(rule, example):
            context.settings = dataclasses.replace(context.settings, now=moment)
            hits = check([ActiveRule(rule, rule.severity)], data, context, [], "<example>")
            found.append(sorted(hit.detail for hit in hits))
    return found


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_a_rule_that_reads_the_clock_declares_it(rule):
    if details_at(rule, MOMENTS[0]) != details_at(rule, MOMENTS[1]):
        assert rule.clock, f"{rule.id} depends on the time of the run: add `clock: true` to its rule file"


def test_the_clock_is_seen():
    assert any(rule.clock for rule in RULES)
    clocked = [rule for rule in RULES if rule.clock]
    assert all(details_at(rule, MOMENTS[0]) != details_at(rule, MOMENTS[1]) for rule in clocked)
