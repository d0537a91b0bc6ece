"""How a request's redirect_uri matches a registered one: exact text, loopback with any port,
one-wildcard patterns (only when the application allows them)."""

from __future__ import annotations

import pytest

from p1lint.functions.redirects import matches_pattern, redirect_matches


@pytest.mark.parametrize(("requested", "registered", "wildcards", "expected"), [
    ("https://a.example/cb", "https://a.example/cb", False, True),
    ("https://a.example/cb", "https://a.example/cb/", False, False),
    ("https://a.example:443/cb", "https://a.example/cb", False, False),
    ("https://A.example/cb", "https://a.example/cb", False, False),
    ("http://127.0.0.1:1234/cb", "http://127.0.0.1/cb", False, True),
    ("http://127.0.0.1/cb", "http://127.0.0.1:8080/cb", False, True),
    ("http://127.0.0.1:1234/cb?x=1", "http://127.0.0.1/cb?x=1", False, True),
    ("http://127.0.0.1:1234/cb?x=2", "http://127.0.0.1/cb?x=1", False, False),
    ("http://[::1]:1234/cb", "http://[::1]/cb", False, True),
    ("http://localhost:3000/cb", "http://localhost/cb", False, True),
    ("http://localhost:3000/cb", "http://127.0.0.1/cb", False, False),
    ("https://127.0.0.1:3000/cb", "http://127.0.0.1/cb", False, False),
    ("http://u:p@127.0.0.1:3000/cb", "http://127.0.0.1/cb", False, False),
    ("http://127.0.0.1:99999/cb", "http://127.0.0.1/cb", False, False),
    ("http://app.example:3000/cb", "http://app.example/cb", False, False),
    ("https://a.example/t/acme/cb", "https://a.example/t/*/cb", True, True),
    ("https://a.example/t/acme/cb", "https://a.example/t/*/cb", False, False),
    ("https://a.example/t/*/cb", "https://a.example/t/*/cb", False, True),
    ("http://127.0.0.1:5000/t/x", "http://127.0.0.1/t/*", True, True),
])
def test_redirect_matches(requested, registered, wildcards, expected):
    assert redirect_matches(requested, registered, wildcards) is expected


@pytest.mark.parametrize(("requested", "pattern", "expected"), [
    ("https://a.example/this/cb", "https://a.example/th*/cb", True),
    ("https://a.example/that/cb", "https://a.example/th*/cb", True),
    ("https://a.example/oidc/cb", "https://a.example/th*/cb", False),
    ("https://a.example/th/cb", "https://a.example/th*/cb", True),
    ("https://a.example/cb?tenant=7", "https://a.example/cb?tenant=*", True),
    ("https://evil.example/cb", "https://*.example/cb", False),  # not a pattern PingOne accepts
    ("https://a.example/x/y/cb", "https://a.example/*/*/cb", False),
    ("https://a.example/thcb", "https://a.example/th*hcb", False),  # prefix and suffix overlap
])
def test_patterns(requested, pattern, expected):
    assert matches_pattern(requested, pattern) is expected
