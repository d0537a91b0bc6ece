"""Large inputs work and cost work in proportion to their size (timings live in
benchmarks/scale.py; these tests count operations or check the results)."""

from __future__ import annotations

import json

from tests.support import lint

BASE = {"name": "App", "protocol": "OPENID_CONNECT", "type": "WEB_APP", "enabled": True,
        "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"], "tokenEndpointAuthMethod": "NONE",
        "pkceEnforcement": "S256_REQUIRED", "redirectUris": ["https://app.example.com/cb"]}


def write(tmp_path, data, name="big.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=1))
    return path


def test_each_mapping_text_is_checked_once_however_many_there_are(tmp_path, monkeypatch):
    from functools import lru_cache

    import p1lint.expressions as expressions
    from p1lint.functions import expression

    calls = []
    original = expressions.check_expression
    monkeypatch.setattr(expressions, "check_expression", lambda *a, **k: calls.append(1) or original(*a, **k))
    # a shared cache smaller than the application's mappings, as 8,192 is for a large export
    monkeypatch.setattr(expression, "_checked", lru_cache(maxsize=16)(expression._checked.__wrapped__))
    mappings = [{"name": f"c{i}", "value": f"${{user.unknown{i}}}", "required": False, "mappingType": "CUSTOM",
                 "idToken": True, "userInfo": True} for i in range(200)]
    result = lint(write(tmp_path, dict(BASE, attributeMappings=mappings)))
    assert len(calls) == 200
    unknown = [f for f in result.findings if f.name == "expression-unknown-attribute"]
    assert [f.path for f in unknown] == [f"/attributeMappings/{i}/value" for i in range(200)]


def test_many_applications_in_one_file_keep_their_own_repeated_keys(tmp_path):
    text = "[" + ",\n".join(f'{{"name": "a{i}", "name": "b{i}", "protocol": "OPENID_CONNECT"}}'
                            for i in range(1_000)) + "]"
    (tmp_path / "many.json").write_text(text)
    result = lint(tmp_path / "many.json")
    repeated = [f for f in result.findings if f.name == "duplicate-key"]
    assert [(f.line, f.path) for f in repeated] == [(i + 1, f"/{i}/name") for i in range(1_000)]


def test_a_long_array_is_checked_element_by_element(tmp_path):
    uris = [f"https://app.example.com/cb/{i}" for i in range(10_000)] + ["http://app.example.com/cb"]
    result = lint(write(tmp_path, dict(BASE, redirectUris=uris)))
    http = [f for f in result.findings if f.name == "redirect-uri-http-loopback-only"]
    assert [f.path for f in http] == ["/redirectUris/10000"]


def test_unknown_properties_beyond_the_hint_limit_have_no_suggestion(tmp_path):
    from p1lint.models.validation import MAX_HINTED_KEYS

    few = lint(write(tmp_path, dict(BASE, redirectUri="x"), "few.json"))
    many = lint(write(tmp_path, dict(BASE, redirectUri="x", **{f"x{i}": 1 for i in range(MAX_HINTED_KEYS)}), "many.json"))
    [hinted] = [f.message for f in few.findings if "redirectUri\"" in f.message]
    [plain] = [f.message for f in many.findings if "redirectUri\"" in f.message]
    assert "did you mean" in hinted and "did you mean" not in plain
    assert sum(f.name == "unknown-property" for f in many.findings) == MAX_HINTED_KEYS + 1
