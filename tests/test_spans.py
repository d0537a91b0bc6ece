"""Spans: every value from its first character to the one after its last (SARIF's endColumn), in
JSON and YAML alike, with the editor's line breaks and columns counted in characters."""

from __future__ import annotations

import re

import pytest

from p1lint.documents.formats import FORMATS, format_for
from p1lint.documents.sources import SourceDocument, parse_bytes
from p1lint.documents.spans import Span


def parsed(name: str, text: str) -> SourceDocument:
    document = parse_bytes(name, text.encode())
    assert isinstance(document, SourceDocument), document
    return document


def selected(text: str, span: Span) -> str:
    """The text an editor selects from the span's start to its end."""
    starts = [0, *(match.end() for match in re.finditer(r"\r\n?|\n", text))]
    return text[starts[span.line - 1] + span.column - 1 : starts[span.end_line - 1] + span.end_column - 1]


JSON_OBJECT = '{\n  "a": [1, 2],\n  "b": {"c": null}\n}\n'
YAML_BLOCKS = "a:\n  b: 1   # c\n  # comment\n\nc: |\n  x\n  y\n\n\nd: >-\n  p\n  q  \ne:\nf: plain\n  multi\n  line  # c\n"

SPANS = [
    # JSON: a scalar is its token, a container runs to its closing bracket
    ("f.json", '{"a": "xy"}', ("a",), (1, 7, 1, 11), '"xy"'),
    ("f.json", '{"a": -1.5e3, "b": true}', ("a",), (1, 7, 1, 13), "-1.5e3"),
    ("f.json", '{"a": -1.5e3, "b": true}', ("b",), (1, 20, 1, 24), "true"),
    ("f.json", JSON_OBJECT, (), (1, 1, 4, 2), JSON_OBJECT.rstrip()),
    ("f.json", JSON_OBJECT, ("a",), (2, 8, 2, 14), "[1, 2]"),
    ("f.json", JSON_OBJECT, ("b",), (3, 8, 3, 19), '{"c": null}'),
    ("f.json", JSON_OBJECT, ("b", "c"), (3, 14, 3, 18), "null"),
    ("f.json", JSON_OBJECT, ("b", "missing"), (3, 8, 3, 19), '{"c": null}'),  # the nearest ancestor
    ("f.json", '{"a": [], "b": {}}', ("a",), (1, 7, 1, 9), "[]"),
    ("f.json", '{"a": [], "b": {}}', ("b",), (1, 16, 1, 18), "{}"),
    ("f.json", '{"a": "\\"\\u00e9\\\\"}', ("a",), (1, 7, 1, 19), '"\\"\\u00e9\\\\"'),
    ("f.json", '{"é": "ü😀", "n": 1}', ("n",), (1, 18, 1, 19), "1"),
    ("f.json", '{"é": "ü😀", "n": 1}', ("é",), (1, 7, 1, 11), '"ü😀"'),
    ("f.json", '{"d": "a\u2028b", "n": [1,\r\n 2]}', ("n",), (1, 19, 2, 4), "[1,\r\n 2]"),
    ("f.json", '{"a": 1,\r "a": [2,\r 3]}', ("a",), (2, 7, 3, 4), "[2,\r 3]"),  # a repeated key: the last
    # YAML: scalars at their marks; block scalars without their trailing blank lines
    ("f.yaml", "a: xy\n", ("a",), (1, 4, 1, 6), "xy"),
    ("f.yaml", "a: 'q''s'  # c\n", ("a",), (1, 4, 1, 10), "'q''s'"),
    ("f.yaml", 'a: "dq\n  x"\nb: 1\n', ("a",), (1, 4, 2, 5), '"dq\n  x"'),
    ("f.yaml", YAML_BLOCKS, ("f",), (14, 4, 16, 7), "plain\n  multi\n  line"),
    ("f.yaml", YAML_BLOCKS, ("c",), (5, 4, 7, 4), "|\n  x\n  y"),
    ("f.yaml", YAML_BLOCKS, ("d",), (10, 4, 12, 4), ">-\n  p\n  q"),
    ("f.yaml", YAML_BLOCKS, ("e",), (13, 3, 13, 3), ""),  # empty: the place after the colon
    # block collections end where their last entry does, before comments and blank lines
    ("f.yaml", YAML_BLOCKS, ("a",), (2, 3, 2, 7), "b: 1"),
    ("f.yaml", YAML_BLOCKS, (), (1, 1, 16, 7), YAML_BLOCKS[: YAML_BLOCKS.index("  # c\n", 60)]),
    ("f.yaml", "a:\n- 1\n- [2, {h: 3}]\n\n# end\n", ("a",), (2, 1, 3, 14), "- 1\n- [2, {h: 3}]"),
    ("f.yaml", "a:\n- 1\n- [2, {h: 3}]\n", ("a", 1), (3, 3, 3, 14), "[2, {h: 3}]"),
    ("f.yaml", "a:\n- 1\n- [2, {h: 3}]\n", ("a", 1, 1), (3, 7, 3, 13), "{h: 3}"),
    ("f.yaml", "a:\n  - x\n  -\n", ("a",), (2, 3, 3, 4), "- x\n  -"),
    ("f.yaml", "a:\r\n  b: [1,\r\n    2]\r\n  c: é😀\r\n", ("a",), (2, 3, 4, 8), "b: [1,\r\n    2]\r\n  c: é😀"),
    ("f.yaml", "a:\r\n  b: [1,\r\n    2]\r\n  c: é😀\r\n", ("a", "c"), (4, 6, 4, 8), "é😀"),
    ("f.yaml", 'd: "x\u2028y"\ne: [1,\r 2]\n', ("e",), (2, 4, 3, 4), "[1,\r 2]"),
    # an alias is placed at its anchor; a collection that ends with one ends at its own mark
    ("f.yaml", "x: &A {p: 1}\ny:\n  q: 2\n  z: *A\n", ("y",), (3, 3, 4, 8), "q: 2\n  z: *A"),
    ("f.yaml", "x: &A {p: 1}\ny:\n  q: 2\n  z: *A\n", ("y", "z"), (3, 3, 4, 8), "q: 2\n  z: *A"),
    ("f.yaml", "x: &A 1\ny:\n- *A\n", ("y",), (3, 1, 3, 5), "- *A"),
]


