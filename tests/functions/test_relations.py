"""`requires`, `excludes` and `compare`: relations between fields of one application."""

from __future__ import annotations

import pytest

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context


def run(name, value, application, **options):
    function = get_function(name)
    return [p.detail for p in function.check(value, function.options(**options), Context(application))]


@pytest.mark.parametrize(
    ("value", "application", "mode", "expected"),
    [
        ("PRIVATE_KEY_JWT", {"jwksUrl": "https://a.example/jwks"}, "any", []),
        ("PRIVATE_KEY_JWT", {"jwks": "{}"}, "any", []),
        ("PRIVATE_KEY_JWT", {}, "any", ["requires jwksUrl or jwks"]),
        ("PRIVATE_KEY_JWT", {"jwksUrl": "", "jwks": None}, "any", ["requires jwksUrl or jwks"]),
        ("PRIVATE_KEY_JWT", {"jwksUrl": "https://a.example/jwks"}, "all", ["requires jwksUrl and jwks"]),
        (MISSING, {}, "any", []),
        (None, {}, "any", []),
    ],
)
def test_requires(value, application, mode, expected):
    assert run("requires", value, application, fields=["jwksUrl", "jwks"], mode=mode) == expected


@pytest.mark.parametrize(
    ("value", "application", "expected"),
    [
        ("https://a.example/jwks", {"jwks": '{"keys": []}'}, ["cannot be combined with jwks"]),
        ("https://a.example/jwks", {"jwks": ""}, []),
        ("https://a.example/jwks", {}, []),
        (False, {"jwks": "{}"}, []),
        (MISSING, {"jwks": "{}"}, []),
    ],
)
def test_excludes(value, application, expected):
    assert run("excludes", value, application, fields=["jwks"]) == expected


@pytest.mark.parametrize(
    ("value", "other", "expected"),
    [
        (100, 200, []),
        (200, 200, []),
        (300, 200, ["300 must be at most refreshTokenRollingDuration (200)"]),
        (300, MISSING, []),
        (True, 0, []),
        ("300", 200, []),
    ],
)
def test_compare(value, other, expected):
    application = {} if other is MISSING else {"refreshTokenRollingDuration": other}
    assert run("compare", value, application, other="refreshTokenRollingDuration", operator="le") == expected
