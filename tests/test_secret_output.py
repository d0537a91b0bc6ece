"""A committed secret is reported, but its value never reaches any output: text or JSON report,
standard output or standard error, valid or unparseable input, file or standard input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import FIXTURES

SECRET_FIXTURES = sorted((FIXTURES / "bad").glob("secrets-*"))
SECRETS = (
    "p7Qz~K2mVx9_Lr4Tn8Wb.Yc1Hd6Fs3Gj0Ae5Ru",  # secrets-worker-export.json
    "Zt5nB8q-Wm2Xk7Pv.Lc4Rj9Hf1Sd6Ga3Ye0Uo",
    "Mh3-Vq8Ty1~Kp6Zn0.Ws4Lb9Dj2Xr7Fc5Ge",  # secrets-worker-export.yaml
    "Qe9_Hs2Nv5.Jt8Wk1~Bp4Rc7Xm0Lz3Dy6Fa",
    "3Jr9QmZx7LpW2vTc",  # secrets-misnamed.json: client_secret, a decryption key, a URL password
    "c2VjcmV0LWRlY3J5cHRpb24ta2V5",
    "hunter2",
)
FORMATS = ("text", "json", "sarif", "junit", "github", "markdown", "html")


def p1lint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "p1lint", "check", *args], input=stdin, capture_output=True,
        text=True, check=False,
    )


def assert_no_secret(result: subprocess.CompletedProcess[str]) -> None:
    for secret in SECRETS:
        for fragment in (secret, secret[:12], secret[-12:]):
            assert fragment not in result.stdout
            assert fragment not in result.stderr


def test_the_fixtures_hold_the_secrets():
    text = "".join(path.read_text() for path in SECRET_FIXTURES)
    assert {path.suffix for path in SECRET_FIXTURES} == {".json", ".yaml"}
    assert all(secret in text for secret in SECRETS)


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("path", SECRET_FIXTURES, ids=[p.name for p in SECRET_FIXTURES])
def test_secret_is_reported_but_never_printed(path, output_format):
    result = p1lint("--format", output_format, "--fail-on", "info", str(path))
    assert result.returncode == 1
    assert "P1L750" in result.stdout or "P1L752" in result.stdout
    assert_no_secret(result)


@pytest.mark.parametrize("output_format", FORMATS)
def test_secret_read_from_standard_input_is_never_printed(output_format):
    text = (FIXTURES / "bad" / "secrets-worker-export.yaml").read_text()
    result = p1lint("--format", output_format, "--stdin-filename", "app.yaml", "-", stdin=text)
    assert "P1L750" in result.stdout or "P1L752" in result.stdout
    assert_no_secret(result)


def test_json_report_has_no_secret_in_any_field():
    result = p1lint("--format", "json", *map(str, SECRET_FIXTURES))
    report = json.loads(result.stdout)
    committed = [f for f in report["findings"] if f["rule"] == "P1L750"]
    assert sorted(f["path"] for f in committed) == sorted(
        ["/clientSecret", "/secret/secret", "/secret/previous/secret"] * 2
    )
    for finding in report["findings"]:
        for value in finding.values():
            assert not any(secret in str(value) for secret in SECRETS)


@pytest.mark.parametrize(
    "text",
    [
        'name: x\nclientSecret: "p7Qz~K2mVx9_Lr4Tn8Wb.Yc1Hd6Fs3Gj0Ae5Ru\nenabled: true\n',
        "name: x\nclientSecret: p7Qz~K2mVx9_Lr4Tn8Wb.Yc1Hd6Fs3Gj0Ae5Ru: 1\n",
        '{"name": "x", "clientSecret": "p7Qz~K2mVx9_Lr4Tn8Wb.Yc1Hd6Fs3Gj0Ae5Ru" "enabled": true}',
    ],
    ids=["yaml-unterminated", "yaml-mapping", "json-missing-comma"],
)
@pytest.mark.parametrize("output_format", FORMATS)
def test_unparseable_input_does_not_echo_the_secret(tmp_path, text, output_format):
    path = tmp_path / ("app.json" if text.startswith("{") else "app.yaml")
    path.write_text(text)
    result = p1lint("--format", output_format, str(path))
    assert result.returncode == 2
    assert_no_secret(result)


# Credentials written into URIs, each behind a distinct marker: in userinfo (also without `//`),
# as a password whose `@host` was cut off, and as credential-named query and fragment parameters.
PLANTED_URIS = {
    "redirectUris": [
        "http://app.example.com/cb?client_secret=PLANTED01",
        "https://app.example.com/cb#access_token=PLANTED02",
        "https:user:PLANTED03@app.example.com/cb",
        "https:/user:PLANTED04@app.example.com/cb",
        "https:\\\\user:PLANTED05@app.example.com/cb",
        "HTTPS://app.example.com:443/cb?code=PLANTED06",
        "https://app.example.com/./cb?id_token=PLANTED07&x=1",
        "https://app.example.com/cb?refresh_token=PLANTED08*",
        "http://127.1/cb?Password=PLANTED09",
        "http://localhost/cb?api%5Fkey=PLANTED10",
        "https://app.example.com/cb?next=https%3A%2F%2Fu%3APLANTED11%40evil.example",
        "https://app.example.com/#/cb?access_token=PLANTED12&state=s",
        "https://user:PLANTED13/PLANTED14@app.example.com/cb",
        "https://app.example.com/cb?X-Amz-Signature=PLANTED15&caf\u00e9",
        "https://app.example.com/./cb?code=PLANTED16\u00e9",
    ],
    "postLogoutRedirectUris": ["http://evil.example.com/out?token=PLANTED17",
                               "https://EXAMPLE.com/x#sig=PLANTED18"],
    "corsSettings": {"behavior": "ALLOW_SPECIFIC_ORIGINS",
                     "origins": ["https://user:PLANTED19@app.example.com", "https://admin:PLANTED20"]},
    "homePageUrl": "http://home.example.com/?assertion=PLANTED21",
    "loginPageUrl": "http://u:PLANTED22@login.example.com/",
    "initiateLoginUri": "http://init.example.com/?client_assertion=PLANTED23",
    "targetLinkUri": "http://tl.example.com/#secret=PLANTED24",
    "jwksUrl": "http:user:PLANTED25@keys.example.com/jwks",
    "icon": {"href": "http:/u:PLANTED26@cdn.example.com/logo.png?sig=PLANTED27"},
}
# YAML whose tag or alias names carry the value; each file is an input error of its own.
PLANTED_YAML = {
    "tag.yaml": "name: x\nclientSecret: !PLANTED28-secret abc\n",
    "verbatim-tag.yaml": "name: x\nclientSecret: !<tag:PLANTED29> abc\n",
    "alias.yaml": "name: x\nclientSecret: *PLANTED30\n",
    "bool-tag.yaml": "name: x\nclientSecret: !!bool PLANTED31\n",
    "int-tag.yaml": "name: x\nclientSecret: !!int PLANTED32\n",
}
PLANTED = [f"PLANTED{number:02}" for number in range(1, 33)]


def planted_files(directory):
    application = {"id": "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "name": "Planted", "enabled": True,
                   "protocol": "OPENID_CONNECT", "type": "WEB_APP", "grantTypes": ["AUTHORIZATION_CODE"],
                   "responseTypes": ["CODE"], "pkceEnforcement": "S256_REQUIRED",
                   "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC", **PLANTED_URIS}
    (directory / "app.json").write_text(json.dumps(application, indent=2))
    for name, text in PLANTED_YAML.items():
        (directory / name).write_text(text)
    return [str(directory / name) for name in ("app.json", *PLANTED_YAML)]


def assert_nothing_planted(*texts):
    leaked = [marker for marker in PLANTED if any(marker in text for text in texts)]
    assert leaked == []


def test_every_planted_credential_is_in_the_input(tmp_path):
    text = "".join(Path(path).read_text() for path in planted_files(tmp_path))
    assert all(marker in text for marker in PLANTED)


@pytest.mark.parametrize("output_format", FORMATS)
def test_no_planted_credential_reaches_any_output(tmp_path, output_format):
    result = p1lint("--format", output_format, "--fail-on", "info", *planted_files(tmp_path))
    assert result.returncode == 2  # the YAML files are input errors; app.json has findings
    assert "P1L105" in result.stdout and "P1L502" in result.stdout
    assert_nothing_planted(result.stdout, result.stderr)


def test_no_planted_credential_reaches_the_baseline(tmp_path):
    baseline = tmp_path / "baseline.json"
    result = p1lint("--write-baseline", str(baseline), *planted_files(tmp_path))
    entries = json.loads(baseline.read_text())["findings"]
    assert len(entries) > 30
    assert_nothing_planted(result.stdout, result.stderr, baseline.read_text())


def test_the_planted_uris_are_shown_with_only_their_credentials_hidden(tmp_path):
    result = p1lint("--format", "json", "--fail-on", "info", *planted_files(tmp_path))
    messages = "\n".join(finding["message"] for finding in json.loads(result.stdout)["findings"])
    assert '"https:[redacted]@app.example.com/cb"' in messages
    assert '"http://app.example.com/cb?client_secret=[redacted]"' in messages
    assert "browsers use https://app.example.com/cb?code=[redacted];" in messages


def test_an_internal_error_names_the_exception_but_not_its_text(monkeypatch):
    from p1lint import engine
    from tests.support import lint

    def crash(*args):
        raise KeyError("PLANTED99")

    monkeypatch.setattr(engine, "_check_rule", crash)
    errors = lint(FIXTURES / "good" / "web-app-authorization-code.json").errors
    assert errors and all("internal error in rule" in error.message for error in errors)
    assert all("KeyError" in error.message and "PLANTED99" not in error.message for error in errors)