@pytest.mark.parametrize(("name", "text", "pointer", "span", "text_of_span"), SPANS)
def test_spans(name, text, pointer, span, text_of_span):
    found = parsed(name, text).span(pointer)
    assert (found, selected(text, found)) == (span, text_of_span)


@pytest.mark.parametrize(
    ("name", "text", "offset", "span"),
    [
        ("f.json", '{"v": "${user.x}"}', 2, (1, 10, 1, 18)),
        ("f.json", '{"v": "\\u00e9${x}"}', 1, (1, 14, 1, 19)),
        ("f.yaml", "v: >-\n  ${user.name.given +\n  ' ' + user.x}\n", 29, (3, 12, 3, 16)),
        ("f.yaml", "v: ${user.x}\n", 99, (1, 13, 1, 13)),  # past the end: an empty span there
    ],
)
def test_spans_inside_strings_start_at_the_offset_and_end_with_the_value(name, text, offset, span):
    assert parsed(name, text).span_in_string(("v",), offset) == span


@pytest.mark.parametrize(
    ("name", "text", "format_name"),
    [
        ("a.json", "a: 1", "JSON"),  # the suffix decides, even against the content
        ("a.YML", '{"a": 1}', "YAML"),
        ("<stdin>", ' {"a": 1}', "JSON"),
        ("<stdin>", "a: 1", "YAML"),
        ("a.txt", "[1]", "JSON"),
    ],
)
def test_the_suffix_then_the_content_decides_the_format(name, text, format_name):
    assert format_for(name, text).name == format_name


def test_every_format_has_a_name_and_distinct_suffixes():
    suffixes = [suffix for each in FORMATS for suffix in each.suffixes]
    assert len(set(suffixes)) == len(suffixes)
    assert all(suffix.startswith(".") and suffix == suffix.lower() for suffix in suffixes)
    assert len({each.name for each in FORMATS}) == len(FORMATS)


def test_a_document_keeps_its_format():
    assert parsed("a.json", "[1]").format.name == "JSON"
    assert parsed("a.yaml", "[1]").format.name == "YAML"
