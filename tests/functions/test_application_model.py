"""`application-model`: the application against the PingOne model, one kind of problem per rule."""

from __future__ import annotations

from p1lint.functions import get_function
from p1lint.functions.base import Context


def test_application_model_reports_one_kind_and_validates_once():
    function = get_function("application-model")
    application = {"name": "x", "enabled": "yes", "protocol": "OPENID_CONNECT", "type": "WORKER",
                   "grantTypes": ["CLIENT_CREDENTIALS"], "tokenEndpointAuthMethod": "NONE", "redirectUri": []}
    context = Context(application)
    types = list(function.check(application, function.options(kind="type"), context))
    unknown = list(function.check(application, function.options(kind="unknown-key"), context))
    assert [(p.path, p.detail) for p in types] == [(("enabled",), "expected a boolean, found a string")]
    assert [p.path for p in unknown] == [("redirectUri",)]
    assert "application-model" in context.memo  # the second rule reused the first validation
