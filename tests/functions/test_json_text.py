"""`json`: a string property holding JSON, here the `jwks` text."""

from __future__ import annotations

import pytest

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context
from p1lint.functions.json_text import parse_json_text

FUNCTION = get_function("json")


def run(value, shape):
    return [p.detail for p in FUNCTION.check(value, FUNCTION.options(shape=shape), Context({}))]


@pytest.mark.parametrize(
    ("text", "shape", "expected"),
    [
        ('{"keys": [{"kty": "EC"}]}', "jwk-set", []),
        ('{"keys": []}', "jwk-set", []),
        ('{"keys": [1]}', "jwk-set", ['is not a JWK Set: expected {"keys": [ {...}, ... ]}']),
        ('{"kty": "RSA"}', "jwk-set", ['is not a JWK Set: expected {"keys": [ {...}, ... ]}']),
        ("[1, 2]", "jwk-set", ["is not a JSON object"]),
        ("[1, 2]", "any", []),
        ("[1, 2]", "object", ["is not a JSON object"]),
        ('{"keys": [\n  {"kty": "EC",}\n]}', "any", ["is not valid JSON: Expecting property name enclosed in double quotes (line 2, column 16)"]),
        ("", "any", ["is not valid JSON: Expecting value (line 1, column 1)"]),
        ("[" * 100_000, "any", ["is not valid JSON: nested too deeply"]),
        (MISSING, "jwk-set", []),
        ({"keys": []}, "jwk-set", []),
    ],
)
def test_json(text, shape, expected):
    assert run(text, shape) == expected


def test_a_syntax_error_names_its_position_but_not_the_text():
    secret = '{"keys": [{"kty": "oct", "k": "c2VjcmV0LXZhbHVl" oops}]}'
    (detail,) = run(secret, "jwk-set")
    assert "line 1, column 50" in detail
    assert "c2VjcmV0" not in detail and "oops" not in detail


def test_text_is_parsed_once_per_memo():
    memo: dict = {}
    text = '{"keys": []}'
    assert parse_json_text(text, memo) is parse_json_text(text, memo)
