"""The `uri` function: each check reports one kind of mistake, with a precise detail, and no detail
ever repeats user information."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context
from p1lint.functions.uri import UriOptions
from p1lint.rules.options import validate_options

SINGLE_CHECKS = {
    "absolute": {"absolute": True},
    "fragment": {"no_fragment": True},
    "remote-http": {"schemes": "no-remote-http"},
    "userinfo": {"no_userinfo": True},
    "wildcard": {"wildcard": "path-only"},
    "dangerous": {"forbidden_schemes": ("javascript", "vbscript", "data", "file")},
    "unsafe": {"no_unsafe_characters": True},
    "private-scheme": {"private_scheme_with_dot": True},
    "canonical": {"canonical": True},
    "path": {"has_path": True},
    "localhost": {"no_localhost": True},
    "loopback": {"no_loopback": True},
    "https-loopback": {"no_https_loopback": True},
    "loopback-port": {"no_loopback_port": True},
}


def details(value, **options):
    function = get_function("uri")
    assert function is not None
    return [p.detail for p in function.check(value, UriOptions(**options), Context({}))]


def findings(value):
    """{check: detail} for every single check that reports `value`."""
    found = {}
    for name, options in SINGLE_CHECKS.items():
        reported = details(value, **options)
        assert len(reported) <= 1
        if reported:
            found[name] = reported[0]
    return found


@pytest.mark.parametrize(
    "value",
    [
        "https://app.example.com/callback",
        "https://app.example.com/",
        "https://app.example.com:8443/callback?tenant=acme",
        "https://app.example.com/cb%23",
        "com.example.app:/oauth2redirect",
        "com.example.app://oauth2redirect",
        "https://xn--bcher-kva.example/cb",
        "https://192.0.2.10/cb",
    ],
)
def test_clean_uris_pass_every_check(value):
    assert findings(value) == {}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[::1]", {"absolute": "no scheme"}),
        ("/oauth2/callback", {"absolute": "no scheme"}),
        ("//app.example.com/cb", {"absolute": "no scheme"}),
        ("", {"absolute": "is empty"}),
        ("localhost:8080/cb", {"absolute": "'localhost:' reads as a scheme"}),
        ("http://[::1]/cb", {"loopback": "loopback host [::1]"}),
        ("http://127.0.0.1/cb", {"loopback": "loopback host 127.0.0.1"}),
        ("http://127.255.0.9/cb", {"loopback": "loopback host 127.255.0.9"}),
        ("http://localhost/cb", {"loopback": "localhost", "localhost": "uses the name localhost"}),
        ("http://LOCALHOST/cb", {"loopback": "LOCALHOST", "localhost": "localhost",
                                 "canonical": "uppercase letters in the host"}),
        ("http://[0:0:0:0:0:0:0:1]/cb", {"loopback": "[0:0:0:0:0:0:0:1]",
                                         "canonical": "IPv6 address not in its shortest form"}),
        ("http://127.1/cb", {"loopback": "127.1", "canonical": "IPv4 address 127.0.0.1 written as 127.1"}),
        ("http://0x7f000001/cb", {"loopback": "0x7f000001", "canonical": "written as 0x7f000001"}),
        ("http://2130706433:8400/cb", {"loopback": "2130706433", "canonical": "written as 2130706433",
                                       "loopback-port": ":8400"}),
        ("http://128.0.0.1/cb", {"remote-http": "not a loopback address"}),
        ("http://app.example.com/cb", {"remote-http": "not a loopback address"}),
        ("https:\\\\evil.example/cb", {"unsafe": "backslash"}),
        ("http:\\\\evil.example/cb", {"unsafe": "backslash", "remote-http": "not a loopback address"}),
        ("https://app.example.com/cb\t", {"unsafe": "tab or line break"}),
        ("https://app.example.com/c\nb", {"unsafe": "tab or line break"}),
        (" https://app.example.com/cb", {"unsafe": "leading or trailing spaces"}),
        ("https://app.example.com/my cb", {"unsafe": "whitespace"}),
        ("https://app.example.com/cb\x00", {"unsafe": "leading or trailing spaces or control characters"}),
        ("https://app.example.com/c\x7fb", {"unsafe": "control character"}),
        ("https://app.example.com/\u200bcb", {"unsafe": "invisible formatting character",
                                              "canonical": "non-ASCII characters"}),
        ("HTTPS://App.Example.com:443/a/../cb", {
            "canonical": "(uppercase letters in the scheme, uppercase letters in the host, the default "
                         "port :443, '.' or '..' segments in the path); browsers use "
                         "https://app.example.com/cb"}),
        ("http://app.example.com:80/cb", {"canonical": "default port :80", "remote-http": "loopback"}),
        ("https://app.example.com/a/%2E%2e/cb", {"canonical": "segments in the path"}),
        ("https:/app.example.com/cb", {"absolute": "lacks '//' after 'https:'; an https URI is https://host/path"}),
        ("https:///app.example.com/cb", {"canonical": "3 slashes after the scheme instead of 2"}),
        ("https://ex%61mple.com/cb", {"canonical": "percent-encoded host); browsers use https://example.com/cb"}),
        ("https://bücher.example/cb", {"canonical": "https://xn--bcher-kva.example/cb"}),
        ("https://app.example.com/café", {"canonical": "https://app.example.com/caf%C3%A9"}),
        ("COM.Example.App:/a/./cb", {"canonical": "uppercase letters in the scheme, '.' or '..' segments"}),
        ("com.example.app:/oauth2redirect#", {"fragment": "contains a fragment"}),
        ("https://app.example.com/cb#", {"fragment": "contains a fragment"}),
        ("https://app.example.com/cb#done", {"fragment": "contains a fragment"}),
        ("myapp://cb", {"private-scheme": "private-use scheme myapp:"}),
        ("MyApp:/cb", {"private-scheme": "private-use scheme myapp:", "canonical": "scheme"}),
        ("https://app.example.com", {"path": "has no path"}),
        ("https://app.example.com?x=1", {"path": "has no path"}),
        ("https://*.example.com/cb", {"wildcard": "outside the path and query"}),
        ("https://app.example.com:*/cb", {"wildcard": "outside the path and query"}),
        ("https://example.com/*/cb*", {"wildcard": "contains 2 wildcards"}),
        ("https://user:pw@example.com/cb", {"userinfo": "user information"}),
        ("https://app.example.com@evil.example/cb", {"userinfo": "user information"}),
        ("https://127.0.0.1/cb", {"loopback": "127.0.0.1", "https-loopback": "https: with a loopback"}),
        ("javascript:alert(1)", {"dangerous": "javascript:", "private-scheme": MISSING}),
        ("JavaScript:alert(1)", {"dangerous": "javascript:", "canonical": "scheme"}),
        ("data:text/html,hi", {"dangerous": "data:"}),
        ("file:///etc/passwd", {"dangerous": "file:"}),
        ("vbscript:msgbox", {"dangerous": "vbscript:"}),
    ],
)
def test_each_mistake_is_reported_by_its_own_check(value, expected):
    expected = {name: text for name, text in expected.items() if text is not MISSING}
    found = findings(value)
    assert set(found) == set(expected), found
    for name, text in expected.items():
        assert text in found[name], (name, found[name])


@pytest.mark.parametrize(
    "value",
    ["https://admin:pa55word@APP.example.com:443/a/../cb", "http://admin:pa55word@localhost:80/cb",
     "https://admin:pa55word@*.example.com/cb", "myapp://admin:pa55word@host/cb"],
)
def test_no_detail_repeats_user_information(value):
    every = [detail for options in SINGLE_CHECKS.values() for detail in details(value, **options)]
    assert every
    assert not any("pa55word" in detail or "admin" in detail for detail in every)


@pytest.mark.parametrize(
    ("policy", "value", "expected"),
    [
        ("https", "https://a.example/cb", None),
        ("https", "http://a.example/cb", "uses http: instead of https:"),
        ("https", "http://127.0.0.1/cb", "uses http: instead of https:"),
        ("https", "/relative", None),
        ("web", "http://a.example/", None),
        ("web", "ftp://a.example/", "uses ftp: instead of https: (or http:)"),
        ("web", "javascript:alert(1)", "uses javascript:"),
        ("https-or-loopback-http", "http://[::1]/cb", None),
        ("https-or-loopback-http", "http://a.example/cb", "not a loopback address"),
        ("https-or-loopback-http", "myapp:/cb", "uses myapp: instead of https:"),
        ("https-or-localhost-http", "http://localhost:8080/", None),
        ("https-or-localhost-http", "http://127.0.0.1/", None),
        ("https-or-localhost-http", "http://127.0.0.2/", "other than localhost or 127.0.0.1"),
        ("https-or-localhost-http", "http://[::1]/", "other than localhost or 127.0.0.1"),
        ("https-or-localhost-http", "ftp://a.example/", "uses ftp: instead of https:"),
        ("no-remote-http", "myapp:/cb", None),
        ("no-remote-http", "HTTP://A.EXAMPLE/cb", "not a loopback address"),
    ],
)
def test_scheme_policies(policy, value, expected):
    found = details(value, schemes=policy)
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and expected in found[0]


@pytest.mark.parametrize(
    ("value", "forbid", "path_only", "pattern"),
    [
        ("https://example.com/cb", None, None, None),
        ("https://example.com/cb*", "contains a wildcard", None, "is a pattern"),
        ("https://example.com/cb?state=*", "contains a wildcard", None, "is a pattern"),
        ("https://*.example.com/cb", "contains a wildcard", "outside the path", None),
        ("https://example.com/*/cb*", "contains a wildcard", "contains 2 wildcards", None),
        ("com.example.app:/cb*", "contains a wildcard", None, "is a pattern"),
    ],
)
def test_wildcard_modes(value, forbid, path_only, pattern):
    for mode, expected in (("forbid", forbid), ("path-only", path_only), ("pattern", pattern)):
        found = details(value, wildcard=mode)
        assert (found == []) if expected is None else (len(found) == 1 and expected in found[0]), mode


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://cdn.example.com/logo.png", None),
        ("https://cdn.example.com/logo.PNG?v=2", None),
        ("https://cdn.example.com/logo.jpeg#x", None),
        ("https://cdn.example.com/logo", None),
        ("https://cdn.example.com/images/", None),
        ("https://cdn.example.com/logo.svg", "has the file extension .svg; expected .jpg, .jpeg, .gif, .png"),
        ("https://cdn.example.com/v1.2/logo.webp", ".webp"),
        ("https://cdn.example.com/logo.png.ico", ".ico"),
    ],
)
def test_extensions(value, expected):
    found = details(value, extensions=("jpg", "jpeg", ".gif", "PNG"))
    assert (found == []) if expected is None else (len(found) == 1 and expected in found[0])


@pytest.mark.parametrize("value", [None, MISSING, 42, True, ["https://a.example/cb"], {"href": "x"}])
def test_non_strings_are_left_to_the_structure_rules(value):
    assert details(value, absolute=True, canonical=True, no_unsafe_characters=True) == []


def test_several_checks_in_one_rule_report_separately():
    found = details("HTTP://app.example.com", absolute=True, schemes="https", has_path=True, canonical=True)
    assert len(found) == 3
    assert found[0] == "uses http: instead of https:"


@pytest.mark.parametrize("options", [{}, {"schemes": "any"}, {"wildcard": "allow"}, {"extensions": ()}])
def test_options_must_enable_a_check(options):
    with pytest.raises(ValidationError, match="enable at least one check"):
        validate_options(UriOptions, options)


@pytest.mark.parametrize("options", [{"schemes": "ftp"}, {"wildcard": "maybe"}, {"no_fragments": True}])
def test_unknown_options_and_values_are_rejected(options):
    with pytest.raises(ValidationError):
        validate_options(UriOptions, options)


ALL_CHECKS = {key: value for options in SINGLE_CHECKS.values() for key, value in options.items()}


@given(st.text(max_size=60) | st.from_regex(r"\A[a-zA-Z.]{1,8}:[/\\]{0,3}[^\s]{0,40}\Z"))
def test_no_text_makes_a_check_crash(value):
    function = get_function("uri")
    assert function is not None
    for problem in function.check(value, UriOptions(**ALL_CHECKS), Context({})):
        assert problem.detail and problem.path == ()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https:/app.example.com/cb", ["lacks '//' after 'https:'; an https URI is https://host/path"]),
        ("https:app.example.com/cb", ["lacks '//' after 'https:'; an https URI is https://host/path"]),
        ("HTTP:/127.0.0.1/cb", ["lacks '//' after 'HTTP:'; an http URI is http://host/path"]),
        ("https://app.example.com/cb", []),
        ("com.example.app:/cb", []),  # private-use schemes need no authority (RFC 8252 §7.1)
    ],
)
def test_web_uris_need_an_authority(value, expected):
    assert details(value, absolute=True) == expected


@pytest.mark.parametrize("code", range(128))
def test_an_ascii_character_is_unsafe_exactly_when_it_is_a_space_control_or_backslash(code):
    from p1lint.functions.uri import _no_unsafe_characters
    from p1lint.urls import parse_uri

    char = chr(code)
    found = _no_unsafe_characters(parse_uri(f"https://app.example.com/a{char}b"), UriOptions())
    assert (found is None) == (char.isprintable() and char not in " \\")
