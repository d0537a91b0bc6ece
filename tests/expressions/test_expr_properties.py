"""Property tests: printed trees parse back equal; no input makes the checker raise."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from p1lint.expressions import (
    MAX_DEPTH,
    SEVERITIES,
    Diagnostic,
    ast,
    check_expression,
    checks,
    parse_expression,
    render_caret,
    to_source,
)
from p1lint.expressions.ast import depth

KEYWORDS = {
    "or", "and", "not", "eq", "ne", "lt", "le", "gt", "ge", "div", "mod", "matches", "between",
    "instanceof", "new", "true", "false", "null", "t",
}  # fmt: skip
BINARY_OPERATORS = [
    "?:", "or", "and", "==", "!=", "<", "<=", ">", ">=", "matches", "between", "instanceof",
    "+", "-", "*", "/", "%", "^",
]  # fmt: skip

identifiers = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,7}", fullmatch=True).filter(
    lambda name: name.lower() not in KEYWORDS
)
qualified_names = st.lists(identifiers, min_size=1, max_size=3).map(".".join)
numbers = st.from_regex(
    r"[0-9]{1,6}[lL]?|0[xX][0-9a-fA-F]{1,6}[lL]?|[0-9]{1,4}\.[0-9]{1,4}([eE][+-]?[0-9]{1,2})?[fFdD]?"
    r"|[0-9]{1,3}[eE][+-]?[0-9]{1,2}|[0-9]{1,3}[fFdD]",
    fullmatch=True,
)

leaves = st.one_of(
    st.builds(ast.StringLiteral, st.text(max_size=12)),
    st.builds(ast.NumberLiteral, numbers),
    st.builds(ast.BooleanLiteral, st.booleans()),
    st.just(ast.NullLiteral()),
    st.builds(ast.Name, identifiers),
    st.builds(ast.Variable, identifiers | st.sampled_from(["this", "root"])),
    st.builds(ast.TypeReference, qualified_names, st.integers(0, 2)),
    st.builds(ast.BeanReference, st.builds("{}{}".format, st.sampled_from("@&"), identifiers)),
)


def _method_target(node: ast.Node) -> bool:
    """`#lib.name(...)` is a helper call, so a method's target is never another variable."""
    return not isinstance(node, ast.Variable) or node.name in ("this", "root")


def _extend(children: st.SearchStrategy[ast.Node]) -> st.SearchStrategy[ast.Node]:
    some = st.lists(children, max_size=3).map(tuple)
    return st.one_of(
        st.builds(ast.BinaryOp, st.sampled_from(BINARY_OPERATORS), children, children),
        st.builds(ast.UnaryOp, st.sampled_from(["-", "+", "!"]), children),
        st.builds(ast.Ternary, children, children, children),
        st.builds(ast.PropertyAccess, children, identifiers, st.booleans()),
        st.builds(ast.Index, children, children),
        st.builds(ast.Selection, children, st.sampled_from(["all", "first", "last"]), children),
        st.builds(ast.Projection, children, children),
        st.builds(ast.HelperCall, identifiers.filter(lambda n: n not in ("this", "root")),
                  identifiers, some),
        st.builds(ast.MethodCall, children.filter(_method_target), identifiers, some,
                  st.booleans()),
        st.builds(ast.MethodCall, st.none(), identifiers, some),
        st.builds(ast.FunctionCall, identifiers, some),
        st.builds(ast.InlineList, some),
        st.builds(ast.InlineMap, st.lists(st.builds(ast.MapEntry, children, children),
                                          max_size=3).map(tuple)),
        st.builds(ast.Assignment, children, children),
        st.builds(ast.Step, st.sampled_from(["++", "--"]), children, st.booleans()),
        st.builds(ast.NewObject, qualified_names, some),
        st.builds(ast.NewArray, identifiers,
                  st.lists(st.none() | children, min_size=1, max_size=2).map(tuple),
                  st.none() | some),
    )  # fmt: skip


expressions = st.recursive(leaves, _extend, max_leaves=25)
templates = st.builds(ast.Template, expressions, st.booleans())


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates)
def test_printed_tree_parses_back_to_the_same_tree(tree: ast.Template) -> None:
    text = to_source(tree)
    assert parse_expression(text) == tree, text


@settings(max_examples=300, deadline=None)
@given(templates)
def test_printed_tree_reprints_identically(tree: ast.Template) -> None:
    text = to_source(tree)
    assert to_source(parse_expression(text)) == text


def _assert_only_diagnostics(source: str) -> None:
    found = check_expression(source)
    assert all(isinstance(item, Diagnostic) for item in found)
    for item in found:
        assert item.code in SEVERITIES and item.severity == SEVERITIES[item.code]
        assert item.line >= 1 and item.column >= 1
        render_caret(source, item).encode("utf-8")


any_text = st.text(st.characters(exclude_categories=()), max_size=80)
expression_alphabet = "${}()[]'\".,?:!#@&|+-*/%^<>= \t\n\r\x00\\abcnewTuserLx019eE_"


