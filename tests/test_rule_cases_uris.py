"""Edge cases of the redirect and sign-off URI, third-party login and Overview rules: which
applications each rule reports, and where (JSON Pointer below the application)."""

from __future__ import annotations

import json

import pytest

from p1lint.pointer import format_pointer
from tests.support import lint, rule_by_name, run_rule

WEB = {"type": "WEB_APP", "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"]}
NATIVE = {"type": "NATIVE_APP", "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"]}
GOOD = "https://app.example.com/callback"


def app(base, **fields):
    return {**base, **fields}


CASES = [
    # P1L101: only the two browser-redirecting grants need a redirect URI
    ("redirect-uri-required", app(WEB), ["/redirectUris"]),
    ("redirect-uri-required", app(WEB, grantTypes=["IMPLICIT"], redirectUris=[]), ["/redirectUris"]),
    ("redirect-uri-required", app(WEB, grantTypes=["CLIENT_CREDENTIALS", "DEVICE_CODE"]), []),
    ("redirect-uri-required", app(WEB, grantTypes="AUTHORIZATION_CODE"), []),
    ("redirect-uri-required", app(WEB, redirectUris=[GOOD]), []),
    # P1L100 reports each element of both lists at its own index
    ("redirect-uri-absolute", app(WEB, redirectUris=[GOOD, "/cb"], postLogoutRedirectUris=["", GOOD]),
     ["/redirectUris/1", "/postLogoutRedirectUris/0"]),
    # P1L103 / P1L104 split the lists by severity
    ("redirect-uri-http-loopback-only",
     app(WEB, redirectUris=["http://a.example.com/cb", "http://127.0.0.1/cb", "http://[::1]/cb"],
         postLogoutRedirectUris=["http://a.example.com/bye"]), ["/redirectUris/0"]),
    ("post-logout-uri-http-loopback-only",
     app(WEB, redirectUris=["http://a.example.com/cb"], postLogoutRedirectUris=["http://a.example.com/bye"]),
     ["/postLogoutRedirectUris/0"]),
    ("redirect-uri-http-loopback-only", app(NATIVE, redirectUris=["http:\\\\evil.example/cb"]), ["/redirectUris/0"]),
    # P1L115 fires on false or absent only; a wrong type is the structure rules' business
    ("redirect-uri-wildcard-disabled", app(WEB, redirectUris=["https://a.example.com/cb*"]), ["/redirectUris/0"]),
    ("redirect-uri-wildcard-disabled",
     app(WEB, redirectUris=["https://a.example.com/cb*"], allowWildcardInRedirectUris=False), ["/redirectUris/0"]),
    ("redirect-uri-wildcard-disabled",
     app(WEB, redirectUris=["https://a.example.com/cb*"], allowWildcardInRedirectUris=True), []),
    ("redirect-uri-wildcard-disabled",
     app(WEB, redirectUris=["https://a.example.com/cb*"], allowWildcardInRedirectUris="true"), []),
    # P1L116 whatever the flag; P1L117 only valid patterns with the flag on
    ("redirect-uri-wildcard-position", app(WEB, redirectUris=["https://*.example.com/cb"]), ["/redirectUris/0"]),
    ("redirect-uri-wildcard-position",
     app(WEB, allowWildcardInRedirectUris=True, redirectUris=["https://a.example.com/*/cb", "https://a.example.com/*/*"]),
     ["/redirectUris/1"]),
    ("redirect-uri-pattern",
     app(WEB, allowWildcardInRedirectUris=True, redirectUris=["https://a.example.com/*/cb", "https://*.example.com/cb"]),
     ["/redirectUris/0"]),
    ("redirect-uri-pattern", app(WEB, redirectUris=["https://a.example.com/*/cb"]), []),
    # P1L118 points at the flag
    ("redirect-uri-wildcard-flag-unused", app(WEB, allowWildcardInRedirectUris=True, redirectUris=[GOOD]),
     ["/allowWildcardInRedirectUris"]),
    ("redirect-uri-wildcard-flag-unused", app(WEB, allowWildcardInRedirectUris=True), ["/allowWildcardInRedirectUris"]),
    ("redirect-uri-wildcard-flag-unused",
     app(WEB, allowWildcardInRedirectUris=True, redirectUris=["https://a.example.com/*/cb"]), []),
    ("redirect-uri-wildcard-flag-unused", app(WEB, allowWildcardInRedirectUris="yes", redirectUris=[GOOD]), []),
    # P1L119: the flag never applies to sign-off URLs
    ("post-logout-uri-no-wildcard",
     app(WEB, allowWildcardInRedirectUris=True, postLogoutRedirectUris=["https://a.example.com/*"]),
     ["/postLogoutRedirectUris/0"]),
    # loopback rules split by application type
    ("redirect-uri-loopback-native-only",
     app(WEB, redirectUris=[GOOD, "http://localhost:3000/cb"], postLogoutRedirectUris=["https://127.0.0.1/bye"]),
     ["/redirectUris/1", "/postLogoutRedirectUris/0"]),
    ("redirect-uri-loopback-native-only", app(NATIVE, redirectUris=["http://127.0.0.1/cb"]), []),
    ("redirect-uri-loopback-native-only", app(WEB, type="WEBAPP", redirectUris=["http://127.0.0.1/cb"]), []),
    ("redirect-uri-no-localhost", app(NATIVE, redirectUris=["http://localhost/cb"]), ["/redirectUris/0"]),
    ("redirect-uri-no-localhost", app(NATIVE, type="CUSTOM_APP", postLogoutRedirectUris=["http://localhost/bye"]),
     ["/postLogoutRedirectUris/0"]),
    ("redirect-uri-no-localhost", app(WEB, redirectUris=["http://localhost/cb"]), []),
    ("redirect-uri-https-loopback",
     app(NATIVE, redirectUris=["https://[::1]/cb"], postLogoutRedirectUris=["https://127.0.0.1/bye"]),
     ["/redirectUris/0"]),
    ("redirect-uri-loopback-port", app(NATIVE, redirectUris=["http://127.0.0.1:8400/cb", "http://127.0.0.1/cb"]),
     ["/redirectUris/0"]),
    ("redirect-uri-loopback-port", app(WEB, redirectUris=["http://127.0.0.1:8400/cb"]), []),
    # P1L120 compares exactly, per list
    ("redirect-uri-duplicate",
     app(WEB, redirectUris=[GOOD, GOOD.upper(), GOOD], postLogoutRedirectUris=[GOOD]), ["/redirectUris/2"]),
    # third-party login
    ("initiate-login-uri-https", app(WEB, initiateLoginUri="http://localhost:8080/login"), []),
    ("initiate-login-uri-https", app(WEB, initiateLoginUri="https://a.example.com/login"), []),
    ("target-link-uri-absolute", app(WEB, targetLinkUri="javascript:alert(1)"), ["/targetLinkUri"]),
    ("target-link-uri-https", app(WEB, targetLinkUri="http://127.0.0.1:8080/home"), []),
    ("target-link-uri-same-origin",
     app(WEB, initiateLoginUri="https://a.example.com:443/login", targetLinkUri="https://A.example.com/home"), []),
    ("target-link-uri-same-origin", app(WEB, targetLinkUri="https://b.example.com/home"), []),
    ("app-portal-initiate-login-uri", app(WEB, hiddenFromAppPortal=False, initiateLoginUri=""),
     ["/hiddenFromAppPortal"]),
    ("app-portal-initiate-login-uri", app(WEB), []),
    ("app-portal-initiate-login-uri", app(NATIVE, hiddenFromAppPortal=False), []),
    ("app-portal-initiate-login-uri", app(WEB, hiddenFromAppPortal=True), []),
    # Overview
    ("app-url-https", app(WEB, homePageUrl="http://127.0.0.1:8080/", loginPageUrl="http://[::1]/login"),
     ["/loginPageUrl"]),
    ("app-url-unsafe-characters", app(WEB, targetLinkUri="https://a.example.com/\u202ehome", icon={"href": " x"}),
     ["/targetLinkUri", "/icon/href"]),
    ("app-url-no-userinfo", app(WEB, initiateLoginUri="https://a.example.com@evil.example/"), ["/initiateLoginUri"]),
    ("icon-href-url", app(WEB, icon={"href": "data:image/png;base64,AAAA"}), ["/icon/href"]),
    ("icon-image-format", app(WEB, icon={"href": "https://cdn.example.com/logo"}), []),
    ("application-name-blank", app(WEB, name="\t"), ["/name"]),
    ("application-name-blank", app(WEB), []),
]


