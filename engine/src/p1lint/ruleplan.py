"""The rules of a run sorted out once, not once per application.

Which rules an environment can run depends only on the collections it has (`requires`); which of
those look at an application, and in which order, only on its protocol, whether it is one of
PingOne's own, and the members it has (a rule whose selectors all start at a member it lacks has
nothing to check). A plan works each out once per kind of environment and of application; a
snapshot of 10,000 applications has a few dozen kinds. An application that holds unknown values
(Terraform) is sorted out on its own every time, as `judging.relevant` notes what it cannot judge."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from p1lint.judging import is_system_application, protocol_of
from p1lint.selection import ActiveRule

if TYPE_CHECKING:
    from p1lint.environment.inventory import Environment

MAX_KINDS = 4096  # of applications remembered per environment plan (each kind: a list of rules)
MAX_PLANS = 4  # rule lists remembered (a run has one; tests make more)

ApplicationKind = tuple[str, bool, frozenset[Any]]


class EnvironmentPlan(NamedTuple):
    """The rules an environment of one kind runs, by scope, and what it lacks for the others."""

    usable: list[ActiveRule]
    not_checked: list[tuple[str, str]]  # (rule id, the collection it lacks) of a snapshot
    per_application: list[ActiveRule]
    environment_scope: list[ActiveRule]  # with the rules that report on the others, last
    request_scope: list[ActiveRule]
    kinds: dict[ApplicationKind, list[ActiveRule]]  # application kind -> its rules, in order


class RulePlan:
    """One rule list's plans, by the collections an environment has."""

    def __init__(self, rules: list[ActiveRule]) -> None:
        self.rules = rules
        self.needs = tuple(dict.fromkeys(name for active in rules for name in active.rule.requires))
        self._plans: dict[tuple[frozenset[str], bool], EnvironmentPlan] = {}

    def for_environment(self, environment: Environment) -> EnvironmentPlan:
        present = frozenset(name for name in self.needs if environment.has(name))
        key = (present, environment.snapshot)
        found = self._plans.get(key)
        if found is None:
            found = self._plans[key] = _environment_plan(self.rules, present, environment.snapshot)
        return found


def _environment_plan(rules: list[ActiveRule], present: frozenset[str], snapshot: bool) -> EnvironmentPlan:
    """A rule that needs roles or an actor does not guess without them; what a snapshot lacked is
    noted once per rule (an environment rule without its collection has nothing to check)."""
    usable, not_checked = [], []
    for active in rules:
        missing = [name for name in active.rule.requires if name not in present]
        if not missing:
            usable.append(active)
        elif snapshot and active.rule.per_application:
            not_checked.append((active.rule.id, missing[0]))
    environment_scope = [a for a in usable if a.rule.scope == "environment"]
    if environment_scope:
        environment_scope += [a for a in usable if a.rule.function.after_others]
    return EnvironmentPlan(
        usable, not_checked, [a for a in usable if a.rule.scope == "application"], environment_scope,
        [a for a in usable if a.rule.scope == "request"], {},
    )


def application_kind(data: Any) -> ApplicationKind | None:
    """What decides the rules an application gets, when it is an object."""
    if not isinstance(data, dict):
        return None
    return protocol_of(data), is_system_application(data), frozenset(data)


_PLANS: list[RulePlan] = []


def rule_plan(rules: list[ActiveRule]) -> RulePlan:
    """The plan of this very list of rules (made once, kept while it is in use)."""
    for plan in _PLANS:
        if plan.rules is rules:
            return plan
    plan = RulePlan(rules)
    _PLANS[:] = [plan, *_PLANS[: MAX_PLANS - 1]]
    return plan
