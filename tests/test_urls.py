"""URI parsing as a browser does it: components, IPv4 notations, loopback, canonical forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p1lint.urls import (
    browser_text,
    canonical_form,
    canonical_host,
    is_loopback,
    origin,
    parse_ipv4,
    parse_uri,
    remove_dot_segments,
    split_host_port,
)


@pytest.mark.parametrize(
    ("raw", "scheme", "authority", "userinfo", "host", "port", "path", "query", "fragment"),
    [
        ("https://app.example.com/cb?x=1#f", "https", "app.example.com", None, "app.example.com", "", "/cb", "x=1", "f"),
        ("https://app.example.com/cb#", "https", "app.example.com", None, "app.example.com", "", "/cb", None, ""),
        ("https://app.example.com", "https", "app.example.com", None, "app.example.com", "", "", None, None),
        ("https://u:p@w@host:8443/cb", "https", "u:p@w@host:8443", "u:p@w", "host", "8443", "/cb", None, None),
        ("http://[::1]:8080/cb", "http", "[::1]:8080", None, "[::1]", "8080", "/cb", None, None),
        ("https:\\\\evil.example\\cb?a=\\b", "https", "evil.example", None, "evil.example", "", "/cb", "a=\\b", None),
        ("https:evil.example/cb", "https", "evil.example", None, "evil.example", "", "/cb", None, None),
        ("  https://app.example.com/c\tb\n", "https", "app.example.com", None, "app.example.com", "", "/cb", None, None),
        ("com.example.app:/oauth2redirect", "com.example.app", None, None, "", "", "/oauth2redirect", None, None),
        ("myapp://callback/path", "myapp", "callback", None, "callback", "", "/path", None, None),
        ("/cb", None, None, None, "", "", "/cb", None, None),
        ("//host/cb", None, "host", None, "host", "", "/cb", None, None),
        ("https://[::1/cb", "https", "[::1", None, "[::1", "", "/cb", None, None),
        ("", None, None, None, "", "", "", None, None),
    ],
)
def test_components(raw, scheme, authority, userinfo, host, port, path, query, fragment):
    uri = parse_uri(raw)
    assert uri.raw == raw
    assert (uri.scheme, uri.authority, uri.userinfo, uri.host, uri.port, uri.path, uri.query,
            uri.fragment) == (scheme, authority, userinfo, host, port, path, query, fragment)


def test_browser_text_trims_and_drops_tabs_and_newlines():
    assert browser_text("\x00 https://a.example/\tc\rb\n ") == "https://a.example/cb"


@pytest.mark.parametrize(
    ("hostport", "expected"),
    [("host:443", ("host", "443")), ("host", ("host", "")), ("[::1]:80", ("[::1]", "80")),
     ("[::1]", ("[::1]", "")), ("host:", ("host", ""))],
)
def test_split_host_port(hostport, expected):
    assert split_host_port(hostport) == expected


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", 0x7F000001), ("127.1", 0x7F000001), ("127.0.1", 0x7F000001),
        ("0x7f000001", 0x7F000001), ("0X7F.1", 0x7F000001), ("2130706433", 0x7F000001),
        ("0177.0.0.1", 0x7F000001), ("127.0.0.1.", 0x7F000001), ("0x", 0), ("10.0.0.256", None),
        ("256.0.0.1", None), ("1.2.3.4.5", None), ("4294967296", None), ("09.0.0.1", None),
        ("example.com", None), ("1.example", None), ("", None), ("1_0.0.0.1", None), ("+1.0.0.1", None),
    ],
)
def test_parse_ipv4_follows_whatwg(host, expected):
    assert parse_ipv4(host) == expected


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("localhost", True), ("LocalHost", True), ("127.0.0.1", True), ("127.1", True),
        ("127.255.255.254", True), ("0x7f000001", True), ("[::1]", True),
        ("[0:0:0:0:0:0:0:1]", True), ("[::2]", False), ("128.0.0.1", False), ("10.0.0.1", False),
        ("localhost.example.com", False), ("app.example.com", False), ("", False), ("[::1", False),
    ],
)
def test_is_loopback(host, expected):
    assert is_loopback(host) is expected


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("App.EXAMPLE.com", "app.example.com"), ("ex%61mple.com", "example.com"),
        ("127.1", "127.0.0.1"), ("[0:0:0:0:0:0:0:1]", "[::1]"), ("[::1]", "[::1]"),
        ("bücher.example", "xn--bcher-kva.example"), ("[zz]", None),
    ],
)
def test_canonical_host(host, expected):
    assert canonical_host(host) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/a/../cb", "/cb"), ("/a/./b", "/a/b"), ("/a/b/..", "/a/"), ("/.", "/"), ("/..", "/"),
        ("/a/%2e%2E/cb", "/cb"), ("/a/.%2e/cb", "/cb"), ("/", "/"), ("/a//b", "/a//b"),
        ("", ""), ("a/../b", "a/../b"), ("/a/...", "/a/..."),
    ],
)
def test_remove_dot_segments(path, expected):
    assert remove_dot_segments(path) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://App.Example.com:443/a/../cb", "https://app.example.com/cb"),
        ("https://app.example.com", "https://app.example.com/"),
        ("http://127.1:08080/cb?q=é#x", "http://127.0.0.1:8080/cb?q=%C3%A9#x"),
        ("https:\\\\evil.example\\cb", "https://evil.example/cb"),
        ("COM.Example.App:/a/../cb", "com.example.app:/cb"),
        ("myapp://Host/cb", "myapp://Host/cb"),
        ("https://user:pw@app.example.com/cb", None),
        ("/relative", None),
    ],
)
def test_canonical_form(raw, expected):
    assert canonical_form(parse_uri(raw)) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://App.example.com/x", ("https", "app.example.com", 443)),
        ("https://app.example.com:443", ("https", "app.example.com", 443)),
        ("http://app.example.com:8080/", ("http", "app.example.com", 8080)),
        ("https://app.example.com:x/", None), ("myapp://host/", None), ("/cb", None),
    ],
)
def test_origin(raw, expected):
    assert origin(parse_uri(raw)) == expected


WEB_URIS = st.builds(
    "{}://{}{}{}".format,
    st.sampled_from(["http", "https", "HTTPS"]),
    st.from_regex(r"\A[A-Za-z0-9]{1,8}(\.[A-Za-z0-9]{1,8}){0,2}\Z"),
    st.sampled_from(["", ":443", ":80", ":8080"]),
    st.from_regex(r"\A(/[A-Za-z0-9.%é]{0,6}){0,4}(\?[a-z=&]{0,8})?\Z"),
)


@given(WEB_URIS)
def test_canonical_form_is_stable(raw):
    once = canonical_form(parse_uri(raw))
    assert once is not None
    assert canonical_form(parse_uri(once)) == once


@given(st.text(max_size=80))
def test_parsing_never_fails(raw):
    uri = parse_uri(raw)
    assert uri.raw == raw
    canonical_form(uri)


HOST_PIECES = st.sampled_from(["a", "B", "1", "127", "0x7f", ".", "%", "%2F", "%41", ":", "[", "]", "::1", "é", "*"])
PATH_PIECES = st.sampled_from(["/", "\\", ".", "..", "%2e", "a", "é", "?", "#", "=", "&", "@"])
HOSTILE_URIS = st.builds(
    "{}{}{}{}{}".format,
    st.sampled_from(["https:", "HTTP:", "ws:", "myapp:", "file:", ""]),
    st.sampled_from(["//", "/\\", "", "\\\\", "///", "/"]),
    st.lists(HOST_PIECES, max_size=6).map("".join),
    st.sampled_from(["", ":", ":80", ":443", ":08080", ":65536", ":x", "::"]),
    st.lists(PATH_PIECES, max_size=8).map("".join),
)


@pytest.mark.parametrize("raw", ["https:/\\127.1:80.%:", "https://h:/", "myapp:/.//x", "https://a:b:c/", "https://%2F/"])
def test_canonical_form_is_idempotent_on_known_cases(raw):
    once = canonical_form(parse_uri(raw))
    assert once is None or canonical_form(parse_uri(once)) == once


@given(st.one_of(HOSTILE_URIS, st.text(max_size=40)))
def test_canonical_form_is_idempotent(raw):
    once = canonical_form(parse_uri(raw))
    if once is not None:
        assert canonical_form(parse_uri(once)) == once
