"""No input crashes a rule: random values in every known property give findings, never an
internal error (the engine reports a crashing function as an input error, so we assert none)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from p1lint.engine import check
from p1lint.functions.base import Context
from p1lint.models.application import Application
from p1lint.run_settings import RunSettings
from p1lint.selection import active_rules
from tests.support import catalogue, lint

KEYS = sorted(field.alias or name for name, field in Application.model_fields.items())
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=40), st.sampled_from(["AUTHORIZATION_CODE", "NONE", "WORKER", "https://a.example.com/cb#", "*"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from([*KEYS, "name", "value", "keys"]), inner, max_size=4),
    max_leaves=12,
)
APPLICATIONS = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=12)
RULES = None


def active():
    global RULES
    if RULES is None:
        RULES = active_rules(catalogue(), "strict")
    return RULES


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(application=st.one_of(APPLICATIONS, VALUES))
def test_no_rule_crashes_on_any_application(application):
    errors: list = []
    list(check(active(), application, Context(application, RunSettings(custom_domain="auth.example.com")), errors, "<fuzz>"))
    assert errors == []


@pytest.mark.parametrize(
    "text",
    [
        "[" * 900 + "]" * 900,
        '{"name": "x", "_links": ' + '{"a": ' * 900 + "{}" + "}" * 900 + "}",
        '{"attributeMappings": [' + "[" * 800 + "]" * 800 + "]}",
        "[" * 50_000 + "]" * 50_000,
    ],
)
def test_deeply_nested_documents_never_raise(tmp_path, text):
    path = tmp_path / "deep.json"
    path.write_text(text)
    result = lint(path, profile="strict")
    assert all("internal error" not in error.message for error in result.errors)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_command_line_never_raises_on_any_input(raw):
    from click.testing import CliRunner

    from p1lint.cli import cli

    result = CliRunner().invoke(cli, ["check", "--format", "json", "-"], input=raw, catch_exceptions=False)
    assert result.exit_code in (0, 1, 2)
