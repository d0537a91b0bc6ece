"""Positions follow the editor's line breaks (`\\n`, `\\r\\n`, `\\r`) in JSON and YAML alike."""

from __future__ import annotations

import json

import pytest

from p1lint.documents.lines import LineIndex, byte_position, split_lines
from p1lint.documents.sources import SourceDocument, parse_bytes
from p1lint.findings import InputError

# Characters Python's `str.splitlines` (and, for the last three, YAML 1.1) treat as line breaks,
# which an editor shows inside the line.
NOT_LINE_BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
IN_TEXT = ["\x85", "\u2028", "\u2029"]  # the ones JSON strings and YAML text may hold raw


def parsed(name: str, text: str) -> SourceDocument:
    document = parse_bytes(name, text.encode())
    assert isinstance(document, SourceDocument), document
    return document


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("suffix", ["json", "yaml"])
def test_each_line_ending_counts_once(newline, suffix):
    lines = ['{"a": 1,', ' "b": [', '  "x",', '  "y"],', ' "c": 2}'] if suffix == "json" else \
        ["a: 1", "b:", "  - x", "  - y", "c: 2"]
    document = parsed(f"f.{suffix}", newline.join(lines) + newline)
    assert document.position(("b", 1)) == (4, 3 if suffix == "json" else 5)
    assert document.position(("c",)) == (5, 7 if suffix == "json" else 4)


@pytest.mark.parametrize("character", IN_TEXT)
@pytest.mark.parametrize("suffix", ["json", "yaml"])
def test_unicode_line_separators_stay_inside_their_line(character, suffix):
    if suffix == "json":
        text = f'{{"d": "one{character}two",\n "e": [\n  "x"]}}\n'
        expected = {("e",): (2, 7), ("e", 0): (3, 3)}
    else:
        text = f'd: "one{character}two"\ne:\n  - x\n'
        expected = {("e",): (3, 3), ("e", 0): (3, 5)}
    document = parsed(f"f.{suffix}", text)
    assert {pointer: document.position(pointer) for pointer in expected} == expected


def test_a_value_after_separators_is_on_the_same_line():
    text = '{"d": "' + "\u2028".join("abc") + '", "e": 1}'
    column = text.index("1") + 1
    assert parsed("f.json", text).position(("e",)) == (1, column)
    assert parsed("f.yaml", text).position(("e",)) == (1, column)


def test_positions_inside_strings_after_separators():
    text = 'a: "x\u2028y"\nv: "${user.x}"\n'
    assert parsed("f.yaml", text).span_in_string(("v",), 2) == (2, 7, 2, 15)


@pytest.mark.parametrize(
    ("name", "text", "position"),
    [
        ("f.json", '{"a": 1,\r "b": 2,\r "c": }', (3, 7)),
        ("f.json", '{"a": "\u2028",\n "c": }', (2, 7)),
        ("f.yaml", "a: 1\rb: [1,\r  2\r", (4, 1)),
        ("f.yaml", 'a: "\u2028"\nb: [\n', (3, 1)),
    ],
)
def test_error_positions_follow_the_same_line_breaks(name, text, position):
    error = parse_bytes(name, text.encode())
    assert isinstance(error, InputError)
    assert (error.line, error.column) == position


def test_undecodable_bytes_are_placed_with_the_same_line_breaks():
    error = parse_bytes("f.json", b'{"a": 1,\r "b": "\xff"}')
    assert isinstance(error, InputError)
    assert (error.line, error.column) == (2, 8)
    assert byte_position(b"a\r\nb\nc\rd\xff", 8) == (4, 2)


@pytest.mark.parametrize("character", NOT_LINE_BREAKS)
def test_line_index_and_split_lines_ignore_other_breaks(character):
    text = f"a{character}b\nc\r\nd\re"
    assert split_lines(text) == [f"a{character}b", "c", "d", "e"]
    assert LineIndex(text).position(text.index("e")) == (4, 1)
    assert LineIndex(text).position(text.index("b")) == (1, 3)


def test_split_lines_keeps_str_splitlines_ending_rules():
    assert split_lines("a\nb\n") == ["a", "b"]
    assert split_lines("a\n\n") == ["a", ""]
    assert split_lines("") == [""]


def test_long_strings_are_scanned_without_backtracking():
    from p1lint.documents.jsonpositions import json_offsets

    escaped = json.dumps({"a": '\\"' * 50_000 + "x" * 200_000, "b": [1, "\\"]})
    offsets = json_offsets(escaped)
    assert offsets[("b", 1)] == (len(escaped) - 6, len(escaped) - 2)


def test_large_yaml_with_a_star_and_without_aliases_loads():
    items = "".join(f"  - https://app.example.com/cb/{index}\n" for index in range(60_000))
    text = "name: 'a * b'\nredirectUris:\n" + items + "more:\n" + items
    document = parsed("f.yaml", text)
    assert len(document.data["redirectUris"]) == 60_000


def test_aliases_that_expand_in_proportion_to_the_file_load():
    shared = "shared: &s {a: 1, b: [1, 2], c: {d: 1}}\n"
    uses = "".join(f"k{index}: *s\n" for index in range(30_000))  # 150,000 aliased values
    document = parsed("f.yaml", shared + uses)
    assert document.data["k29999"] == {"a": 1, "b": [1, 2], "c": {"d": 1}}


def test_an_alias_bomb_is_refused_at_its_first_alias():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 30)]
    error = parse_bytes("f.yaml", ("# header\n" + "\n".join(lines)).encode())
    assert isinstance(error, InputError)
    assert (error.line, error.column, "YAML aliases expand" in error.message) == (3, 10, True)


def test_json_spans_read_on_demand_agree_with_the_whole_pass() -> None:
    """Spans found container by container, with only a few containers kept, are those of the
    pass over every value, whatever the order of the lookups."""
    import random

    from p1lint.documents import jsonpositions
    from p1lint.documents.jsonpositions import JsonOffsets, json_offsets

    value = {"applications": [{"name": f"a{i}", "redirectUris": [f"https://x/{j}" for j in range(i % 4)],
                               "nested": {"k\\\"ey": [i, {"deep": None}]}} for i in range(60)], "count": 60}
    text = json.dumps(value, indent=2)
    every = json_offsets(text)
    pointers = [*every, ("applications", 99), ("missing",), ("count", "x")]
    random.Random(7).shuffle(pointers)
    original = jsonpositions.MAX_CONTAINERS
    try:
        jsonpositions.MAX_CONTAINERS = 3
        lazy = JsonOffsets(text)
        assert [lazy.get(pointer) for pointer in pointers] == [every.get(pointer) for pointer in pointers]
        assert len(lazy._members) <= 3
    finally:
        jsonpositions.MAX_CONTAINERS = original
