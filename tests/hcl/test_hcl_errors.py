"""Text that is not HCL: an input error at the line and column of the problem, saying what is
wrong in HCL's terms and never quoting a name, string or number of the file."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from p1lint.cli import cli
from p1lint.documents.hcl.lexer import MAX_NESTING
from p1lint.documents.hclformat import HCL
from p1lint.documents.sources import parse_bytes
from p1lint.findings import InputError


def error(text: str) -> InputError:
    found = parse_bytes("main.tf", text.encode())
    assert isinstance(found, InputError), found
    return found


ERRORS = [
    # text, line, column, a fragment of the message
    ('a = "x\n', 1, 5, "a quoted string must end on its line"),
    ("a = 1 b = 2\n", 1, 7, "expected a line break"),
    ("v = {\n  b = 1 c = 2\n}\n", 2, 9, "expected ',' or a line break"),
    ('resource "t" "n" {\n  a = 1\n', 1, 18, "this '{' is never closed"),
    ("a = [1, 2\n", 1, 5, "this '[' is never closed"),
    ('a = "${x\n', 1, 6, "this '${' is never closed"),
    ("a = [1 2]\n", 1, 8, "expected an operator, ',' or ']'"),
    ("a = 1 +\n2\n", 1, 8, "unexpected line break; expected a value"),
    ("a = 1\nb\n", 2, 2, 'expected "=" (an attribute)'),
    ("@\n", 1, 1, "unexpected '@'"),
    ("\t\t%[1]s\n", 1, 3, "unexpected '%'; expected an attribute or a block"),
    ('a = "\\q"\n', 1, 6, "an escape a quoted string cannot have"),
    ('a = "\\uD800"\n', 1, 6, "surrogate"),
    ('a = "\\U00110000"\n', 1, 6, "beyond 10FFFF"),
    ("a = <<EOF\nx\n", 1, 5, "whose marker never comes again alone on a line"),
    ("a = <<EOF\nx\n  EOFX\n", 1, 5, "whose marker never comes again"),
    ("a = /* x\n", 1, 5, "a comment (/*) that is never closed"),
    ('resource "${var.t}" "n" {}\n', 1, 10, "a block label is a literal string"),
    ('a = "x"\r', 1, 8, "a carriage return not followed by a line feed"),
    ("a = b.\n", 1, 7, "unexpected line break"),
    ("a = x ? 1\n", 1, 10, "unexpected line break"),
    ("a = { for = 1 }\n", 1, 11, "unexpected '='"),  # `{ for` begins a for expression
    ("a = <<EOF\n${x\nEOF\n", 2, 1, "this '${' is never closed"),  # inside a heredoc, placed in the file
    ("a = <<EOF\nok\n  ${ \"x }\nEOF\n", 3, 6, "a quoted string must end on its line"),
    ("b { c = 1 d = 2 }\n", 1, 11, "unexpected name; expected a line break"),
]


@pytest.mark.parametrize(("text", "line", "column", "fragment"), ERRORS)
def test_errors_are_placed_and_explained(text, line, column, fragment):
    found = error(text)
    assert (found.line, found.column) == (line, column), found.message
    assert found.message.startswith("invalid HCL: ") and fragment in found.message, found.message


@pytest.mark.parametrize(
    "text",
    [
        "client_secret = hunter2sEcReT other\n",
        'client_secret = "hunter2sEcReT" "x"\n',
        'a { client_secret = "hunter2sEcReT\n}\n',
        "a = hunter2sEcReT(\n",
        "hunter2sEcReT\n",
        'a = "${hunter2sEcReT hunter2sEcReT}"\n',
        "a = 12345678987654321 1\n",
    ],
)
def test_messages_never_quote_the_input(text):
    message = error(text).message
    assert "hunter2sEcReT" not in message and "12345678987654321" not in message


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * (MAX_NESTING + 5) + "]" * (MAX_NESTING + 5) + "\n",
        "a = " + "{ b = " * (MAX_NESTING + 5) + "1" + " }" * (MAX_NESTING + 5) + "\n",
        "b {\n" * (MAX_NESTING + 5) + "}\n" * (MAX_NESTING + 5),
        "a = " + "(" * 100_000 + "1" + ")" * 100_000 + "\n",
        'a = "' + "${\"" * 5_000 + "\"}" * 5_000 + '"\n',
    ],
)
def test_nesting_is_bounded(text):
    found = error(text)
    assert found.message == "invalid HCL: nested too deeply"


@pytest.mark.parametrize(
    "text",
    [
        "a = " + " + ".join(["x"] * 20_000) + "\n",  # long, but flat: no stack is exhausted
        "a = " + "!" * 20_000 + "x\n",
        "a = x" + ".y" * 20_000 + "\n",
        "a = " + "-" * 20_000 + "1\n",
    ],
)
def test_long_expressions_are_read_without_exhausting_the_stack(text):
    found = parse_bytes("main.tf", text.encode())
    assert not isinstance(found, InputError), found


def test_nesting_up_to_the_limit_is_read():
    depth = MAX_NESTING - 1
    found = parse_bytes("main.tf", ("a = " + "[" * depth + "]" * depth + "\n").encode())
    assert not isinstance(found, InputError), found


def test_a_bad_tf_file_is_exit_code_2_and_the_other_files_are_still_checked(tmp_path):
    bad = tmp_path / "main.tf"
    bad.write_text('resource "pingone_application" "x" {\n  name = "unterminated\n}\n')
    other = tmp_path / "app.json"
    other.write_text('{"name": "x", "protocol": "OPENID_CONNECT", "type": "WORKER", "enabled": true}')
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-color", str(bad), str(other)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert f"{bad}:2:10: invalid HCL: a quoted string must end on its line" in result.stderr
    assert str(other) in result.stdout


HCL_PIECES = ['resource "a" "b" {', "}", "{", "[", "]", "(", ")", '"', "${", "%{", "~", "$${", "%%{", "\\", "\\n",
              "\\u00e9", "\n", "\r\n", "\r", " ", "\t", "=", ":", ",", ".", "*", "...", "=>", "?", "!", "-", "+",
              "&&", "==", "<", "<<EOF\n", "<<-EOF\n", "EOF", "\nEOF\n", "for", "in", "if", "else", "endif", "endfor",
              "x", "var", "1", "1.5e3", "true", "null", "# c", "// c", "/*", "*/", "::", "é", "\u2028", "\x00"]


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(st.sampled_from(HCL_PIECES), max_size=40))
def test_any_text_is_a_document_or_an_input_error(pieces):
    text = "".join(pieces)
    found = HCL.parse("main.tf", text)
    if isinstance(found, InputError):
        assert found.message.startswith("invalid HCL: ") and found.line >= 1 and found.column >= 1
    else:
        for pointer in found.locator._offsets:
            span = found.span(pointer)
            assert (span.line, span.column) <= (span.end_line, span.end_column)
            found.span_in_string(pointer, 3)
