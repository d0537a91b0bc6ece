"""Message templates: placeholders, literal braces, and values that must never be shown."""

from __future__ import annotations

import pytest

from p1lint.messages import display_value, render, unknown_placeholders


def test_placeholders_are_filled():
    assert render("URI {value} {detail} at {path}", "is bad", "x", ("redirectUris", 0)) == 'URI "x" is bad at redirectUris[0]'


@pytest.mark.parametrize(
    ("pointer", "shown"),
    [
        (("secret", "previous", "secret"), "secret.previous.secret"),
        (("attributeMappings", 2, "value"), "attributeMappings[2].value"),
        (("client_secret",), "client_secret"),
        (("custom", "full name", 0), 'custom["full name"][0]'),
        ((), "the application"),
    ],
)
def test_paths_in_messages_are_property_names_not_json_pointers(pointer, shown):
    assert render("{path}", "", None, pointer) == shown


def test_doubled_braces_are_literal():
    assert render("use ${{user.id}} not {value}", "", "y", ()) == 'use ${user.id} not "y"'


@pytest.mark.parametrize(("template", "unknown"), [("{value}", []), ("{value.__class__}", ["value.__class__"]), ("{}", [""]), ("{{x}}", [])])
def test_unknown_placeholders(template, unknown):
    assert unknown_placeholders(template) == unknown


@pytest.mark.parametrize(
    ("value", "pointer", "shown"),
    [
        ("s3cret", ("clientSecret",), "[redacted]"),
        ("s3cret", ("secret", "previous", "secret"), "[redacted]"),
        ('{"keys": []}', ("jwks",), "[redacted]"),
        ({"name": "a", "clientSecret": "s3cret"}, (), '{"name": "a", "clientSecret": "[redacted]"}'),
        ("https://u:p@ss@host/cb", ("redirectUris", 0), '"https://[redacted]@host/cb"'),
        ("https://token@host/cb?next=@x", ("redirectUris", 0), '"https://[redacted]@host/cb?next=@x"'),
        ("https:\\\\user:pw@evil.com/cb", ("redirectUris", 0), '"https:\\\\\\\\[redacted]@evil.com/cb"'),
        ("https://host/a@b", ("redirectUris", 0), '"https://host/a@b"'),
        ("line\nbreak\x1b[31m", ("name",), '"line\\nbreak\\u001b[31m"'),
        ("x" * 200, ("name",), '"' + "x" * 78 + "…"),
    ],
)
def test_display_value_redacts_and_escapes(value, pointer, shown):
    assert display_value(value, pointer) == shown
