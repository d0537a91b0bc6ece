"""`duplicate-keys` and `schema`: functions over facts of the document rather than one value."""

from __future__ import annotations

from p1lint.functions import get_function
from p1lint.functions.base import Context


def test_duplicate_keys_reports_each_recorded_pointer():
    function = get_function("duplicate-keys")
    context = Context({}, duplicate_keys=(("redirectUris",), ("corsSettings", "behavior")))
    problems = [(p.detail, p.path) for p in function.check({}, function.options(), context)]
    assert problems == [
        ('"redirectUris" appears more than once in the same object', ("redirectUris",)),
        ('"behavior" appears more than once in the same object', ("corsSettings", "behavior")),
    ]


def test_schema_reports_one_category_and_validates_once():
    function = get_function("schema")
    application = {"name": "x", "enabled": "yes", "protocol": "OPENID_CONNECT", "type": "WORKER",
                   "grantTypes": ["CLIENT_CREDENTIALS"], "tokenEndpointAuthMethod": "NONE", "redirectUri": []}
    context = Context(application)
    types = list(function.check(application, function.options(category="type"), context))
    unknown = list(function.check(application, function.options(category="unknown-key"), context))
    assert [(p.path, p.detail) for p in types] == [(("enabled",), "expected a boolean, found a string")]
    assert [p.path for p in unknown] == [("redirectUri",)]
    assert "schema" in context.memo  # the second rule reused the first validation
