"""LALR parse tables of a lark grammar, shipped as JSON data beside the grammar.

Building the tables of a grammar takes lark a tenth of a second or more; loading them takes a few
milliseconds. Each grammar's module (`p1lint.expressions.tables`, `p1lint.documents.hcl.tables`) builds them
during development (`python -m <module>` rewrites the file) and reads them with lark's own loader
for serialized parsers. The file is JSON, never a pickle, and it is package data, never a file from
the user's cache directory: nothing p1lint reads from disk can run code. A test per grammar fails
when the shipped file differs from a fresh build.

The file records the SHA-256 of the grammar text and lark's version. When either differs from what
is installed (an edited grammar, another lark release) the caller builds the tables from the
grammar in memory instead: slower, never wrong, and nothing is written anywhere.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = 1


def load(grammar_file: Path, tables_file: Path, build: Callable[[str], Any], **options: Any) -> Any:
    """The parser of the grammar in `grammar_file`: from the tables in `tables_file` when they fit
    it, else `build(grammar)`. `options` are the load-time options (`postlex`, `transformer`)."""
    grammar = grammar_file.read_text(encoding="utf-8")
    try:
        shipped = json.loads(tables_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        shipped = None
    if _fits(shipped, grammar):
        try:
            return _from_tables(shipped, options)
        except Exception:  # a damaged file fails in lark's loader in many ways: build instead
            pass
    return build(grammar)


def tables_text(parser: Any, grammar: str) -> str:
    """The JSON text of the tables of `parser`, built from `grammar`: the same on every build
    (states are numbered in a canonical order, not in the order of Python's randomized set
    iteration). A post-lexer or transformer is code: it is given again when the tables are loaded."""
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    data["options"].update(postlex=None, transformer=None)
    data["parser"]["parser"] = _canonical_table(data["parser"]["parser"])
    document = {"format": FORMAT, "lark": _lark_version(), "grammar_sha256": _digest(grammar),
                "data": data, "memo": memo}  # fmt: skip
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True) + "\n"


def _fits(shipped: Any, grammar: str) -> bool:
    return (
        isinstance(shipped, dict)
        and shipped.get("format") == FORMAT
        and shipped.get("grammar_sha256") == _digest(grammar)
        and _minor(shipped.get("lark")) == _minor(_lark_version())
    )


def _from_tables(shipped: dict[str, Any], options: dict[str, Any]) -> Any:
    from lark import Lark

    data, memo = shipped["data"], shipped["memo"]
    data["parser"]["parser"] = _integer_keys(data["parser"]["parser"])
    # lark's loader for serialized parsers (what its standalone tool calls); it never unpickles
    return Lark._load_from_dict(data, _keyed_by_int(memo), **options)  # type: ignore[no-untyped-call]


def _integer_keys(table: dict[str, Any]) -> dict[str, Any]:
    """JSON object keys are strings; lark's parse table is keyed by state and token numbers."""
    states = {int(state): _keyed_by_int(actions) for state, actions in table["states"].items()}
    return {**table, "tokens": _keyed_by_int(table["tokens"]), "states": states}


def _keyed_by_int(mapping: dict[str, Any]) -> dict[int, Any]:
    return {int(key): value for key, value in mapping.items()}


def _canonical_table(table: dict[str, Any]) -> dict[str, Any]:
    """Renumber tokens by name and states breadth-first from the start states, following the
    actions in token-name order: equal tables get equal numbers, whatever order lark built them in."""
    names: dict[int, str] = table["tokens"]
    order = sorted(names.values())
    token_number = {name: number for number, name in enumerate(order)}
    state_number = _state_numbers(table, names)
    states = {
        state_number[state]: {
            token_number[names[token]]: [action, state_number[arg] if action == 0 else arg]
            for token, (action, arg) in actions.items()
        }
        for state, actions in table["states"].items()
    }
    renumber = {name: state_number[state] for name, state in table["start_states"].items()}
    ends = {name: state_number[state] for name, state in table["end_states"].items()}
    return {"tokens": dict(enumerate(order)), "states": states, "start_states": renumber, "end_states": ends}


def _state_numbers(table: dict[str, Any], names: dict[int, str]) -> dict[int, int]:
    numbers: dict[int, int] = {}
    queue = deque(table["start_states"][name] for name in sorted(table["start_states"]))
    while queue:
        state = queue.popleft()
        if state in numbers:
            continue
        numbers[state] = len(numbers)
        actions = table["states"][state]
        for token in sorted(actions, key=names.__getitem__):
            action, arg = actions[token]
            if action == 0:  # a shift (or goto): arg is the next state
                queue.append(arg)
    for state in sorted(set(table["states"]) - set(numbers)):  # unreachable: none expected
        numbers[state] = len(numbers)
    return numbers


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _lark_version() -> str:
    import lark

    return str(lark.__version__)


def _minor(version: Any) -> list[str] | None:
    return version.split(".")[:2] if isinstance(version, str) else None
