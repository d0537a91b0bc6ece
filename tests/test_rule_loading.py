"""Rule files: a valid one compiles; each kind of mistake is `file:line:col: message`."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from p1lint.rules.compiled import CompiledRule
from p1lint.rules.loader import RuleLoadError, load_rule_file, load_rules

VALID = """\
id: ACME990
name: custom-name-prefix
title: Application names start with the team prefix
severity: warning
description: Names start with "acme-".
rationale: Ownership is visible in the console.
references:
  - title: Internal naming standard
    url: https://wiki.example.com/naming
given: $.name
then:
  function: pattern
  options:
    match: "^acme-"
message: "Name {value} {detail}"
examples:
  bad: {name: billing}
  good: {name: acme-billing}
"""


def write(tmp_path: Path, text: str, name: str = "rule.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def errors_of(path: Path) -> list[str]:
    loaded = load_rule_file(path)
    assert not isinstance(loaded, CompiledRule), "expected the rule file to be rejected"
    return [f"{e.line}:{e.column}: {e.message}" for e in loaded]


def test_valid_rule_compiles(tmp_path):
    rule = load_rule_file(write(tmp_path, VALID))
    assert isinstance(rule, CompiledRule)
    assert (rule.id, rule.name, rule.function.name) == ("ACME990", "custom-name-prefix", "pattern")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("severity: warning", "severity: warn", "4:11: severity: Input should be"),
        ("title: Application", "titel: Application", "3:8: titel: Extra inputs are not permitted"),
        ("function: pattern", "function: patern", "12:13: then.function: unknown function 'patern'; did you mean 'pattern'?"),
        ('match: "^acme-"', "matches: x", "14:14: then.options.matches: invalid option: Extra inputs"),
        ('match: "^acme-"', 'match: "(unclosed"', "14:12: then.options.match: invalid option: Value error, invalid regular expression"),
        ("given: $.name", "given: $.name[", "10:8: given.0: invalid JSONPath"),
        ("id: ACME990", "id: X1", "1:5: id: Value error, an id is a prefix of capital letters"),
        ("id: ACME990", "id: acme990", "1:5: id: Value error, an id is a prefix of capital letters"),
        ("id: ACME990", "id: ACME1", "1:5: id: Value error, an id is a prefix of capital letters"),
        ("id: ACME990", "id: ACME9-90", "1:5: id: Value error, an id is a prefix of capital letters"),
        ("name: custom-name-prefix", "name: Custom_Name", "2:7: name: Value error, a name is kebab-case"),
        ("Name {value} {detail}", "Name {value.__class__}", "15:10: message: Value error, unknown placeholder"),
        ("given: $.name", "given: $.name\nwhen: [{field: type}]", "11:8: when.0: Value error, a field condition needs"),
    ],
)
def test_each_kind_of_bad_rule_is_located(tmp_path, old, new, expected):
    text = VALID.replace(old, new)
    assert text != VALID
    messages = errors_of(write(tmp_path, text))
    assert any(message.startswith(expected) for message in messages), messages


def test_yaml_syntax_error(tmp_path):
    [message] = errors_of(write(tmp_path, "id: ACME990\nname: [unclosed\n"))
    assert message.startswith("3:1: invalid YAML")


@pytest.mark.parametrize("text", ["", "- a list\n", "just text\n"])
def test_rule_file_must_be_a_mapping(tmp_path, text):
    [message] = errors_of(write(tmp_path, text))
    assert message.startswith("1:1: ")


def test_duplicate_ids_and_names_are_rejected(tmp_path):
    write(tmp_path, VALID, "a.yaml")
    write(tmp_path, VALID, "b.yaml")
    with pytest.raises(RuleLoadError) as raised:
        load_rules([tmp_path])
    assert [e.message for e in raised.value.errors] == [
        f"'ACME990' is already used by {tmp_path / 'a.yaml'}",
        f"'custom-name-prefix' is already used by {tmp_path / 'a.yaml'}",
    ]


def test_all_errors_are_collected_across_files(tmp_path):
    write(tmp_path, VALID.replace("severity: warning", "severity: loud"), "a.yaml")
    write(tmp_path, VALID.replace("ACME990", "ACME991").replace("function: pattern", "function: nope"), "b.yaml")
    with pytest.raises(RuleLoadError) as raised:
        load_rules([tmp_path])
    assert [Path(e.file).name for e in raised.value.errors] == ["a.yaml", "b.yaml"]


def test_missing_rules_directory(tmp_path):
    with pytest.raises(RuleLoadError, match="rules directory not found"):
        load_rules([tmp_path / "nope"])


def test_rules_never_execute_code(tmp_path):
    """Python tags are not YAML the safe loader accepts: the file is rejected, nothing runs."""
    marker = tmp_path / "ran"
    text = VALID.replace(
        "title: Application", f"title: !!python/object/apply:os.system ['touch {marker}']\nx: Application"
    )
    assert errors_of(write(tmp_path, text))
    assert not marker.exists()


def test_repeated_key_in_a_rule_file(tmp_path):
    text = VALID.replace("severity: warning", "severity: warning\nseverity: error")
    [message] = errors_of(write(tmp_path, text))
    assert message == "5:11: severity: key written more than once"
