"""The request checker (`p1lint request`, and a snapshot's authorizationRequests): a table of
authorization requests against a small environment, asserting rule ids and pointers."""

from __future__ import annotations

import json

import pytest

from p1lint.engine import lint_request
from p1lint.findings import P1LintError
from p1lint.run_settings import RunSettings
from p1lint.selection import active_rules
from tests.support import catalogue, lint

ENV = "0b5e0f3a-3b2a-4c58-9f0e-3b1c0f1f6c11"
WEB, NATIVE, SPA, PAR, WILD, HYBRID = (f"{n}1111111-2222-4333-8444-555555555555" for n in "abcdef")
CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
PKCE = f"code_challenge={CHALLENGE}&code_challenge_method=S256"


def application(identifier, name, **fields):
    base = {"id": identifier, "name": name, "enabled": True, "protocol": "OPENID_CONNECT", "type": "WEB_APP",
            "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"], "pkceEnforcement": "S256_REQUIRED",
            "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC", "redirectUris": ["https://web.example.com/cb"]}
    return {**base, **fields}


SNAPSHOT = {
    "environment": {"id": ENV},
    "applications": [
        application(WEB, "Web"),
        application(NATIVE, "Native", type="NATIVE_APP", tokenEndpointAuthMethod="NONE", pkceEnforcement="REQUIRED",
                    redirectUris=["com.example.app:/cb", "http://127.0.0.1/cb", "http://[::1]/cb"]),
        application(SPA, "Widget", type="SINGLE_PAGE_APP", grantTypes=["IMPLICIT"], responseTypes=["TOKEN", "ID_TOKEN"],
                    tokenEndpointAuthMethod="NONE", pkceEnforcement="OPTIONAL",
                    redirectUris=["https://widget.example.com/cb"]),
        application(PAR, "Pushed", parRequirement="REQUIRED", redirectUris=["https://pushed.example.com/cb"]),
        application(WILD, "Tenants", allowWildcardInRedirectUris=True,
                    redirectUris=["https://tenants.example.com/t/*/cb", "https://tenants.example.com/q?x=*"]),
        application(HYBRID, "Hybrid", grantTypes=["AUTHORIZATION_CODE", "IMPLICIT"],
                    responseTypes=["CODE", "ID_TOKEN", "TOKEN"], pkceEnforcement="OPTIONAL",
                    redirectUris=["https://hybrid.example.com/cb"]),
        application("f9999999-2222-4333-8444-555555555555", "Web", type="WORKER", grantTypes=["CLIENT_CREDENTIALS"]),
    ],
}


@pytest.fixture(scope="module")
def snapshot_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("env") / "snapshot.json"
    path.write_text(json.dumps(SNAPSHOT, indent=2))
    return str(path)


def url(client, query):
    return f"https://auth.pingone.com/{ENV}/as/authorize?client_id={client}&{query}"


def found(snapshot_path, text, form="url", app=None):
    rules = active_rules(catalogue(), "recommended")
    result = lint_request(text, form, snapshot_path, app, rules, RunSettings())
    assert result.errors == []
    return [(f.rule, f.path) for f in result.findings]


