"""The cross-run cache of expression diagnostics."""

from __future__ import annotations

import json

import pytest

from p1lint.cachefiles import save_all
from p1lint.expressions import cache as expression_cache
from p1lint.expressions import check_expression
from p1lint.functions import expression as expression_function


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("P1LINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("P1LINT_NO_CACHE", raising=False)
    expression_cache.expression_store.cache_clear()
    expression_function._checked.cache_clear()
    yield tmp_path
    expression_cache.expression_store.cache_clear()
    expression_function._checked.cache_clear()


def test_diagnostics_survive_a_new_process(fresh_cache, monkeypatch):
    source = "${user.email.substring(0, 1)}"
    first = expression_function._checked(source, ())
    save_all()
    [cache_file] = fresh_cache.glob("expressions-*.json")
    assert source in json.loads(cache_file.read_text())

    expression_cache.expression_store.cache_clear()  # as if in a new process
    expression_function._checked.cache_clear()
    monkeypatch.setattr("p1lint.expressions.check_expression", lambda *a, **k: pytest.fail("parsed again"))
    assert expression_function._checked(source, ()) == first == tuple(check_expression(source))


def test_custom_attributes_are_part_of_the_key(fresh_cache):
    plain = expression_function._checked("${user.badge}", ())
    declared = expression_function._checked("${user.badge}", ("badge",))
    assert [d.code for d in plain] == ["unknown-attribute"] and declared == ()


def test_a_changed_grammar_directory_drops_the_cache(fresh_cache, monkeypatch):
    expression_function._checked("${user.email}", ())
    save_all()
    expression_cache.expression_store.cache_clear()
    monkeypatch.setattr(expression_cache, "_grammar_fingerprint", lambda: ["changed"])
    assert list(expression_cache.expression_store().entries) == ["fingerprint"]