@pytest.mark.parametrize(("name", "application", "pointers"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_reports_exactly(name, application, pointers):
    hits = run_rule(rule_by_name(name), application)
    assert [format_pointer(hit.pointer) for hit in hits] == pointers


def test_names_are_compared_within_one_environment_not_across_files(tmp_path):
    first = tmp_path / "a.json"
    second = tmp_path / "b.yaml"
    first.write_text(json.dumps([{**WEB, "name": "Partner portal"}, {**WEB, "name": " partner  PORTAL"}]))
    second.write_text("name: Partner portal\ntype: WEB_APP\n")
    findings = [f for f in lint(tmp_path).findings if f.name == "application-name-unique"]
    assert [(f.file, f.path, f.line) for f in findings] == [(str(first), "/1/name", 1)]
    assert "'Partner portal', ignoring case and spacing" in findings[0].message


def test_names_in_a_snapshot_are_compared_across_its_directory_files(tmp_path):
    (tmp_path / "applications.json").write_text(json.dumps(
        {"_embedded": {"applications": [{**WEB, "id": "a1", "name": "Portal"}, {**WEB, "id": "a2", "name": "portal"}]}}))
    (tmp_path / "roles.json").write_text(json.dumps({"_embedded": {"roles": []}}))
    findings = [f for f in lint(tmp_path).findings if f.name == "application-name-unique"]
    assert [(f.file, f.path) for f in findings] == [(str(tmp_path / "applications.json"), "/_embedded/applications/1/name")]
