"""The HCL parser's shipped tables: current, loaded without pickle, equal to a parser built from the
grammar; lark is imported only when a `.tf` file is read."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest
from tests.hcl.test_hcl_spans import APPLICATION

from p1lint.documents.duplicates import RepeatedKeys
from p1lint.documents.hcl import syntax, tables

GRAMMAR = tables.grammar_path().read_text(encoding="utf-8")


def test_shipped_tables_are_a_fresh_build_of_the_grammar():
    shipped = tables.tables_path().read_text(encoding="utf-8")
    assert shipped == tables.tables_text(GRAMMAR), "run: python -m p1lint.documents.hcl.tables"


def test_tables_text_does_not_depend_on_hash_randomization():
    script = "from p1lint.documents.hcl import tables as t; print(t.tables_text(t.grammar_path().read_text()))"
    outputs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "2")
    }  # fmt: skip
    assert len(outputs) == 1


def test_the_shipped_tables_are_loaded_without_pickle_and_parse_like_a_fresh_build(monkeypatch):
    def refuse(*arguments, **keywords):
        raise AssertionError("pickle used")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(tables, "build_parser", lambda grammar: pytest.fail("tables rebuilt"))
    shipped = parsed_with(tables.load_parser())
    monkeypatch.undo()
    assert shipped == parsed_with(tables.build_parser(GRAMMAR))


def parsed_with(parser):
    with parser.options.transformer.reading(APPLICATION, RepeatedKeys()):
        return parser.parse(APPLICATION, start="start")


@pytest.mark.parametrize(
    "damage",
    [lambda text: text[: len(text) // 2], lambda text: json.dumps({**json.loads(text), "grammar_sha256": "0" * 64})],
    ids=["truncated", "other-grammar"],
)
def test_unusable_tables_mean_a_parser_built_from_the_grammar(damage, tmp_path, monkeypatch):
    damaged = tmp_path / tables.TABLES_FILE
    damaged.write_text(damage(tables.tables_path().read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr(tables, "tables_path", lambda: damaged)
    rebuilt = []
    monkeypatch.setattr(tables, "build_parser", lambda grammar: rebuilt.append(grammar) or "built")
    assert tables.load_parser() == "built" and rebuilt == [GRAMMAR]


def test_the_parser_is_loaded_once():
    assert syntax._parser() is syntax._parser()


def test_lark_is_imported_only_when_a_tf_file_is_read(tmp_path):
    (tmp_path / "app.json").write_text('{"name": "x", "protocol": "OPENID_CONNECT", "type": "WORKER"}')
    (tmp_path / "main.tf").write_text('resource "pingone_group" "g" {\n  name = "g"\n}\n')
    script = (
        "import sys\n"
        "from p1lint.documents.sources import read_source\n"
        f"read_source({str(tmp_path / 'app.json')!r})\n"
        "before = 'lark' in sys.modules\n"
        f"document = read_source({str(tmp_path / 'main.tf')!r})\n"
        "print(before, 'lark' in sys.modules, document.data)\n"
    )
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False True {'resource': {'pingone_group': {'g': {'name': 'g'}}}}"
