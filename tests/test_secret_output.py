"""A committed secret is reported, but its value never reaches any output: text or JSON report,
standard output or standard error, valid or unparseable input, file or standard input."""

from __future__ import annotations

import json
import subprocess
import sys

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
FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")


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
