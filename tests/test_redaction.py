"""Credentials hidden by parsing the URI: user information in every form a browser accepts, a
password whose `@host` was lost, credential-named query and fragment parameters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p1lint.messages import render
from p1lint.redaction import CREDENTIAL_PARAMETERS, credentials_in, is_credential_parameter, redact_text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("https://u:pw@host/cb", "https://[redacted]@host/cb"),
        ("https:user:pw@host/cb", "https:[redacted]@host/cb"),
        ("https:/user:pw@host/cb", "https:/[redacted]@host/cb"),
        ("https:\\\\user:pw@host/cb", "https:\\\\[redacted]@host/cb"),
        ("HTTP:///user:pw@host", "HTTP:///[redacted]@host"),
        (" https://u:p\tw@host ", " https://[redacted]@host "),
        ("https://u:p@ss@host/cb", "https://[redacted]@host/cb"),
        ("https://user:hunter2", "https://user:[redacted]"),
        ("https://user:pa/ss@host/cb", "https://user:[redacted]@host/cb"),
        ("https://host/cb?client_secret=s&x=1", "https://host/cb?client_secret=[redacted]&x=1"),
        ("https://host/cb?CLIENT-SECRET=s", "https://host/cb?CLIENT-SECRET=[redacted]"),
        ("https://host/cb?api%5Fkey=s", "https://host/cb?api%5Fkey=[redacted]"),
        ("https://host/cb#access_token=t&state=s", "https://host/cb#access_token=[redacted]&state=s"),
        ("https://host/#/cb?id_token=t", "https://host/#/cb?id_token=[redacted]"),
        ("https://host/?a=1;password=p", "https://host/?a=1;password=[redacted]"),
        ("https://host/?next=https://u:p@evil/", "https://host/?next=https://[redacted]@evil/"),
        ("https://host/?next=https%3A%2F%2Fu%3Ap%40evil", "https://host/?next=[redacted]"),
        ("myapp://u:p@host/cb", "myapp://[redacted]@host/cb"),
        ("see https://u:pw@host and ?code=x", "see https://[redacted]@host and ?code=[redacted]"),
        # nothing to hide
        ("https://host/a@b", "https://host/a@b"),
        ("https://host:8443/cb?state=s#f", "https://host:8443/cb?state=s#f"),
        ("https://*.example.com:*/cb", "https://*.example.com:*/cb"),
        ("scheme://host[:port]", "scheme://host[:port]"),
        ("com.example.app:/cb", "com.example.app:/cb"),
        ("plain words, no URI", "plain words, no URI"),
        ("", ""),
    ],
)
def test_redact_text_hides_exactly_the_credentials(text, shown):
    assert redact_text(text) == shown


@pytest.mark.parametrize("name", ["client_secret", "Access_Token", "id-token", "api%5Fkey", "X-Amz-Signature",
                                  "sig", "code", "refresh_token", "assertion", "client_assertion", "apikey",
                                  "my_password", "sessionToken"])
def test_credential_parameters(name):
    assert is_credential_parameter(name)


@pytest.mark.parametrize("name", ["state", "scope", "response_type", "redirect_uri", "x", "client_id"])
def test_other_parameters(name):
    assert not is_credential_parameter(name)


def test_credentials_in_a_value_are_found_below_objects_and_lists():
    value = {"a": ["https://u:pw@host"], "clientSecret": "s3cret", "b": "https://h/?code=c0de"}
    assert set(credentials_in(value)) == {"c0de", "s3cret", "u:pw"}


def test_a_detail_never_quotes_a_credential_of_the_checked_value():
    message = render("origin {value} {detail}", "has an invalid port 'hunter2'", "https://admin:hunter2", ())
    assert "hunter2" not in message
    assert message == "origin \"https://admin:[redacted]\" has an invalid port '[redacted]'"


def test_a_uri_in_a_detail_is_redacted():
    message = render("{detail}", "browsers use https://host/cb?code=x%C3%A9", "HTTPS://host/cb?code=x\u00e9", ())
    assert message == "browsers use https://host/cb?code=[redacted]"


SECRETS = st.from_regex(r"\A[A-Za-z0-9._~!$()*+,-]{3,16}\Z")
SCHEMES = st.sampled_from(["https:", "HTTP:", "https://", "http:/", "https:\\\\", "https:/\\", "wss://"])


@given(SCHEMES, SECRETS, SECRETS)
def test_userinfo_is_hidden_in_every_spelling(scheme, user, password):
    shown = redact_text(f"{scheme}{user}:{password}@app.example.com/cb")
    assert password not in shown and f"{user}:" not in shown
    assert shown.endswith("@app.example.com/cb")


@given(st.sampled_from(sorted(CREDENTIAL_PARAMETERS)), SECRETS, st.sampled_from("?#&;"), st.booleans())
def test_credential_parameters_are_hidden(name, secret, separator, upper):
    name = name.upper() if upper else name
    shown = redact_text(f"https://app.example.com/cb?x=1{separator}{name}={secret}")
    assert secret not in shown


@pytest.mark.parametrize("filler", [0, 1_980, 1_995, 10_000])
def test_a_long_text_is_cut_and_what_is_shown_is_redacted(filler):
    text = "https://u:pw@host/cb?" + "a=b&" * (filler // 4) + "code=SECRET1&x=y#access_token=SECRET2"
    shown = redact_text(text)
    assert "SECRET" not in shown and "u:pw" not in shown
    assert len(shown) <= 2_001 + len("[redacted]")


def test_work_on_a_long_text_is_bounded_by_what_is_shown():
    from p1lint import redaction

    calls = []
    original = redaction.credential_spans
    redaction.credential_spans = lambda raw, depth=0: calls.append(raw) or original(raw, depth)
    try:
        redact_text("https://host/cb?" + "p=https://u:p@h&" * 100_000)
    finally:
        redaction.credential_spans = original
    assert len(calls) < 1_000
