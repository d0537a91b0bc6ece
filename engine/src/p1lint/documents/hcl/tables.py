"""The HCL parser's LALR tables, shipped as JSON data beside the grammar (see
`p1lint.lark_tables`): `python -m p1lint.documents.hcl.tables` rewrites `grammar/hcl-tables.json`, and a
test fails when the shipped file differs from a fresh build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from p1lint import lark_tables
from p1lint.resources import data_dir

GRAMMAR_FILE = "hcl.lark"
TABLES_FILE = "hcl-tables.json"
STARTS = ["start", "heredoc_template"]  # a file; the text of a heredoc that interpolates
OPTIONS: dict[str, Any] = {"parser": "lalr", "lexer": "contextual", "start": STARTS}


def grammar_path() -> Path:
    return data_dir("grammar") / GRAMMAR_FILE


def tables_path() -> Path:
    return data_dir("grammar") / TABLES_FILE


def load_parser() -> Any:
    """The parser for the shipped grammar: from the shipped tables when they fit, else built."""
    from p1lint.documents.hcl.lexer import Newlines
    from p1lint.documents.hcl.transform import ToValues

    loaded = {"postlex": Newlines(), "transformer": ToValues()}
    return lark_tables.load(grammar_path(), tables_path(), build_parser, **loaded)


def build_parser(grammar: str) -> Any:
    from lark import Lark

    from p1lint.documents.hcl.lexer import Newlines
    from p1lint.documents.hcl.transform import ToValues

    return Lark(grammar, postlex=Newlines(), transformer=ToValues(), **OPTIONS)


def tables_text(grammar: str) -> str:
    """The JSON text of the tables for `grammar`, the same on every build."""
    return lark_tables.tables_text(build_parser(grammar), grammar)


def main() -> None:
    """Rewrite the shipped tables from the grammar."""
    grammar = grammar_path().read_text(encoding="utf-8")
    tables_path().write_text(tables_text(grammar), encoding="utf-8")
    print(f"wrote {tables_path()}")


if __name__ == "__main__":
    main()
