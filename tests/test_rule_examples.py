"""Every rule's own examples: the bad one must trigger it, the good one must not."""

from __future__ import annotations

import pytest

from p1lint.rules.examples import is_snapshot_example
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


def _written(data, pointer):
    """Whether `pointer` names a value the example itself writes (not one it leaves out)."""
    for step in pointer:
        in_object = isinstance(data, dict) and step in data
        in_list = isinstance(data, list) and isinstance(step, int) and step < len(data)
        if not (in_object or in_list):
            return False
        data = data[step]
    return True


ERROR_RULES = [r for r in RULES if r.spec.severity_in("recommended") == "error" and r.spec.scope == "application"]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_good_example_raises_no_error_of_another_rule(rule):
    """Following one rule's advice never leads into another rule's error. Examples are fragments,
    so only findings at values the example writes count (a fragment lacks `name` on purpose)."""
    good = rule.spec.examples.good
    if not isinstance(good, dict):
        pytest.skip("a source-text or list example")
    written = good.get("applications") if is_snapshot_example(good) else [good]
    errors = [(other.id, hit.pointer) for other in ERROR_RULES if other is not rule
              for hit in run_rule(other, good)
              if hit.pointer and any(_written(application, hit.pointer) for application in written)]
    assert errors == []
