"""The public API others build on: names, value types, errors, carets, positions."""

from __future__ import annotations

import dataclasses

import pytest

import p1lint.expressions as expressions
from p1lint.expressions import (
    Diagnostic,
    ExpressionSyntaxError,
    ast,
    check_expression,
    parse_expression,
    render_caret,
)


def test_public_names() -> None:
    for name in (
        "check_expression",
        "parse_expression",
        "Diagnostic",
        "render_caret",
        "ExpressionSyntaxError",
    ):
        assert name in expressions.__all__ and hasattr(expressions, name)


def test_diagnostic_is_an_immutable_value() -> None:
    found = check_expression("${user.emial}")[0]
    assert found == Diagnostic("unknown-attribute", "warning", found.message, 1, 8, 13)
    with pytest.raises(AttributeError):
        found.code = "x"  # type: ignore[misc]


def test_syntax_error_carries_its_diagnostic() -> None:
    with pytest.raises(ExpressionSyntaxError) as raised:
        parse_expression("${user.email +}")
    assert raised.value.diagnostic[:2] == ("syntax-error", "error")
    assert (raised.value.diagnostic.line, raised.value.diagnostic.column) == (1, 15)
    assert str(raised.value) == raised.value.diagnostic.message


@pytest.mark.parametrize(
    ("source", "code"), [("Hello ${world}", "syntax-error"), ("${" + "!" * 200 + "a}", "too-deep")]
)
def test_parse_expression_raises_for_every_value_it_cannot_turn_into_a_tree(source: str, code: str) -> None:
    with pytest.raises(ExpressionSyntaxError) as raised:
        parse_expression(source)
    assert raised.value.diagnostic.code == code


def test_caret_under_the_column() -> None:
    source = "${1 +}"
    assert render_caret(source, check_expression(source)[0]) == "${1 +}\n     ^"


def test_caret_spans_to_the_end_column() -> None:
    source = "${user.emial}"
    assert render_caret(source, check_expression(source)[0]) == "${user.emial}\n       ^^^^^"


def test_caret_on_the_right_line_keeps_tabs() -> None:
    source = "${user.email\n\t\tuser.id}"
    error = next(item for item in check_expression(source) if item.code == "syntax-error")
    assert render_caret(source, error) == "\t\tuser.id}\n\t\t^"


def test_caret_at_the_end_of_input() -> None:
    source = "${user.email"
    assert render_caret(source, check_expression(source)[0]).splitlines()[1] == " " * 12 + "^"


def test_caret_replaces_unprintable_characters_one_for_one() -> None:
    source = "${a\x00\ud800}"
    caret = render_caret(source, check_expression(source)[0])
    assert caret == "${a??}\n   ^"
    caret.encode("utf-8")


def test_caret_survives_positions_outside_the_source() -> None:
    assert render_caret("", Diagnostic("syntax-error", "error", "m", 9, 9)) == "\n^"


def test_every_parsed_node_has_a_position_inside_the_source() -> None:
    source = "$${#string.trim(user.name['given']) + {'a': -1}[x] ?: (c ? d : e).![#this]}"
    tree = parse_expression(source)
    for node in ast.walk(tree):
        assert node.line == 1 and 1 <= node.column <= len(source), node
        assert node.column < node.end_column <= len(source) + 1, node


def test_positions_do_not_take_part_in_equality() -> None:
    assert parse_expression("${ user.email }") == parse_expression("${user.email}")
    assert parse_expression("${ user.email }").body.column == 4  # type: ignore[attr-defined]


def test_nodes_are_frozen() -> None:
    node = parse_expression("${user}")
    with pytest.raises(dataclasses.FrozenInstanceError):
        node.line = 2  # type: ignore[misc]


def test_custom_attributes_may_carry_the_user_prefix() -> None:
    assert check_expression("${user.badge}", custom_attributes=["user.badge"]) == []
    assert check_expression("${user.badge.color}", custom_attributes=["badge"]) == []


def test_results_are_in_source_order() -> None:
    found = check_expression("${#x + user.emial+'a'}")
    assert [(item.line, item.column) for item in found] == sorted((item.line, item.column) for item in found)


@pytest.mark.parametrize(
    ("value", "expression"),
    [
        ("email", "${user.email}"),
        ("user.name.given", "${user.name.given}"),
        ("user.email + '!'", "${user.email + '!'}"),
        ("{user.email}", "${user.email}"),
        ("$user.email", "${user.email}"),
        ("myClaimValue", None),
        ('{"tier": "gold"}', None),
        ("Hello World", None),
    ],
)
def test_a_literal_is_information_with_the_expression_it_may_have_meant(value: str, expression: str | None) -> None:
    [found] = check_expression(value)
    assert (found.code, found.severity) == ("literal-value", "info")
    assert found.message.startswith("this is a literal and will not be evaluated")
    assert (f"write {expression}" in found.message) if expression else ("write" not in found.message)


def test_an_unknown_root_is_an_error() -> None:
    [found] = check_expression("${actor.client_id}")
    assert (found.code, found.severity, found.column) == ("unknown-root", "error", 3)
