"""Parameters of an authorization request: form decoding, where each one (and each character of
its value) is written, repeated names, and the query of a URL up to its fragment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from p1lint.authorization.parameters import decode, parse_body, parse_url

PREFIX = "https://auth.pingone.com/e/as/authorize?"


@pytest.mark.parametrize(("raw", "value", "offsets"), [
    ("abc", "abc", (0, 1, 2)),
    ("a+b", "a b", (0, 1, 2)),
    ("a%20b", "a b", (0, 1, 4)),
    ("%C3%A9x", "éx", (0, 6)),
    ("%E2%82%AC", "€", (0,)),
    ("%FFa", "\ufffda", (0, 3)),
    ("%zz", "%zz", (0, 1, 2)),
    ("%C3", "\ufffd", (0,)),
    ("%FF%C3%A9", "\ufffdé", (0, 3)),
])
def test_decode_keeps_the_offset_of_each_character(raw, value, offsets):
    assert decode(raw, 0) == (value, offsets)
    assert decode(raw, 10)[1] == tuple(offset + 10 for offset in offsets)


def test_a_url_is_read_up_to_its_fragment():
    request = parse_url(PREFIX + "a=1&b=x%2By&c#d=2")
    assert request.data == {"a": "1", "b": "x+y", "c": ""}
    assert request.form == "url"
    assert request.start == len(PREFIX)


def test_each_parameter_knows_where_it_and_its_characters_are():
    text = PREFIX + "scope=openid%20profile&prompt=login"
    request = parse_url(text)
    assert text[request.offset(("prompt",)) :] == "prompt=login"
    assert text[request.offset(("scope",), 7) :] == "profile&prompt=login"
    assert request.offset(("nonce",)) == request.start  # an absent parameter: where the query starts
    scope = request.parameter("scope")
    assert scope is not None and scope.index_at(text.index("profile")) == 7


def test_a_repeated_parameter_keeps_its_last_value_and_place():
    text = PREFIX + "scope=openid&x=1&scope=email&x=2&scope=phone"
    request = parse_url(text)
    assert request.data["scope"] == "phone"
    assert request.repeated == ("scope", "x")
    assert text[request.offset(("scope",)) :] == "scope=phone"


@pytest.mark.parametrize("text", ["https://auth.pingone.com/e/as/authorize", "not a url", ""])
def test_a_url_without_a_query_has_no_parameters(text):
    request = parse_url(text)
    assert request.data == {} and request.repeated == ()


def test_a_pushed_body_is_all_parameters():
    request = parse_body("response_type=code&&scope=openid+email\r\n")
    assert request.form == "par"
    assert request.data == {"response_type": "code", "scope": "openid email"}
    assert request.start == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab=&%+?#2Fc3A9 \u00e9\x00"), max_size=60))
def test_any_text_is_read_without_raising_and_every_offset_is_in_it(text):
    from urllib.parse import unquote_plus

    for request in (parse_url(text), parse_body(text)):
        assert 0 <= request.start <= len(text)
        for parameter in request.parameters:
            assert len(parameter.characters) == len(parameter.value)
            assert all(parameter.value_start <= at < parameter.end for at in parameter.characters)
            assert parameter.value == unquote_plus(text[parameter.value_start : parameter.end], errors="replace")
        for name in request.data:
            assert 0 <= request.offset((name,), 0) <= len(text)


def test_many_repeated_parameters_are_indexed_once():
    text = PREFIX + "&".join(f"p{i}=1&p{i}=2" for i in range(20_000))
    request = parse_url(text)
    assert len(request.repeated) == 20_000
    assert all(request.offset((name,)) > 0 for name in request.repeated)
