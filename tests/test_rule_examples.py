"""Every rule's own examples: the bad one must trigger it, the good one must not."""

from __future__ import annotations

import pytest

from tests.support import catalogue, run_rule

RULES = catalogue()


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_bad_example_triggers_the_rule(rule):
    hits = run_rule(rule, rule.spec.examples.bad)
    assert hits, f"{rule.id} does not fire on its bad example"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_good_example_passes_the_rule(rule):
    hits = run_rule(rule, rule.spec.examples.good)
    assert hits == [], f"{rule.id} fires on its good example: {[h.detail for h in hits]}"
