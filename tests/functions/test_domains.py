"""Registrable domains (offline public-suffix list) and the custom-domain comparison."""

from __future__ import annotations

import pytest

from p1lint.functions.domains import custom_domain_mismatch, host_of, is_public_suffix, registrable_domain


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("login.example.co.uk", "example.co.uk"), ("Auth.Example.COM", "example.com"),
        ("example.com", "example.com"), ("example.com.", "example.com"),
        ("team.github.io", "team.github.io"), ("com", None), ("co.uk", None), ("localhost", None),
        ("127.0.0.1", None), ("127.1", None), ("[::1]", None), ("", None),
    ],
)
def test_registrable_domain(host, expected):
    assert registrable_domain(host) == expected


@pytest.mark.parametrize(("name", "expected"), [("com", True), ("github.io", True), ("example.com", False)])
def test_is_public_suffix(name, expected):
    assert is_public_suffix(name) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("auth.example.com", "auth.example.com"), (" auth.example.com:443 ", "auth.example.com"),
        ("https://auth.example.com/", "auth.example.com"), ("auth.example.com/path", "auth.example.com"),
    ],
)
def test_host_of(value, expected):
    assert host_of(value) == expected


@pytest.mark.parametrize(
    ("url", "custom", "expected"),
    [
        ("https://www.example.com/login", "auth.example.com", None),
        ("https://login.shop.example.co.uk/", "https://auth.example.co.uk", None),
        ("https://app.example.net/login", "auth.example.com",
         "is on example.net, while the custom domain auth.example.com is on example.com"),
        ("https://team-a.github.io/login", "team-b.github.io", "is on team-a.github.io"),
        ("http://localhost:8080/login", "auth.example.com", None),
        ("https://10.0.0.5/login", "auth.example.com", None),
        ("/login", "auth.example.com", None),
        ("https://app.example.net/login", "localhost", None),
    ],
)
def test_custom_domain_mismatch(url, custom, expected):
    found = custom_domain_mismatch(url, custom)
    assert found == expected if expected is None else expected in (found or "")
