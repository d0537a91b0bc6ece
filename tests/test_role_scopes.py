"""The scope relation of the role checks (p1lint.roles.scopes), as properties over random scope
hierarchies in which some scopes are not placed: reflexive, transitive, never from a narrower
scope to a wider one, antisymmetric, and `may_cover` the optimistic reading of `covers`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from p1lint.roles.scopes import (
    APPLICATION,
    ENVIRONMENT,
    ORGANIZATION,
    PARENT_TYPE,
    POPULATION,
    SCOPE_TYPES,
    Scope,
    ancestor_types,
    covers,
    lineage,
    may_cover,
    no_parents,
)
from p1lint.terraform.values import Unknown

IDS = ["a", "b", "c"]  # shared by all types: the same id at two types is two scopes
DEPTH = {ORGANIZATION: 0, ENVIRONMENT: 1, POPULATION: 2, APPLICATION: 2}

scopes = st.builds(Scope, st.sampled_from(SCOPE_TYPES), st.sampled_from(IDS))
# a hierarchy: for some scopes below the organization, the id of the scope that contains them
hierarchies = st.dictionaries(
    st.builds(Scope, st.sampled_from(list(PARENT_TYPE)), st.sampled_from(IDS)), st.sampled_from(IDS)
)


def parent_in(hierarchy):
    def parent(scope):
        above = hierarchy.get(scope)
        return None if above is None else Scope(PARENT_TYPE[scope.type], above)

    return parent


def complete(hierarchy):
    """`hierarchy` with every scope placed (unplaced ones under the first id)."""
    return {Scope(t, i): hierarchy.get(Scope(t, i), IDS[0]) for t in PARENT_TYPE for i in IDS}


@given(scopes, hierarchies)
def test_every_scope_covers_itself(scope, hierarchy):
    assert covers(scope, scope, parent_in(hierarchy)) and may_cover(scope, scope, parent_in(hierarchy))


@given(scopes, scopes, scopes, hierarchies)
def test_covering_is_transitive(a, b, c, hierarchy):
    parent = parent_in(hierarchy)
    if covers(a, b, parent) and covers(b, c, parent):
        assert covers(a, c, parent)


@given(scopes, scopes, hierarchies)
def test_a_narrower_scope_never_covers_a_wider_one(outer, inner, hierarchy):
    if DEPTH[outer.type] >= DEPTH[inner.type] and outer != inner:
        assert not may_cover(outer, inner, parent_in(hierarchy))
        assert not covers(outer, inner, parent_in(hierarchy))


@given(scopes, scopes, hierarchies)
def test_covering_is_antisymmetric(a, b, hierarchy):
    parent = parent_in(hierarchy)
    if covers(a, b, parent) and a != b:
        assert not covers(b, a, parent) and not may_cover(b, a, parent)


@given(scopes, scopes, hierarchies)
def test_what_covers_may_cover(outer, inner, hierarchy):
    if covers(outer, inner, parent_in(hierarchy)):
        assert may_cover(outer, inner, parent_in(hierarchy))


@given(scopes, scopes, hierarchies)
def test_knowing_every_place_leaves_nothing_uncertain(outer, inner, hierarchy):
    parent = parent_in(complete(hierarchy))
    assert may_cover(outer, inner, parent) == covers(outer, inner, parent)


@given(scopes, scopes, hierarchies, hierarchies)
def test_learning_places_only_settles_questions(outer, inner, known, learned):
    """Placing more scopes keeps what covers covering and what cannot cover not covering."""
    before, after = parent_in(known), parent_in({**learned, **known})
    if covers(outer, inner, before):
        assert covers(outer, inner, after)
    if not may_cover(outer, inner, before):
        assert not may_cover(outer, inner, after)


@given(scopes, hierarchies)
def test_a_lineage_climbs_one_type_at_a_time(scope, hierarchy):
    types = [s.type for s in lineage(scope, parent_in(hierarchy))]
    assert types == [scope.type, *ancestor_types(scope.type)][: len(types)]


def test_the_hierarchy_of_the_sources():
    places = {Scope(ENVIRONMENT, "prod"): "org", Scope(POPULATION, "staff"): "prod",
              Scope(APPLICATION, "app"): "prod"}
    parent = parent_in(places)
    assert covers(Scope(ORGANIZATION, "org"), Scope(POPULATION, "staff"), parent)
    assert covers(Scope(ENVIRONMENT, "prod"), Scope(APPLICATION, "app"), parent)
    assert not covers(Scope(ENVIRONMENT, "test"), Scope(APPLICATION, "app"), parent)
    assert not may_cover(Scope(ORGANIZATION, "other"), Scope(POPULATION, "staff"), parent)
    assert not may_cover(Scope(POPULATION, "staff"), Scope(APPLICATION, "app"), parent)


def test_an_unplaced_scope_may_lie_in_any_wider_one():
    assert may_cover(Scope(ENVIRONMENT, "prod"), Scope(POPULATION, "p"), no_parents)
    assert may_cover(Scope(ORGANIZATION, "org"), Scope(APPLICATION, "a"), no_parents)
    assert not covers(Scope(ENVIRONMENT, "prod"), Scope(POPULATION, "p"), no_parents)
    assert not may_cover(Scope(POPULATION, "p"), Scope(ENVIRONMENT, "prod"), no_parents)


def test_a_scope_type_outside_the_hierarchy_covers_only_itself():
    odd = Scope("GROUP", "g")
    assert covers(odd, odd, no_parents)
    assert not may_cover(Scope(ORGANIZATION, "o"), odd, no_parents)
    assert not may_cover(odd, Scope(POPULATION, "g"), no_parents)


UNKNOWN_ID = Unknown("var.scope_id", ("var.scope_id",))


@given(st.sampled_from(SCOPE_TYPES), scopes, hierarchies)
def test_a_scope_of_unknown_id_is_certainly_covered_by_nothing(kind, outer, hierarchy):
    unknown = Scope(kind, UNKNOWN_ID)
    assert not covers(outer, unknown, parent_in(hierarchy)) and not covers(unknown, outer, parent_in(hierarchy))
    assert not covers(unknown, unknown, parent_in(hierarchy))


@given(st.sampled_from(SCOPE_TYPES), st.sampled_from(IDS), scopes, hierarchies)
def test_a_scope_of_unknown_id_may_be_any_scope_of_its_type(kind, identifier, other, hierarchy):
    """What may cover (or be covered by) some scope of the type may cover (be covered by) the
    scope of that type whose id is unknown."""
    parent, unknown, known = parent_in(hierarchy), Scope(kind, UNKNOWN_ID), Scope(kind, identifier)
    if may_cover(other, known, parent):
        assert may_cover(other, unknown, parent)
    if may_cover(known, other, parent):
        assert may_cover(unknown, other, parent)


def test_a_scope_of_unknown_id_may_lie_in_its_type_or_wider_only():
    unknown = Scope(ENVIRONMENT, UNKNOWN_ID)
    assert may_cover(Scope(ENVIRONMENT, "prod"), unknown, no_parents)
    assert may_cover(Scope(ORGANIZATION, "org"), unknown, no_parents)
    assert not may_cover(Scope(POPULATION, "p"), unknown, no_parents)
    assert may_cover(Scope(ORGANIZATION, UNKNOWN_ID), Scope(ORGANIZATION, "org"), no_parents)
    assert str(unknown) == "ENVIRONMENT var.scope_id"
