from __future__ import annotations

import pytest

from p1lint.functions.hosts import listed_host


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("jwt.io", "jwt.io"),
        ("JWT.IO.", "jwt.io"),
        ("jwt%2Eio", "jwt.io"),
        ("eu1.pipedream.net", "pipedream.net"),
        ("accounts.google.com", "google.com"),
        ("notjwt.io", None),
        ("jwt.io.example.com", None),
    ],
)
def test_hosts_are_compared_in_canonical_form(host: str, expected: str | None) -> None:
    assert listed_host(host) == expected
