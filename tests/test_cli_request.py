"""`p1lint request`: exit codes, formats, selection, standard input, and a request's secrets,
which no output ever shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from tests.support import FIXTURES
from tests.test_request_checker import PKCE, SNAPSHOT, WEB, url

SECRET = "Zq8-never-shown-4711"
CLEAN = url(WEB, f"response_type=code&redirect_uri=https%3A%2F%2Fweb.example.com%2Fcb&scope=openid&{PKCE}")
BAD = url(WEB, f"response_type=code&redirect_uri=https://web.example.com/other&scope=openid&{PKCE}")
LEAKY = url(WEB, f"response_type=code&redirect_uri=https://web.example.com/x?token={SECRET}&{PKCE}"
                 f"&client_secret={SECRET}&code_verifier={SECRET}&login_hint={SECRET}")
ACME = str(FIXTURES / "environments" / "acme" / "snapshot.yaml")


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    path = tmp_path_factory.mktemp("env") / "snapshot.json"
    path.write_text(json.dumps(SNAPSHOT))
    return str(path)


def run(*args, input=None):
    return CliRunner().invoke(cli, ["request", "--no-config", *args], input=input)


def test_a_valid_request_exits_zero(env):
    result = run(CLEAN, "--env", env)
    assert result.exit_code == 0, result.output
    assert "No problems found" in result.output


def test_a_finding_exits_one_with_the_column_of_the_parameter(env):
    result = run(BAD, "--env", env, "--no-color")
    assert result.exit_code == 1
    column = BAD.index("redirect_uri=") + 1
    assert result.output.splitlines()[0].startswith(f"<request>:1:{column}: P1L901 error ")


def test_json_names_the_parameter(env):
    result = run(BAD, "--env", env, "--format", "json")
    [finding] = json.loads(result.output)["findings"]
    assert (finding["rule"], finding["file"], finding["path"], finding["line"]) == ("P1L901", "<request>", "/redirect_uri", 1)


@pytest.mark.parametrize(("options", "code"), [
    ((), 1), (("--ignore", "P1L901"), 0), (("--ignore", "request-redirect-uri-registered"), 0),
    (("--select", "P1L1"), 0), (("--fail-on", "error"), 1), (("--select", "P1L99"), 2),
])
def test_selection_and_exit_codes(env, options, code):
    assert run(BAD, "--env", env, *options).exit_code == code


def test_the_request_from_standard_input(env):
    assert run("-", "--env", env, input=BAD + "\n").exit_code == 1
    assert run("-", "--env", env, input=CLEAN + "\n").exit_code == 0


def test_a_pushed_body(env):
    body = f"client_id={WEB}&client_secret={SECRET}&response_type=code&redirect_uri=https://web.example.com/cb&{PKCE}"
    assert run(body, "--env", env, "--par").exit_code == 0
    assert run(body, "--env", env).exit_code == 1  # read as a URL it has no query: no client_id


@pytest.mark.parametrize("options", [("--app", "Nobody"), ("--app", "Web")])
def test_an_application_that_cannot_be_told_exits_two(env, options):
    result = run(CLEAN, "--env", env, *options)
    assert result.exit_code == 2
    assert result.output.startswith("p1lint: ")


def test_a_missing_or_broken_environment_exits_two(tmp_path):
    assert run(CLEAN, "--env", str(tmp_path / "missing.yaml")).exit_code == 2
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    assert run(CLEAN, "--env", str(broken)).exit_code == 2


def test_the_environment_may_be_a_snapshot_directory_or_an_application_file(tmp_path):
    acme_request = "https://auth.pingone.com/c2a9cf6f-bdf5-4fd0-a82c-fd435399dfa8/as/authorize?response_type=token&client_id=85e81958-5fc3-497f-9a6f-aacafe14e435&redirect_uri=https%3A%2F%2Fstore.acme.example.com%2Fauth%2Fcallback&scope=orders%3Aread"
    result = run(acme_request, "--env", str(FIXTURES / "environments" / "acme-directory"), "--format", "json")
    assert [f["rule"] for f in json.loads(result.output)["findings"]] == ["P1L902"]
    app = tmp_path / "app.json"
    app.write_text(json.dumps(SNAPSHOT["applications"][0]))
    assert run(CLEAN, "--env", str(app)).exit_code == 0


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit", "github", "markdown"])
def test_secrets_of_the_request_are_never_shown(env, output_format):
    result = CliRunner().invoke(cli, ["request", "--no-config", LEAKY, "--env", env, "--format", output_format])
    assert result.exit_code == 1
    assert "P1L912" in result.output
    assert SECRET not in result.output


def test_the_clean_snapshot_stays_silent():
    clean = str(FIXTURES / "environments" / "clean" / "snapshot.yaml")
    result = CliRunner().invoke(cli, ["check", "--no-config", "--select", "P1L9", "--format", "json", clean])
    assert json.loads(result.output)["findings"] == []


def test_the_acme_requests_are_checked_during_check():
    result = CliRunner().invoke(cli, ["check", "--no-config", "--select", "P1L9", "--format", "json", ACME])
    found = sorted((f["rule"], f["path"]) for f in json.loads(result.output)["findings"])
    assert found == sorted([
        ("P1L901", "/authorizationRequests/1/url"), ("P1L910", "/authorizationRequests/2/url"),
        ("P1L902", "/authorizationRequests/3/url"), ("P1L903", "/authorizationRequests/4/url"),
        ("P1L906", "/authorizationRequests/5/url"), ("P1L907", "/authorizationRequests/6/url"),
        ("P1L908", "/authorizationRequests/7/url"),
    ])


def test_acr_values_are_judged_against_the_application(tmp_path):
    lines = Path(ACME).read_text(encoding="utf-8").splitlines()
    first = next(line for line in lines if "url:" in line).split('"')[1]
    asked = first.replace("acr_values=Single_Factor", "acr_values=Single_Factor%20Multi_Factr")
    result = run(asked, "--env", ACME, "--format", "json")
    [finding] = json.loads(result.output)["findings"]
    assert (finding["rule"], finding["path"]) == ("P1L753", "/acr_values")
    assert asked[finding["column"] - 1 :] == "Multi_Factr"
    assert run(first, "--env", ACME).exit_code == 0
