"""`contains`, `correspondence`, `forbidden` and `effective`: enumerated values and lists of them."""

from __future__ import annotations

import pytest

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context

PAIRS = {"AUTHORIZATION_CODE": ["CODE"], "IMPLICIT": ["TOKEN", "ID_TOKEN"]}


def run(name, checked, application=None, **options):
    function = get_function(name)
    context = Context(application if application is not None else {})
    return [(p.path, p.detail) for p in function.check(checked, function.options(**options), context)]


@pytest.mark.parametrize(
    ("items", "mode", "expected"),
    [
        (["openid", "profile"], "any", []),
        (["profile"], "any", [((), "does not include openid or email")]),
        (MISSING, "any", [((), "does not include openid or email")]),
        (["openid"], "all", [((), "does not include email")]),
        (["email", "openid"], "all", []),
        (["profile", "openid", "email"], "none", [((1,), "includes openid"), ((2,), "includes email")]),
        ("openid", "none", []),
        ("openid", "any", []),
        ({"openid": True}, "all", []),
        (None, "all", [((), "does not include openid, email")]),
    ],
)
def test_contains(items, mode, expected):
    assert run("contains", items, values=["openid", "email"], mode=mode) == expected


@pytest.mark.parametrize(
    ("grants", "responses", "expected"),
    [
        (["AUTHORIZATION_CODE", "REFRESH_TOKEN"], ["CODE"], []),
        (["AUTHORIZATION_CODE"], [], [((0,), "AUTHORIZATION_CODE needs CODE in responseTypes")]),
        (["CLIENT_CREDENTIALS", "IMPLICIT"], MISSING, [((1,), "IMPLICIT needs TOKEN or ID_TOKEN in responseTypes")]),
        (["IMPLICIT"], ["ID_TOKEN"], []),
        (["AUTHORIZATION_CODE", "IMPLICIT"], ["CODE", "ID_TOKEN"], []),
        ([None, 3, {"x": 1}], [], []),
        (["AUTHORIZATION_CODE"], "CODE", []),
        (["AUTHORIZATION_CODE"], None, [((0,), "AUTHORIZATION_CODE needs CODE in responseTypes")]),
        ("AUTHORIZATION_CODE", [], []),
    ],
)
def test_correspondence_forward(grants, responses, expected):
    application = {"grantTypes": grants} if responses is MISSING else {"grantTypes": grants, "responseTypes": responses}
    assert run("correspondence", grants, application, other="responseTypes", pairs=PAIRS) == expected


@pytest.mark.parametrize(
    ("responses", "grants", "expected"),
    [
        (["CODE"], ["AUTHORIZATION_CODE"], []),
        (["CODE", "TOKEN"], ["AUTHORIZATION_CODE"], [((1,), "TOKEN needs IMPLICIT in grantTypes")]),
        (["ID_TOKEN"], "IMPLICIT", []),
        (["ID_TOKEN"], None, [((0,), "ID_TOKEN needs IMPLICIT in grantTypes")]),
        (["UNKNOWN"], [], []),
    ],
)
def test_correspondence_backward(responses, grants, expected):
    application = {"grantTypes": grants, "responseTypes": responses}
    found = run("correspondence", responses, application, other="grantTypes", pairs=PAIRS, direction="backward")
    assert found == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("CLIENT_SECRET_POST", [((), "is CLIENT_SECRET_POST")]),
        ("CLIENT_SECRET_BASIC", []),
        (MISSING, []),
        (None, []),
        (["CLIENT_SECRET_POST"], []),
        ({"CLIENT_SECRET_POST": 1}, []),
    ],
)
def test_forbidden(value, expected):
    assert run("forbidden", value, values=["CLIENT_SECRET_POST", "NONE"]) == expected


@pytest.mark.parametrize(
    ("value", "default", "expected"),
    [
        ("S256_REQUIRED", "OPTIONAL", []),
        ("REQUIRED", "OPTIONAL", []),
        ("OPTIONAL", "OPTIONAL", [((), "is OPTIONAL")]),
        (MISSING, "OPTIONAL", [((), "is not set, so PingOne applies its default OPTIONAL")]),
        (None, "OPTIONAL", [((), "is not set, so PingOne applies its default OPTIONAL")]),
        (MISSING, "S256_REQUIRED", []),
        (["OPTIONAL"], "OPTIONAL", []),
        (7, "OPTIONAL", [((), "is 7")]),
    ],
)
def test_effective(value, default, expected):
    assert run("effective", value, allowed=["REQUIRED", "S256_REQUIRED"], default=default) == expected