CASES = [
    # client_id
    ("clean code request", url(WEB, f"response_type=code&redirect_uri=https%3A%2F%2Fweb.example.com%2Fcb&scope=openid&{PKCE}"), []),
    ("unknown client: only P1L900", url("nope", "response_type=token&redirect_uri=https://x.example/cb&scope=profile"), [("P1L900", "/client_id")]),
    ("no client_id", f"https://auth.pingone.com/{ENV}/as/authorize?response_type=code&redirect_uri=https://x.example/cb&scope=openid",
     [("P1L900", "/client_id")]),
    # redirect_uri
    ("unregistered", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/other&{PKCE}"),
     [("P1L901", "/redirect_uri")]),
    ("differs only in case", url(WEB, f"response_type=code&redirect_uri=https://WEB.example.com/cb&{PKCE}"),
     [("P1L901", "/redirect_uri")]),
    ("trailing slash differs", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb/&{PKCE}"),
     [("P1L901", "/redirect_uri")]),
    ("empty redirect_uri is missing", url(WEB, f"response_type=code&redirect_uri=&{PKCE}"), [("P1L901", "/redirect_uri")]),
    ("loopback, any port", url(NATIVE, f"response_type=code&redirect_uri=http://127.0.0.1:49152/cb&{PKCE}"), []),
    ("IPv6 loopback, any port", url(NATIVE, f"response_type=code&redirect_uri=http://[::1]:8080/cb&{PKCE}"), []),
    ("loopback, other path", url(NATIVE, f"response_type=code&redirect_uri=http://127.0.0.1:49152/other&{PKCE}"),
     [("P1L901", "/redirect_uri")]),
    ("loopback, https is another URI", url(NATIVE, f"response_type=code&redirect_uri=https://127.0.0.1:4000/cb&{PKCE}"),
     [("P1L901", "/redirect_uri")]),
    ("loopback, localhost is another host", url(NATIVE, f"response_type=code&redirect_uri=http://localhost:4000/cb&{PKCE}"),
     [("P1L901", "/redirect_uri")]),
    ("port on a non-loopback host", url(WEB, f"response_type=code&redirect_uri=https://web.example.com:8443/cb&{PKCE}"),
     [("P1L901", "/redirect_uri")]),
    ("custom scheme", url(NATIVE, f"response_type=code&redirect_uri=com.example.app%3A%2Fcb&{PKCE}"), []),
    ("wildcard in the path", url(WILD, f"response_type=code&redirect_uri=https://tenants.example.com/t/acme/cb&{PKCE}"), []),
    ("wildcard across segments", url(WILD, f"response_type=code&redirect_uri=https://tenants.example.com/t/a/b/cb&{PKCE}"), []),
    ("wildcard in the query", url(WILD, f"response_type=code&redirect_uri=https%3A%2F%2Ftenants.example.com%2Fq%3Fx%3D7&{PKCE}"), []),
    ("wildcard, other suffix", url(WILD, f"response_type=code&redirect_uri=https://tenants.example.com/t/acme/done&{PKCE}"),
     [("P1L901", "/redirect_uri")]),
    ("pi.flow needs no redirect_uri", url(WEB, f"response_type=code&response_mode=pi.flow&{PKCE}"), []),
    # response_type
    ("unknown response type", url(WEB, f"response_type=code%20device&redirect_uri=https://web.example.com/cb&{PKCE}"),
     [("P1L902", "/response_type")]),
    ("no response_type", url(WEB, f"redirect_uri=https://web.example.com/cb&{PKCE}"), [("P1L902", "/response_type")]),
    ("implicit on a code app", url(WEB, "response_type=token&redirect_uri=https://web.example.com/cb"),
     [("P1L902", "/response_type")]),
    ("order does not matter", url(SPA, "response_type=token+id_token&redirect_uri=https://widget.example.com/cb&scope=openid&nonce=n"), []),
    ("hybrid with both grants", url(HYBRID, f"response_type=code%20id_token&redirect_uri=https://hybrid.example.com/cb&scope=openid&nonce=n&{PKCE}"), []),
    ("code on an implicit app: no PKCE noise", url(SPA, "response_type=code&redirect_uri=https://widget.example.com/cb"),
     [("P1L902", "/response_type")]),
    # PKCE
    ("S256 required, no challenge", url(WEB, "response_type=code&redirect_uri=https://web.example.com/cb"),
     [("P1L903", "/code_challenge")]),
    ("S256 required, plain", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&code_challenge={CHALLENGE}&code_challenge_method=plain"),
     [("P1L904", "/code_challenge_method")]),
    ("S256 required, method absent means plain", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&code_challenge={CHALLENGE}"),
     [("P1L904", "/code_challenge")]),
    ("REQUIRED accepts plain", url(NATIVE, f"response_type=code&redirect_uri=com.example.app:/cb&code_challenge={CHALLENGE}&code_challenge_method=plain"), []),
    ("REQUIRED, unknown method", url(NATIVE, f"response_type=code&redirect_uri=com.example.app:/cb&code_challenge={CHALLENGE}&code_challenge_method=s256"),
     [("P1L904", "/code_challenge_method")]),
    ("REQUIRED, no challenge", url(NATIVE, "response_type=code&redirect_uri=com.example.app:/cb"), [("P1L903", "/code_challenge")]),
    ("OPTIONAL, no challenge", url(HYBRID, "response_type=code&redirect_uri=https://hybrid.example.com/cb"),
     [("P1L905", "/code_challenge")]),
    ("implicit needs no PKCE", url(HYBRID, "response_type=token&redirect_uri=https://hybrid.example.com/cb"), []),
    # PAR
    ("PAR required, plain request", url(PAR, f"response_type=code&redirect_uri=https://pushed.example.com/cb&{PKCE}"), [("P1L906", "")]),
    ("PAR required, request_uri", url(PAR, "request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Abwc4JK"), []),
    ("request object: parameters not judged", url(WEB, "request=eyJhbGciOiJSUzI1NiJ9.e30.c2ln"), []),
    # openid and nonce
    ("id_token without openid", url(SPA, "response_type=id_token&redirect_uri=https://widget.example.com/cb&scope=profile&nonce=n"),
     [("P1L907", "/scope")]),
    ("id_token without scope", url(SPA, "response_type=id_token&redirect_uri=https://widget.example.com/cb&nonce=n"),
     [("P1L907", "/scope")]),
    ("implicit without nonce", url(SPA, "response_type=id_token%20token&redirect_uri=https://widget.example.com/cb&scope=openid"),
     [("P1L908", "/nonce")]),
    ("hybrid with an ID token needs a nonce", url(HYBRID, f"response_type=code+id_token&redirect_uri=https://hybrid.example.com/cb&scope=openid&{PKCE}"),
     [("P1L908", "/nonce")]),
    ("code token needs no nonce", url(HYBRID, f"response_type=code%20token&redirect_uri=https://hybrid.example.com/cb&scope=openid&{PKCE}"), []),
    ("token alone needs neither", url(SPA, "response_type=token&redirect_uri=https://widget.example.com/cb&scope=api"), []),
    # prompt
    ("prompt none alone", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}&prompt=none"), []),
    ("prompt login consent", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}&prompt=login%20consent"), []),
    ("prompt none with login", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}&prompt=login+none"),
     [("P1L909", "/prompt")]),
    ("prompt case-sensitive", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}&prompt=Login"),
     [("P1L910", "/prompt")]),
    ("prompt select_account and create", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}&prompt=select_account%20create"),
     [("P1L910", "/prompt")]),
    # credentials, repetition, fragment
    ("client_secret in the URL", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}&client_secret=hunter2hunter2"),
     [("P1L912", "/client_secret")]),
    ("a fragment is never sent", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}#client_secret=x"), []),
    # the endpoint
    ("another environment", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}").replace(ENV, "e" + ENV[1:]),
     [("P1L911", "")]),
    ("no environment id", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}").replace(ENV + "/", ""),
     [("P1L911", "")]),
    ("a custom domain", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}").replace(f"auth.pingone.com/{ENV}", "login.example.com"), []),
    ("another region", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}").replace("auth.pingone.com", "auth.pingone.eu"), []),
    ("not the authorize endpoint", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}").replace("/as/authorize", "/as/token"),
     [("P1L911", "")]),
    ("http", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}").replace("https://auth", "http://auth"),
     [("P1L911", "")]),
    ("repeated parameter", url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}&scope=openid&scope=email"),
     [("P1L913", "/scope")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_request(snapshot_path, text, expected):
    assert sorted(found(snapshot_path, text)) == sorted(expected)


PAR_CASES = [
    ("pushed body is pushed", f"client_id={PAR}&response_type=code&redirect_uri=https%3A%2F%2Fpushed.example.com%2Fcb&{PKCE}", []),
    ("client secret in a pushed body", f"client_id={WEB}&client_secret=s3cr3t&response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}\n", []),
    ("pushed body is checked like a URL", f"client_id={WEB}&response_type=code&redirect_uri=https://web.example.com/x",
     [("P1L901", "/redirect_uri"), ("P1L903", "/code_challenge")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in PAR_CASES], ids=[c[0] for c in PAR_CASES])
def test_pushed_request(snapshot_path, text, expected):
    assert sorted(found(snapshot_path, text, "par")) == sorted(expected)


def test_the_named_application_is_checked_not_the_client_ids(snapshot_path):
    text = url(NATIVE, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}")
    assert found(snapshot_path, text, app=WEB) == [("P1L900", "/client_id")]
    assert found(snapshot_path, text, app="Native") == [("P1L901", "/redirect_uri")]


@pytest.mark.parametrize("key", ["Web", "Nobody"])
def test_an_application_that_cannot_be_told_is_a_usage_error(snapshot_path, key):
    with pytest.raises(P1LintError):
        found(snapshot_path, url(WEB, "response_type=code"), app=key)


def test_columns_point_at_the_parameter_and_into_its_value(snapshot_path):
    text = url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}&prompt=login%20F%C3%B6rce")
    rules = active_rules(catalogue(), "recommended")
    [finding] = lint_request(text, "url", snapshot_path, None, rules, RunSettings()).findings
    assert (finding.file, finding.line) == ("<request>", 1)
    assert text[finding.column - 1 :] == "F%C3%B6rce"


def test_the_environment_id_is_pointed_at(snapshot_path):
    other = "e" + ENV[1:]
    text = url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}").replace(ENV, other)
    rules = active_rules(catalogue(), "recommended")
    [finding] = lint_request(text, "url", snapshot_path, None, rules, RunSettings()).findings
    assert text[finding.column - 1 :].startswith(other + "/as/authorize")


