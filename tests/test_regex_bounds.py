"""Regular expressions from rule files are bounded: refused when they load if unbounded in size or
unbounded in time (JSONPath `=~`, `sub()`), and limited per value and per file when they run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.functions.regexes import RegexBudget, Unchecked, compile_pattern, expansion
from p1lint.rules.compiled import CompiledRule
from p1lint.rules.loader import load_rule_file

RULE = """\
id: ACME990
name: custom-redirect-shape
title: Redirect URIs have the house shape
severity: warning
description: Benchmark-free test rule.
rationale: Shape.
references:
  - title: Internal standard
    url: https://wiki.example.com/uris
given: {given}
then:
  function: pattern
  options:
    match: '{pattern}'
message: "{{detail}}"
examples:
  bad: {{redirectUris: ["b"]}}
  good: {{redirectUris: ["a"]}}
"""
HOSTILE = "^(a|a)*$"  # exponential backtracking on a run of `a` that does not end the value
SECRET_LOOKING = "a" * 36 + "!hunter2"


def rule_file(tmp_path: Path, pattern: str = "^a", given: str = "$.redirectUris[*]") -> Path:
    directory = tmp_path / "rules"
    directory.mkdir(exist_ok=True)
    path = directory / "rule.yaml"
    path.write_text(RULE.format(given=given, pattern=pattern))
    return path


def load_errors(path: Path) -> list[str]:
    loaded = load_rule_file(path)
    assert not isinstance(loaded, CompiledRule), "expected the rule file to be rejected"
    return [f"{e.file}:{e.line}:{e.column}: {e.message}" for e in loaded]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("a{1000000000}", "repetition counts expand to more than 10,000"),
        ("(?:(?:a{100}){100}){100}", "repetition counts expand to more than 10,000"),
        ("x" * 1001, "longer than 1,000 characters"),
        ("(unclosed", "invalid regular expression"),
    ],
)
def test_unbounded_patterns_are_refused_at_their_place(tmp_path, pattern, message):
    path = rule_file(tmp_path, pattern)
    [error] = load_errors(path)
    assert error.startswith(f"{path}:14:12: then.options.match: invalid option: ")
    assert message in error


@pytest.mark.parametrize(
    ("pattern", "atoms"),
    [
        ("abc", 3),
        ("a{5}", 5),
        ("a{2,7}b", 8),
        ("(ab){3}", 6),
        ("(?:a{10}){10}", 100),
        ("(?P<n>ab)(?i)c{2}", 4),
        (r"\{1000000\}", 9),  # escaped braces are literal characters
        ("[{]{3}", 3),
        ("[]{]{4}", 4),
        (r"\p{L}{3}", 3),
        ("a{,3}", 3),
        ("x{1000,}", 1000),
    ],
)
def test_expansion_counts_repetitions(pattern, atoms):
    assert expansion(pattern) == atoms


def test_bundled_shapes_still_compile():
    assert compile_pattern(r"\A[a-zA-Z0-9_-]{1,50}\Z").search("tv-1")


@pytest.mark.parametrize(
    "given",
    ['$.redirectUris[?(@ =~ "^(a+)+$")]', "$.redirectUris[*].`sub(/a+/, b)`",
     '$.attributeMappings[?(@.name == "x" && @.value =~ "y")]'],
)
def test_selectors_with_regular_expressions_are_refused(tmp_path, given):
    path = rule_file(tmp_path, given=f"'{given}'")
    [error] = load_errors(path)
    assert error.startswith(f"{path}:10:8: given.0: invalid JSONPath")
    assert "has no time bound" in error and "`pattern` function" in error


def test_a_filter_without_regular_expression_still_loads(tmp_path):
    given = "'$.attributeMappings[?(@.idToken == false)].name'"
    assert isinstance(load_rule_file(rule_file(tmp_path, given=given)), CompiledRule)


def test_one_slow_value_is_unchecked_and_the_budget_goes_on():
    budget = RegexBudget(5.0)
    compiled = compile_pattern(HOSTILE)
    with pytest.raises(Unchecked) as slow:
        budget.search(compiled, SECRET_LOOKING)
    assert slow.value.report and "took longer than 0.1 s" in str(slow.value)
    assert budget.search(compiled, "aaa") is True
    # the slow search was charged to the file: its own CPU time, which on a busy machine is less
    # than the 0.1 s of wall time the pattern engine allowed it
    assert 0 < 5.0 - budget.remaining <= 5.0


def test_a_used_up_budget_is_reported_once_then_skips_quietly():
    budget = RegexBudget(0.05)
    compiled = compile_pattern(HOSTILE)
    with pytest.raises(Unchecked) as first:
        budget.search(compiled, SECRET_LOOKING)
    assert first.value.report and "time budget of 0.05 s" in str(first.value)
    with pytest.raises(Unchecked) as later:
        budget.search(compiled, "aaa")  # even a fast search: the file's time is spent
    assert not later.value.report


def application_file(tmp_path: Path, count: int) -> Path:
    uris = [SECRET_LOOKING] * count + ["aaaa", "b"]
    path = tmp_path / "app.json"
    path.write_text(json.dumps({"name": "App", "protocol": "OPENID_CONNECT", "redirectUris": uris}, indent=1))
    return path


def run_check(tmp_path: Path, *options: str, count: int = 40):
    rules = rule_file(tmp_path, HOSTILE).parent
    app = application_file(tmp_path, count)
    arguments = ["check", "--no-config", "--rules", str(rules), "--select", "ACME990", *options, str(app)]
    return CliRunner().invoke(cli, arguments)


def test_the_file_budget_stops_hostile_values_and_exits_two(tmp_path):
    result = run_check(tmp_path, "--regex-budget", "0.25")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "ACME990" in line]
    assert 1 <= len(errors) <= 4  # a few slow values, then one line for the rest of the file
    assert "no later value of the file was checked" in errors[-1]
    assert all(line.startswith(f"{tmp_path / 'app.json'}:") for line in errors)
    assert "hunter2" not in result.output + result.stderr
    assert f"{tmp_path / 'app.json'}:5:3: rule ACME990 (custom-redirect-shape)" in errors[0]


def test_a_single_slow_value_is_an_input_error_not_a_passing_finding(tmp_path):
    result = run_check(tmp_path, count=1)
    assert result.exit_code == 2
    [error] = [line for line in result.stderr.splitlines() if "ACME990" in line]
    assert error.startswith(f"{tmp_path / 'app.json'}:5:3: rule ACME990 (custom-redirect-shape) could not check")
    assert "hunter2" not in result.output + result.stderr


def test_the_budget_is_a_setting(tmp_path):
    (tmp_path / "p1lint.toml").write_text("regex-budget = 0.2\n")
    rules = rule_file(tmp_path, HOSTILE).parent
    app = application_file(tmp_path, 40)
    arguments = ["check", "--config", str(tmp_path / "p1lint.toml"), "--rules", str(rules), "--select", "ACME990", str(app)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 2 and "time budget of 0.2 s" in result.stderr
