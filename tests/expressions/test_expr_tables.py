"""The shipped parser tables: current, loaded without pickle, equal to a parser built from the grammar."""

from __future__ import annotations

import json
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.expressions.test_expr_diagnostics_table import CASES
from tests.expressions.test_expr_parse_table import VALID
from tests.expressions.test_expr_properties import expression_alphabet, templates

from p1lint.expressions import check_expression, parse_expression, parser, tables, to_source

GRAMMAR = tables.grammar_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built():
    return tables.build_parser(GRAMMAR)


def _with_parser(monkeypatch, lark, function, *arguments):
    monkeypatch.setattr(parser, "lark_parser", lambda: lark)
    try:
        return function(*arguments)
    finally:
        monkeypatch.undo()


def test_shipped_tables_are_a_fresh_build_of_the_grammar():
    shipped = tables.tables_path().read_text(encoding="utf-8")
    assert shipped == tables.tables_text(GRAMMAR), "run: python -m p1lint.expressions.tables"


def test_tables_text_does_not_depend_on_hash_randomization():
    import subprocess
    import sys

    script = "from p1lint.expressions import tables as t; print(t.tables_text(t.grammar_path().read_text()))"
    outputs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "2")
    }  # fmt: skip
    assert len(outputs) == 1


def test_the_shipped_tables_are_loaded_not_rebuilt(monkeypatch):
    monkeypatch.setattr(tables, "build_parser", lambda grammar: pytest.fail("tables rebuilt"))
    assert tables.load_parser().parse("${user.email}").data == "template"


def test_loading_never_unpickles(monkeypatch):
    def refuse(*arguments, **keywords):
        raise AssertionError("pickle used")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(tables, "build_parser", lambda grammar: pytest.fail("tables rebuilt"))
    assert tables.load_parser().parse("${user.name.given}").data == "template"


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "[]",
        lambda text: json.dumps({**json.loads(text), "data": {}}),
        lambda text: json.dumps({**json.loads(text), "memo": {"x": 1}}),
        lambda text: json.dumps({**json.loads(text), "lark": "0.1.0"}),
        lambda text: json.dumps({**json.loads(text), "grammar_sha256": "0" * 64}),
    ],
    ids=["truncated", "not-an-object", "no-data", "bad-memo", "other-lark", "other-grammar"],
)
def test_unusable_tables_mean_a_parser_built_from_the_grammar(damage, tmp_path, monkeypatch):
    damaged = tmp_path / tables.TABLES_FILE
    damaged.write_text(damage(tables.tables_path().read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr(tables, "tables_path", lambda: damaged)
    rebuilt = []
    monkeypatch.setattr(tables, "build_parser", lambda grammar: rebuilt.append(grammar) or "built")
    assert tables.load_parser() == "built" and rebuilt == [GRAMMAR]


def test_an_edited_grammar_is_not_served_stale_tables(tmp_path, monkeypatch):
    edited = tmp_path / tables.GRAMMAR_FILE
    edited.write_text(GRAMMAR.replace("(?i:matches)", "(?i:matchez)"), encoding="utf-8")
    monkeypatch.setattr(tables, "grammar_path", lambda: edited)
    assert edited.read_text() != GRAMMAR
    assert tables.load_parser().parse("${a matchez b}").data == "template"


@pytest.mark.parametrize("expression", [expression for expression, _ in VALID])
def test_shipped_and_built_parsers_give_equal_trees(expression, built, monkeypatch):
    source = "${" + expression + "}"
    assert parse_expression(source) == _with_parser(monkeypatch, built, parse_expression, source)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_shipped_and_built_parsers_give_equal_diagnostics(source, built, monkeypatch):
    assert check_expression(source) == _with_parser(monkeypatch, built, check_expression, source)


@settings(max_examples=200, deadline=None)
@given(tree=templates, noise=st.text(st.sampled_from(expression_alphabet), max_size=30))
def test_shipped_and_built_parsers_agree_on_generated_text(tree, noise, built):
    with pytest.MonkeyPatch.context() as monkeypatch:
        for source in (to_source(tree), "${" + noise + "}"):
            expected = _with_parser(monkeypatch, built, check_expression, source)
            assert check_expression(source) == expected, source