def test_snapshot_requests_point_into_the_url_in_the_file(tmp_path):
    snapshot = {**SNAPSHOT, "authorizationRequests": [
        {"url": url(WEB, f"response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}")},
        {"application": {"id": WEB}, "url": url(WEB, "response_type=code&redirect_uri=https://web.example.com/x&" + PKCE)},
    ]}
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(snapshot, indent=2))
    result = lint(path)
    [finding] = [f for f in result.findings if f.rule.startswith("P1L9")]
    assert (finding.rule, finding.path) == ("P1L901", "/authorizationRequests/1/url")
    line = path.read_text().splitlines()[finding.line - 1]
    assert line[finding.column - 1 :].startswith("redirect_uri=https://web.example.com/x")


@pytest.mark.parametrize(("entry", "pointer"), [
    ({"application": {"id": "gone"}, "url": url(WEB, "response_type=code")}, "application"),
    ({"application": {"name": "Web"}, "url": url(WEB, "response_type=code")}, "application"),
    ({"application": "Web", "url": url(WEB, "response_type=code")}, "application"),
    ({"application": {"id": WEB}}, None),
    ({"url": 42}, None),
])
def test_a_malformed_entry_is_an_input_error_at_its_place(tmp_path, entry, pointer):
    path = tmp_path / "snapshot.yaml"
    import yaml

    path.write_text(yaml.safe_dump({**SNAPSHOT, "authorizationRequests": [entry]}, sort_keys=False))
    result = lint(path)
    [error] = result.errors
    assert error.line > 1
    assert not [f for f in result.findings if f.rule.startswith("P1L9")]


def test_application_files_without_requests_run_no_request_rules(tmp_path):
    path = tmp_path / "app.json"
    path.write_text(json.dumps(application(WEB, "Web")))
    assert [f for f in lint(path).findings if f.rule.startswith("P1L9")] == []
