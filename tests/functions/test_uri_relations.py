"""Checks of a URI against another field: `same-origin` and `any-item-contains`."""

from __future__ import annotations

import pytest

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context
from p1lint.functions.uri_relations import ItemTextOptions, OtherFieldOptions
from p1lint.run_settings import RunSettings


def run(name, options, value, application):
    function = get_function(name)
    assert function is not None
    return [(p.detail, p.path) for p in function.check(value, options, Context(application))]


@pytest.mark.parametrize(
    ("target", "initiate", "expected"),
    [
        ("https://portal.example.com/dash", "https://portal.example.com/login", None),
        ("https://PORTAL.example.com:443/dash", "https://portal.example.com/login", None),
        ("https://reports.example.com/", "https://portal.example.com/login",
         "is on the origin https://reports.example.com, not on https://portal.example.com like initiateLoginUri"),
        ("http://portal.example.com/dash", "https://portal.example.com/login", "http://portal.example.com"),
        ("https://portal.example.com:8443/", "https://portal.example.com/login", "https://portal.example.com:8443"),
        ("/dash", "https://portal.example.com/login", None),
        ("https://portal.example.com/dash", "login", None),
        ("https://portal.example.com/dash", MISSING, None),
        (None, "https://portal.example.com/login", None),
    ],
)
def test_same_origin(target, initiate, expected):
    application = {} if initiate is MISSING else {"initiateLoginUri": initiate}
    found = run("same-origin", OtherFieldOptions(other="initiateLoginUri"), target, application)
    if expected is None:
        assert found == []
    else:
        [(detail, path)] = found
        assert expected in detail and path == ()


@pytest.mark.parametrize(
    ("uris", "fires"),
    [
        (["https://a.example.com/cb*"], False),
        (["https://a.example.com/cb", "https://a.example.com/t/*/cb"], False),
        (["https://a.example.com/cb"], True),
        ([], True),
        (MISSING, True),
        ("https://a.example.com/cb*", True),
        ([None, 3], True),
    ],
)
def test_any_item_contains(uris, fires):
    application = {"allowWildcardInRedirectUris": True}
    if uris is not MISSING:
        application["redirectUris"] = uris
    found = run("any-item-contains", ItemTextOptions(other="redirectUris", text="*"), True, application)
    assert found == ([("is set, but no item of redirectUris contains '*'", ())] if fires else [])


@pytest.mark.parametrize(
    ("url", "custom_domain", "expected"),
    [
        ("https://login.example.net/sign-on", "auth.example.com",
         ["is on example.net, while the custom domain auth.example.com is on example.com"]),
        ("https://www.example.com/sign-on", "auth.example.com", []),
        ("https://shop.example.co.uk/login", "auth.example.co.uk", []),
        ("https://127.0.0.1/login", "auth.example.com", []),
        ("https://login.example.net/sign-on", None, []),
        (42, "auth.example.com", []),
    ],
)
def test_same_site_as_custom_domain(url, custom_domain, expected):
    function = get_function("same-site-as-custom-domain")
    context = Context({}, RunSettings(custom_domain=custom_domain))
    assert [p.detail for p in function.check(url, function.options(), context)] == expected