@settings(max_examples=1500, deadline=None)
@given(any_text)
def test_any_text_gives_only_diagnostics(source: str) -> None:
    _assert_only_diagnostics(source)


@settings(max_examples=1500, deadline=None)
@given(st.text(st.sampled_from(expression_alphabet), max_size=40))
def test_expression_like_text_gives_only_diagnostics(body: str) -> None:
    _assert_only_diagnostics("${" + body + "}")
    _assert_only_diagnostics("${" + body)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates, st.data())
def test_damaged_valid_expressions_give_only_diagnostics(tree: ast.Template, data: st.DataObject) -> None:
    text = to_source(tree)
    cut = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.text(st.sampled_from(expression_alphabet), max_size=2))
    _assert_only_diagnostics(text[:cut] + insert + text[cut + 1 :])


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=60))
def test_decoded_binary_gives_only_diagnostics(raw: bytes) -> None:
    _assert_only_diagnostics(raw.decode("utf-8", errors="surrogateescape"))
    _assert_only_diagnostics("${" + raw.decode("latin-1") + "}")


DEEP = 10_000  # far past the interpreter recursion limit (1000)
NESTINGS = {
    "parentheses": "${" + "(" * DEEP + "user.email" + ")" * DEEP + "}",
    "unclosed parentheses": "${" + "(" * DEEP + "user.email}",
    "unary minus": "${" + "-" * (2 * DEEP) + "1}",
    "not": "${" + "!" * DEEP + "user.enabled}",
    "property chain": "${user" + ".a" * DEEP + "}",
    "index chain": "${user" + "[0]" * DEEP + "}",
    "concatenation": "${" + "'a' + " * DEEP + "'b'}",
    "right-nested Elvis": "${" + "user.email ?: " * DEEP + "'x'}",
    "inline lists": "${" + "{" * DEEP + "}" * DEEP + "}",
    "helper calls": "${" + "#string.trim(" * DEEP + "user.email" + ")" * DEEP + "}",
    "selections": "${" + "user.memberOfGroupNames.?[" * DEEP + "true" + "]" * DEEP + "}",
    "ternaries": "${" + "a ? b : " * DEEP + "c}",
}


@pytest.mark.parametrize("source", NESTINGS.values(), ids=NESTINGS.keys())
def test_deep_nesting_gives_diagnostics_not_recursion_errors(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "MAX_LENGTH", len(source))  # exercise the parser, not the length caps
    monkeypatch.setattr(checks, "PINGONE_MAX_LENGTH", len(source))
    found = check_expression(source)
    assert found and {item.code for item in found} <= {"too-deep", "syntax-error"}


def test_overlong_values_are_not_parsed() -> None:
    source = "${" + "(" * DEEP + "user.email" + ")" * DEEP + "}"
    found = check_expression(source)
    assert [(item.code, item.line, item.column) for item in found] == [
        ("longer-than-pingone-accepts", 1, 1), ("too-long", 1, 1)]


def test_parentheses_leave_no_trace_in_the_tree() -> None:
    source = "${" + "(" * 50 + "user.email" + ")" * 50 + "}"
    assert parse_expression(source) == parse_expression("${user.email}")


def test_deep_brackets_are_too_deep_even_without_a_deep_tree() -> None:
    source = "${" + "(" * MAX_DEPTH + "user.email" + ")" * MAX_DEPTH + "}"
    assert [(item.code, item.column) for item in check_expression(source)] == [("too-deep", MAX_DEPTH + 2)]


@pytest.mark.parametrize("levels", [MAX_DEPTH - 1, MAX_DEPTH])
def test_nesting_within_the_limit_is_checked_and_printed(levels: int) -> None:
    source = "${" + "!" * (levels - 3) + "user.enabled}"  # template, the !s, '.', 'user'
    assert depth(parse_expression(source)) == levels
    assert check_expression(source) == []
    assert parse_expression(to_source(parse_expression(source))) == parse_expression(source)


def test_nesting_past_the_limit_is_too_deep() -> None:
    source = "${" + "!" * (MAX_DEPTH - 2) + "user.enabled}"
    assert [(item.code, item.column) for item in check_expression(source)] == [
        ("too-deep", 2 + MAX_DEPTH - 2 + 1)  # the 'user' that is one level too deep
    ]


def _calls_made(work: Callable[[], object]) -> int:
    """Python function calls `work` makes: a measure of work that the machine's load does not move."""
    calls = 0

    def count(frame: object, event: str, argument: object) -> None:
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        work()
    finally:
        sys.setprofile(None)
    return calls


def test_a_long_expression_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "MAX_LENGTH", 10**6)  # exercise the parser, not the length caps
    monkeypatch.setattr(checks, "PINGONE_MAX_LENGTH", 10**6)

    def expression(terms: int) -> str:
        return "${" + " + ".join("#string.trim(user.name.given)" for _ in range(terms)) + "}"

    check_expression(expression(10))  # parser tables loaded before counting
    small, large = (_calls_made(lambda n=n: check_expression(expression(n))) for n in (1_000, 4_000))
    assert large < 4.5 * small
