"""The `cors-origin` function: each check reports one kind of mistake, with a precise detail."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context
from p1lint.functions.cors import CorsOriginOptions, parse_origin
from p1lint.rules.options import validate_options

CHECKS = ("serialized", "wildcard", "canonical", "https")


def details(value, **enabled):
    function = get_function("cors-origin")
    assert function is not None
    options = CorsOriginOptions(**enabled)
    return [p.detail for p in function.check(value, options, Context({}))]


def findings(value):
    """{check: detail} for every check that reports `value`."""
    found = {}
    for check in CHECKS:
        reported = details(value, **{check: True})
        assert len(reported) <= 1
        if reported:
            found[check] = reported[0]
    return found


VALID = [
    "https://app.example.com",
    "http://localhost",
    "http://localhost:3000",
    "https://localhost",
    "http://127.0.0.1:8080",
    "https://192.168.1.1",
    "https://*.example.com",
    "https://*.app.example.co.uk",
    "https://app.example.com:8443",
    "https://xn--bcher-kva.example",
    "https://a-b.example.com",
]


@pytest.mark.parametrize("value", VALID)
def test_valid_origins_pass_every_check(value):
    assert findings(value) == {}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("app.example.com", "has no scheme"),
        ("app.example.com:8080", "has no scheme"),
        ("https:/app.example.com", "is not an origin"),
        ("", "is not an origin"),
        (" https://app.example.com", "is not an origin"),
        ("ftp://app.example.com", "uses the scheme ftp:"),
        ("chrome-extension://abcdef", "uses the scheme chrome-extension:"),
        ("https://user@app.example.com", "contains user information"),
        ("https://user:pw@app.example.com", "contains user information"),
        ("https://app.example.com/", "ends with '/'"),
        ("https://app.example.com/callback", "has a path, query or fragment"),
        ("https://app.example.com?x=1", "has a path, query or fragment"),
        ("https://app.example.com#", "has a path, query or fragment"),
        ("https://app.example.com:", "has an empty port"),
        ("https://app.example.com:abc", "has an invalid port: not a number"),
        ("https://app.example.com:0", "has an invalid port 0"),
        ("https://app.example.com:65536", "has an invalid port 65536"),
        ("https://app.example.com:*", "has an invalid port: not a number"),
        ("https://", "has no host"),
        ("https://[::1]", "uses an IPv6 address"),
        ("https://[::1]:8080", "uses an IPv6 address"),
        ("https://bücher.example", "has a non-ASCII host"),
        ("https://intranet", "has a single-label host 'intranet'"),
        ("https://app..example.com", "has an invalid host 'app..example.com'"),
        ("https://app.example.com.", "has an invalid host 'app.example.com.'"),
        ("https://-app.example.com", "has an invalid host"),
        ("https://app_1.example.com", "has an invalid host"),
        ("https://app.example.com ", "has an invalid host"),
        ("https://999.1.1.1", "has an invalid host '999.1.1.1'"),
        ("https://1.2.3", "has an invalid host '1.2.3'"),
        ("https://" + "a" * 64 + ".example.com", "has an invalid host"),
    ],
)
def test_serialized_reports_the_shape_problem(value, expected):
    reported = details(value, serialized=True)
    assert len(reported) == 1
    assert reported[0].startswith(expected), reported


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://test*.com", "has a wildcard inside a label"),
        ("https://app-*.example.com", "has a wildcard inside a label"),
        ("https://api.*.example.com", "has a wildcard that is not the leftmost label"),
        ("https://example.*", "has a wildcard that is not the leftmost label"),
        ("https://*.com", "has a wildcard on the registrable domain or TLD"),
        ("https://*.co.uk", "has a wildcard on the registrable domain or TLD"),
        ("https://*.github.io", "has a wildcard on the registrable domain or TLD"),
        ("https://*.*.example.com", "has 2 wildcards"),
        ("https://*.example.com:*", "has 2 wildcards"),
        ("https://*", "is a bare wildcard"),
        ("https://*:8443", "is a bare wildcard"),
    ],
)
def test_wildcard_reports_the_placement_problem(value, expected):
    reported = details(value, wildcard=True)
    assert len(reported) == 1 and reported[0].startswith(expected), reported


@pytest.mark.parametrize(
    "value",
    ["https://*.example.com", "https://app.example.com", "https://app.example.com/*", "not an origin"],
)
def test_wildcard_ignores_valid_patterns_and_stars_outside_the_host(value):
    assert details(value, wildcard=True) == []


@pytest.mark.parametrize(
    ("value", "owner"),
    [
        ("https://*", "wildcard"),
        ("https://test*.com", "wildcard"),
        ("https://*.com", "wildcard"),
        ("https://app.example.com/", "serialized"),
        ("https://App.example.com", "canonical"),
        ("http://app.example.com", "https"),
    ],
)
def test_each_mistake_is_reported_by_one_check_only(value, owner):
    assert list(findings(value)) == [owner]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("HTTPS://app.example.com", "is not lowercase"),
        ("https://App.Example.com", "is not lowercase"),
        ("https://app.example.com:443", "names the default port :443"),
        ("http://app.example.com:80", "names the default port :80"),
        ("https://app.example.com:0443", "names the default port :0443"),
        ("https://app.example.com:08443", "writes the port with leading zeros (:08443)"),
    ],
)
def test_canonical_reports_the_difference_from_the_browser_form(value, expected):
    reported = details(value, canonical=True)
    assert len(reported) == 1 and reported[0].startswith(expected), reported


@pytest.mark.parametrize(
    "value", ["https://app.example.com:80", "http://app.example.com:443", "https://app.example.com:x"]
)
def test_canonical_accepts_other_ports_and_leaves_bad_ports_alone(value):
    assert details(value, canonical=True) == []


@pytest.mark.parametrize(
    ("value", "reported"),
    [
        ("http://app.example.com", True),
        ("HTTP://app.example.com", True),
        ("http://*.example.com", True),
        ("http://10.0.0.1:8080", True),
        ("http://localhost:3000", False),
        ("http://127.0.0.1", False),
        ("http://127.10.0.1:8080", False),
        ("https://app.example.com", False),
    ],
)
def test_https_reports_cleartext_non_loopback_origins(value, reported):
    assert bool(details(value, https=True)) is reported


def test_several_checks_in_one_rule_each_report():
    reported = details("HTTP://app.example.com/", serialized=True, canonical=True, https=True)
    assert [d.split(";")[0] for d in reported] == [
        "ends with '/'", "is not lowercase", "uses http with a host that is not loopback"
    ]


@pytest.mark.parametrize("value", [None, 42, ["https://a.example.com"], {"x": 1}, MISSING])
def test_non_strings_are_left_to_the_structure_rules(value):
    assert details(value, serialized=True, wildcard=True, canonical=True, https=True) == []


def test_options_need_at_least_one_check():
    with pytest.raises(ValueError, match="enable at least one"):
        validate_options(CorsOriginOptions, {})


def test_unknown_options_are_rejected():
    with pytest.raises(ValueError):
        validate_options(CorsOriginOptions, {"serialized": True, "strict": True})


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        ("https://a.example.com", ("https", False, "a.example.com", None, "")),
        ("https://a.example.com:", ("https", False, "a.example.com", "", "")),
        ("https://u@a.example.com:8443/x", ("https", True, "a.example.com", "8443", "/x")),
        ("http://[::1]:80", ("http", False, "[::1]", "80", "")),
    ],
)
def test_parse_origin_splits_the_parts(value, parts):
    assert tuple(parse_origin(value)) == parts


labels = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)


@given(st.lists(labels, min_size=1, max_size=3), st.sampled_from(["com", "org", "net", "io"]),
       st.one_of(st.none(), st.integers(min_value=1, max_value=65535)))
def test_generated_https_origins_are_valid_unless_default_port(names, tld, port):
    host = ".".join([*names, tld])
    value = f"https://{host}" + (f":{port}" if port is not None else "")
    found = findings(value)
    if port == 443:
        assert list(found) == ["canonical"]
    else:
        assert found == {}


@given(st.text(max_size=40))
def test_arbitrary_text_never_crashes(value):
    found = findings(value)  # at most one detail per check, asserted inside
    assert all(isinstance(detail, str) and detail for detail in found.values())


@pytest.mark.parametrize("value", ["https://admin:hunter2", "https://admin:hunter2/x@app.example.com"])
def test_a_password_read_as_a_port_is_never_quoted(value):
    assert not any("hunter2" in detail for detail in details(value, serialized=True, canonical=True))
