"""The parts of `p1lint pull` that need no server: redaction, base URLs, the results cache's
treatment of `check --pull`, and the start-up cost of `check` (httpx is imported only to pull)."""

from __future__ import annotations

import json

import pytest

from p1lint.cache.invocation import invocation_key
from p1lint.findings import P1LintError
from p1lint.pull.client import ApiClient, Settings
from p1lint.pull.credentials import Credentials, Secret
from p1lint.pull.endpoints import checked_base_url, endpoints
from p1lint.pull.redact import MARKER, redacted
from tests.pull_server import CLIENT_ID, CLIENT_SECRET, ENVIRONMENT, FakePingOne, Fault
from tests.support import FIXTURES
from tests.test_startup_imports import check_in_subprocess


def test_secret_values_are_replaced_and_their_metadata_kept():
    secret = {"secret": "abc", "previous": {"secret": "def", "expiresAt": "2030-01-01T00:00:00Z", "lastUsed": "x"}}
    assert redacted(secret) == {"secret": MARKER, "previous": {"secret": MARKER,
                                                               "expiresAt": "2030-01-01T00:00:00Z", "lastUsed": "x"}}
    assert redacted({"clientSecret": "abc", "name": "n"}) == {"clientSecret": MARKER, "name": "n"}


def test_private_jwk_members_are_replaced_in_text_and_objects():
    key = {"kty": "RSA", "n": "AQAB", "e": "AQAB", **{m: "private" for m in ("d", "p", "q", "dp", "dq", "qi")}}
    text = redacted({"jwks": json.dumps({"keys": [key, {"kty": "oct", "k": "symmetric"}]})})["jwks"]
    keys = json.loads(text)["keys"]
    assert keys[0] == {"kty": "RSA", "n": "AQAB", "e": "AQAB", **{m: MARKER for m in ("d", "p", "q", "dp", "dq", "qi")}}
    assert keys[1] == {"kty": "oct", "k": MARKER}
    assert redacted({"jwks": {"keys": [{"kty": "EC", "d": "x", "oth": [1]}]}}) == {
        "jwks": {"keys": [{"kty": "EC", "d": MARKER, "oth": MARKER}]}}


def test_unreadable_jwks_text_and_pem_private_keys_are_replaced_whole():
    assert redacted({"jwks": "-----BEGIN PRIVATE KEY-----\nMIIE..."}) == {"jwks": MARKER}
    assert redacted({"note": ["-----BEGIN RSA PRIVATE KEY-----"]}) == {"note": [MARKER]}


def test_a_secret_is_never_shown_by_its_repr():
    assert "hunter2" not in repr(Secret("hunter2")) + str(Secret("hunter2"))


@pytest.mark.parametrize(("region", "api", "auth"), [
    ("NA", "https://api.pingone.com", "https://auth.pingone.com"),
    ("EU", "https://api.pingone.eu", "https://auth.pingone.eu"),
    ("AP", "https://api.pingone.asia", "https://auth.pingone.asia"),
    ("AU", "https://api.pingone.com.au", "https://auth.pingone.com.au"),
    ("CA", "https://api.pingone.ca", "https://auth.pingone.ca"),
    ("sg", "https://api.pingone.sg", "https://auth.pingone.sg"),
])
def test_region_base_urls(region, api, auth):
    assert endpoints(region, None, None) == (api, auth)
    assert endpoints(region, None, None).token_url("env") == f"{auth}/env/as/token"


@pytest.mark.parametrize(("url", "accepted"), [
    ("https://api.example.com/", "https://api.example.com"),
    ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
    ("http://[::1]:8080/base/", "http://[::1]:8080/base"),
    ("http://localhost:9", "http://localhost:9"),
    ("http://10.0.0.1", None),
    ("http://api.pingone.com", None),
    ("https://api.example.com/?x=1", None),
])
def test_override_urls(url, accepted):
    if accepted is None:
        with pytest.raises(P1LintError):
            checked_base_url(url, "--api-url")
    else:
        assert checked_base_url(url, "--api-url") == accepted


def test_retry_after_is_honoured_and_bounded():
    waits: list[float] = []
    with FakePingOne() as server:
        path = f"/v1/environments/{ENVIRONMENT}/groups"
        server.fault(path, Fault(429, {"Retry-After": "2"}), Fault(429, {"Retry-After": "3600"}), Fault(502))
        client = ApiClient(endpoints("NA", server.url, server.url),
                           Credentials(CLIENT_ID, Secret(CLIENT_SECRET), "7445aeb0-c8ef-4b69-961b-eec1540cb4a5"),
                           Settings(max_delay=30.0, backoff=0.25), sleep=waits.append)
        with client:
            groups = client.list_all(path, "groups", paged=True)
    assert len(groups["_embedded"]["groups"]) == 5 and groups["size"] == 5
    assert waits[:2] == [2.0, 30.0]  # as asked, then no more than the ceiling
    assert 0.8 <= waits[2] <= 1.2  # a 502 without Retry-After, at the third attempt: 0.25 s doubled twice
    assert ("GET", path) in server.requests


def test_check_pull_is_never_answered_from_the_results_cache():
    assert invocation_key(["check", "--pull", "--environment", ENVIRONMENT]) is None
    assert invocation_key(["check", "app.json"]) is not None


def test_checking_a_file_does_not_import_the_http_client():
    result = check_in_subprocess("--no-config", str(FIXTURES / "good/worker-client-credentials.json"))
    assert result["code"] == 0
    assert not [m for m in result["modules"] if m.split(".")[0] in ("httpx", "httpcore")]
    assert "p1lint.pull.client" not in result["modules"]
