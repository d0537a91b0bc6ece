"""Loaders: formats, source positions, application extraction and every kind of bad input."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from p1lint.documents.applications import applications
from p1lint.documents.sources import SourceDocument, discover, parse_bytes, read_source
from p1lint.findings import InputError

JSON_TEXT = """{
  "name": "App",
  "redirectUris": [
    "https://a.example.com/cb",
    "https://b.example.com/cb#x"
  ],
  "corsSettings": {"behavior": "ALLOW_NO_ORIGINS"}
}
"""

YAML_TEXT = """# comment
name: App
redirectUris:
  - https://a.example.com/cb
  - "https://b.example.com/cb#x"
corsSettings:
  behavior: ALLOW_NO_ORIGINS
"""


def parsed(name: str, text: str | bytes) -> SourceDocument:
    raw = text.encode() if isinstance(text, str) else text
    document = parse_bytes(name, raw)
    assert isinstance(document, SourceDocument), document
    return document


@pytest.mark.parametrize(
    ("pointer", "json_position", "yaml_position"),
    [
        (("name",), (2, 11), (2, 7)),
        (("redirectUris", 1), (5, 5), (5, 5)),
        (("corsSettings", "behavior"), (7, 32), (7, 13)),
        (("corsSettings", "origins"), (7, 19), (7, 3)),  # absent: falls back to the parent
        ((), (1, 1), (2, 1)),
    ],
)
def test_positions_in_json_and_yaml(pointer, json_position, yaml_position):
    assert parsed("a.json", JSON_TEXT).position(pointer) == json_position
    assert parsed("a.yaml", YAML_TEXT).position(pointer) == yaml_position


def test_merge_keys_and_modest_aliases_are_fine():
    document = parsed("a.yaml", "base: &b {p: 1}\nm:\n  <<: *b\n  q: 2\nn: *b\n")
    assert document.data["m"] == {"p": 1, "q": 2} and document.data["n"] == {"p": 1}
    assert document.position(("m",)) == (3, 3)


def test_json_and_yaml_give_the_same_data():
    assert parsed("a.json", JSON_TEXT).data == parsed("a.yaml", YAML_TEXT).data


def test_yaml_timestamps_stay_strings():
    document = parsed("a.yaml", "createdAt: 2024-01-01T10:00:00.000Z\n")
    assert document.data == {"createdAt": "2024-01-01T10:00:00.000Z"}


def test_tab_indented_json_positions():
    document = parsed("a.json", '{\n\t"a": [1,\n\t\t"x"]}')
    assert document.position(("a", 1)) == (3, 3)


def test_utf8_bom_is_accepted():
    assert parsed("a.json", b'\xef\xbb\xbf{"name": "x"}').data == {"name": "x"}


def test_content_decides_format_without_suffix():
    assert parsed("<stdin>", '{"a": 1}').data == {"a": 1}
    assert parsed("<stdin>", "a: 1\n").data == {"a": 1}


@pytest.mark.parametrize(
    ("name", "raw", "position", "fragment"),
    [
        ("a.json", b'{"a": [1,]}', (1, 10), "trailing comma"),
        ("a.json", b'{"a": 1', (1, 8), "invalid JSON"),
        ("a.yaml", b"a: [1, 2\n", (2, 1), "invalid YAML"),
        ("a.yaml", b"a: 1\n b: 2\n", (2, 3), "invalid YAML"),
        ("a.json", b"", (1, 1), "empty file"),
        ("a.yaml", b"  \n\n", (1, 1), "empty file"),
        ("a.json", b"\x00\x01binary", (1, 1), "binary file"),
        ("a.json", b'{\n"n": "\xff"}', (2, 7), "not UTF-8"),
        ("a.yaml", b"a: 1\n---\nb: 2\n", (1, 1), "one YAML document"),
        ("a.json", b"[" * 100_000, (1, 1), "invalid JSON"),
        ("a.yaml", b"a: &a [*a]\n", (1, 8), "YAML aliases expand"),
        ("a.yaml", b"a: &a {b: *a}\n", (1, 11), "YAML aliases expand"),
        ("a.yaml", b"".join(
            b"a%d: &a%d [%s]\n" % (i, i, b", ".join([b"*a%d" % (i - 1)] * 9) if i else b"x, x, x, x, x, x, x, x, x")
            for i in range(9)), (2, 10), "YAML aliases expand"),
    ],
)
def test_bad_input_is_an_error_with_position(name, raw, position, fragment):
    error = parse_bytes(name, raw)
    assert isinstance(error, InputError)
    assert (error.line, error.column) == position
    assert fragment in error.message


def test_unreadable_path_is_an_error(tmp_path):
    error = read_source(str(tmp_path / "missing.json"))
    assert isinstance(error, InputError)
    assert error.message.startswith("cannot read file")


def test_discover_expands_directories_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.json", "sub/b.yaml", "sub/c.yml", "notes.txt", "sub/d.JSON"):
        (tmp_path / name).write_text("{}")
    found = [p.replace(str(tmp_path), "") for p in discover([str(tmp_path)])]
    assert found == ["/a.json", "/sub/b.yaml", "/sub/c.yml", "/sub/d.JSON"]


def test_discover_skips_hidden_files_and_directories(tmp_path):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push")
    (tmp_path / ".settings.json").write_text("{}")
    (tmp_path / "app.json").write_text("{}")
    assert [p.replace(str(tmp_path), "") for p in discover([str(tmp_path)])] == ["/app.json"]


def test_directory_without_data_files_is_an_error(tmp_path):
    [found] = discover([str(tmp_path)])
    error = read_source(found)
    assert isinstance(error, InputError)
    expected = "no Terraform JSON, JSON, HCL or YAML files found in this directory"
    assert (error.file, error.message) == (str(tmp_path), expected)


def test_discover_keeps_files_and_stdin():
    assert list(discover(["-", "x.json"])) == ["-", "x.json"]


@pytest.mark.parametrize(
    ("data", "pointers"),
    [
        ({"name": "a"}, [()]),
        ([{"name": "a"}, {"name": "b"}], [(0,), (1,)]),
        ({"_embedded": {"applications": [{"name": "a"}]}, "count": 1},
         [("_embedded", "applications", 0)]),
        ("text", [()]),
    ],
)
def test_applications_in_each_document_shape(data, pointers):
    assert [located.pointer for located in applications(data)] == pointers


@pytest.mark.parametrize(
    ("name", "raw", "pointer", "offset", "expected"),
    [
        ("a.json", b'{"v": "${\\"x\\" + user.name}"}', ("v",), 8, (1, 18)),
        ("a.json", b'{"v": "\\u00e9${x}"}', ("v",), 1, (1, 14)),
        ("a.yaml", b"v: '${''x'' + user.name}'\n", ("v",), 8, (1, 15)),
        ("a.yaml", b"v: ${user.x}\n", ("v",), 2, (1, 6)),
        ("a.yaml", b"v: ${user.x}\n", ("v",), 99, (1, 13)),
        ("a.yaml", b"v: >-\n  ${user.name.given +\n  ' ' + user.x}\n", ("v",), 29, (3, 12)),
        ("a.yaml", b"v: |\n  ${user.x}\n", ("v",), 2, (2, 5)),
        ("a.yaml", b'v: "${user.name.given +\n   user.x}"\n', ("v",), 25, (2, 9)),
        ("a.yaml", b"v: ${user.name.given +\n   user.x}\n", ("v",), 25, (2, 9)),
    ],
)
def test_positions_inside_strings(name, raw, pointer, offset, expected):
    assert parsed(name, raw).span_in_string(pointer, offset)[:2] == expected


@pytest.mark.parametrize(
    ("name", "raw", "repeated", "kept_at"),
    [
        ("a.json", b'{"a": 1,\n "b": {"x": 1, "x": 2},\n "a": 3}', [("a",), ("b", "x")], (3, 7)),
        ("a.json", b'[{"k": 1, "k": 2}, {"k": 3}]', [(0, "k")], (1, 16)),
        ("a.yaml", b"a: 1\nb:\n  x: 1\n  x: 2\na: 3\n", [("a",), ("b", "x")], (5, 4)),
        ("a.yaml", b"base: &b {p: 1}\nm:\n  <<: *b\n  p: 2\n", [], None),
        ("a.json", b'{"a": 1, "b": 2}', [], None),
    ],
)
def test_repeated_keys_are_recorded_and_the_last_value_is_kept(name, raw, repeated, kept_at):
    document = parsed(name, raw)
    assert list(document.duplicate_keys) == repeated
    if kept_at:
        assert document.position(repeated[0]) == kept_at


# YAML, the reference here, refuses control characters and reads U+2028/U+2029/U+0085/U+FEFF
# as line breaks or marks; JSON text with them is compared by the table tests above instead.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x85\ufeff\ufffe\uffff"), max_size=8)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(value=JSON_VALUES, indent=st.sampled_from([None, 0, 2, "\t"]))
def test_json_positions_agree_with_the_yaml_walk(value, indent):
    """The fast JSON pass and the libyaml walk give every value the same start and end."""
    from p1lint.documents.jsonpositions import json_offsets
    from p1lint.documents.yamlpositions import yaml_offsets

    text = json.dumps(value, indent=indent, ensure_ascii=False)
    assert json_offsets(text) == yaml_offsets(text)


@pytest.mark.parametrize(
    ("raw", "position"),
    [
        (b"clientSecret: !hunter2-secret abc\n", (1, 15)),
        (b"clientSecret: !<tag:hunter2-secret> abc\n", (1, 15)),
        (b"%TAG !s! tag:hunter2-secret:\n---\nclientSecret: !s!x abc\n", (3, 15)),
        (b"clientSecret: !!hunter2-secret abc\n", (1, 15)),
        (b"clientSecret: *hunter2-secret\n", (1, 15)),
        (b"a: &hunter2-secret 1\nb: &hunter2-secret 2\n", (2, 4)),
    ],
)
@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_yaml_errors_never_quote_a_tag_alias_or_anchor_name(monkeypatch, raw, position, loader):
    import yaml

    from p1lint.documents import yamlloader

    monkeypatch.setattr(yaml, "CSafeLoader", getattr(yaml, loader, yaml.SafeLoader))
    yamlloader.data_loader.cache_clear()
    try:
        error = parse_bytes("a.yaml", raw)
    finally:
        yamlloader.data_loader.cache_clear()
    assert isinstance(error, InputError)
    assert (error.line, error.column) == position
    assert "hunter2" not in error.message
