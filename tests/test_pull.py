"""`p1lint pull` against a PingOne stand-in on 127.0.0.1 (tests/pull_server.py): the real HTTP
client, the real command line in a fresh interpreter, the snapshot on disk, and `p1lint check`
on what was pulled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pull_server import (
    ACTOR_USER,
    BILLING,
    CLIENT_ID,
    CLIENT_SECRET,
    ENVIRONMENT,
    SECRETS,
    SIGNING,
    FakePingOne,
    Fault,
    pull_arguments,
    pull_environment,
    written_text,
)
from tests.support import EXPECTATIONS, lint

ACME_SETTINGS = {"custom_attributes": ("employeeNumber", "costCenter", "loyaltyTier", "preferences"),
                 "custom_domain": "login.acme.example.com"}


@pytest.fixture
def server():
    with FakePingOne() as api:
        yield api


def p1lint(*arguments: str, env: dict[str, str] | None = None, stdin: str | None = None,
           cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command line in a fresh interpreter, without the caller's PingOne credentials."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("PINGONE_")}
    return subprocess.run([sys.executable, "-m", "p1lint", *arguments], env={**base, **(env or {})},
                          input=stdin, capture_output=True, text=True, timeout=120, cwd=cwd)


def pull_to(server: FakePingOne, target: Path, *extra: str, env: dict[str, str] | None = None):
    return p1lint("pull", *pull_arguments(server), "-o", str(target), *extra,
                  env={**pull_environment(server), **(env or {})})


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text


def findings_of(directory: Path) -> set[tuple[str, str, str]]:
    result = lint(directory, **ACME_SETTINGS)
    assert result.errors == []
    return {(f.rule, Path(f.file).relative_to(directory).as_posix(), f.path) for f in result.findings}


# -- the snapshot --------------------------------------------------------------------------------

def test_a_pull_writes_the_snapshot_directory_with_every_page(server, tmp_path):
    run = pull_to(server, tmp_path / "snapshot")
    assert run.returncode == 0, run.stderr
    snapshot = tmp_path / "snapshot"
    applications = json.loads((snapshot / "applications.json").read_text())
    assert [a["name"] for a in applications["_embedded"]["applications"]][-2:] == ["Billing worker",
                                                                                   "Signing partner"]
    assert len(applications["_embedded"]["applications"]) == 8  # three pages of three
    assert "next" not in applications["_links"]
    assert ("GET", f"/v1/environments/{ENVIRONMENT}/applications") in server.requests
    assert {p.name for p in snapshot.iterdir()} == {
        "pulled.json", "environment.json", "applications.json", "applications", "resources.json", "scopes.json",
        "signOnPolicies.json", "flowPolicies.json", "roles.json", "groups.json", "populations.json",
        "schema.json", "actor.json"}
    about = json.loads((snapshot / "pulled.json").read_text())
    assert about["partial"] is False and about["missing"] == [] and about["environment"] == {"id": ENVIRONMENT}
    actor = json.loads((snapshot / "actor.json").read_text())
    assert (actor["type"], actor["id"], actor["name"]) == ("USER", ACTOR_USER, "dana.whitfield@acme.example.com")
    assert "8 applications" in run.stderr


def test_check_on_the_pulled_snapshot_finds_what_the_exported_one_has(server, tmp_path):
    assert pull_to(server, tmp_path / "snapshot").returncode == 0
    exported = json.loads((EXPECTATIONS / "environments/acme-directory.expected.json").read_text())
    expected = {(f["rule"], f["file"], f["path"]) for f in exported["findings"]
                if f["file"] != "authorizationRequests.json"}  # requests seen in the field: not in the API
    added = {  # the two applications the stand-in adds, at index 6 and 7
        ("P1L751", f"applications/{BILLING}/secret.json", "/previous/expiresAt"),
        ("P1L301", "applications.json", "/_embedded/applications/6/tokenEndpointAuthMethod"),
        ("P1L323", "applications.json", "/_embedded/applications/7/jwks"),
        ("P1L329", "applications.json", "/_embedded/applications/7/jwks"),
    }
    assert findings_of(tmp_path / "snapshot") == expected | added


def test_no_secret_value_or_private_key_member_is_written_or_printed(server, tmp_path):
    run = pull_to(server, tmp_path / "snapshot")
    assert run.returncode == 0
    assert_no_secret(run.stdout, run.stderr, written_text(tmp_path / "snapshot"))
    secret = json.loads((tmp_path / "snapshot" / "applications" / BILLING / "secret.json").read_text())
    assert secret["secret"] == "[redacted]" and secret["previous"]["secret"] == "[redacted]"
    assert secret["previous"]["expiresAt"] == "2999-01-01T00:00:00.000Z"  # the metadata is kept
    applications = json.loads((tmp_path / "snapshot" / "applications.json").read_text())
    signing = next(a for a in applications["_embedded"]["applications"] if a["id"] == SIGNING)
    assert json.loads(signing["jwks"])["keys"][0]["d"] == "[redacted]"
    check = p1lint("check", "--no-config", "--format", "json", str(tmp_path / "snapshot"))
    assert_no_secret(check.stdout, check.stderr)


def test_pull_to_standard_output_pipes_into_check(server, tmp_path):
    pulled = p1lint("pull", *pull_arguments(server), env=pull_environment(server))
    assert pulled.returncode == 0, pulled.stderr
    assert_no_secret(pulled.stdout, pulled.stderr)
    document = json.loads(pulled.stdout)
    billing = next(a for a in document["applications"]["_embedded"]["applications"] if a["id"] == BILLING)
    assert billing["secret"]["previous"]["secret"] == "[redacted]"
    checked = p1lint("check", "--no-config", "--format", "json", "-", stdin=pulled.stdout)
    assert checked.returncode == 1, checked.stderr
    rules = {finding["rule"] for finding in json.loads(checked.stdout)["findings"]}
    assert {"P1L734", "P1L740", "P1L741", "P1L742", "P1L751", "P1L323"} <= rules


def test_check_pull_checks_the_live_environment(server, tmp_path):
    run = p1lint("check", "--no-config", "--pull", *pull_arguments(server), "--format", "json",
                 env=pull_environment(server))
    assert run.returncode == 1, run.stderr
    rules = {finding["rule"] for finding in json.loads(run.stdout)["findings"]}
    assert {"P1L734", "P1L722", "P1L751", "P1L323"} <= rules
    assert_no_secret(run.stdout, run.stderr)


def test_the_secret_may_come_on_standard_input_with_client_id(server, tmp_path):
    env = {k: v for k, v in pull_environment(server).items() if k != "PINGONE_CLIENT_SECRET"}
    run = p1lint("pull", *pull_arguments(server), "--client-id", CLIENT_ID, "-o", str(tmp_path / "s"),
                 env={**env, "PINGONE_CLIENT_ID": "not-this-one"}, stdin=CLIENT_SECRET + "\n")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "s" / "applications.json").is_file()


def test_the_worker_is_the_actor_by_default(server, tmp_path):
    arguments = [a for a in pull_arguments(server) if a not in ("--actor-user", ACTOR_USER)]
    run = p1lint("pull", *arguments, "-o", str(tmp_path / "s"), env=pull_environment(server))
    assert run.returncode == 0, run.stderr
    actor = json.loads((tmp_path / "s" / "actor.json").read_text())
    assert (actor["type"], actor["id"], actor["name"]) == ("APPLICATION", CLIENT_ID, "Audit worker")
    assert len(actor["roleAssignments"]["_embedded"]["roleAssignments"]) == 1


# -- the API's errors ------------------------------------------------------------------------------

def test_a_forbidden_collection_makes_a_partial_snapshot_naming_the_role(server, tmp_path):
    server.fault("/v1/roles", Fault(403, body=json.dumps(
        {"id": "x", "code": "ACCESS_FAILED", "message": "You do not have access to this resource."}).encode()))
    run = pull_to(server, tmp_path / "snapshot")
    assert run.returncode == 0, run.stderr
    assert "partial snapshot" in run.stderr
    assert "the worker needs Configuration Read Only or Environment Admin to read roles" in run.stderr
    assert not (tmp_path / "snapshot" / "roles.json").exists()
    about = json.loads((tmp_path / "snapshot" / "pulled.json").read_text())
    assert about["partial"] is True
    assert [(m["collection"], m["status"]) for m in about["missing"]] == [("roles", 403)]
    check = p1lint("check", "--no-config", "--format", "json", str(tmp_path / "snapshot"))
    assert "not checked, for lack of context in the snapshot: roles" in check.stderr
    partial = [f for f in json.loads(check.stdout)["findings"] if f["rule"] == "P1L761"]
    assert [(f["file"].rsplit("/", 1)[-1], f["path"], f["severity"]) for f in partial] == [
        ("pulled.json", "/missing/0", "warning")]
    assert "The snapshot is partial: roles could not be pulled (HTTP 403" in partial[0]["message"]


def test_a_forbidden_secret_leaves_out_that_application_secret_only(server, tmp_path):
    server.fault(f"/v1/environments/{ENVIRONMENT}/applications/{BILLING}/secret", Fault(403))
    run = pull_to(server, tmp_path / "snapshot")
    assert run.returncode == 0, run.stderr
    about = json.loads((tmp_path / "snapshot" / "pulled.json").read_text())
    assert [(m["collection"], m["applications"]) for m in about["missing"]] == [
        ("applications/*/secret", [BILLING])]
    assert "every role the application holds" in run.stderr
    assert (tmp_path / "snapshot" / "roles.json").exists()


def test_forbidden_applications_are_an_error(server, tmp_path):
    server.fault(f"/v1/environments/{ENVIRONMENT}/applications", Fault(403))
    run = pull_to(server, tmp_path / "snapshot")
    assert run.returncode == 2
    assert "cannot read applications" in run.stderr and "Configuration Read Only" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "snapshot").exists()


def test_rate_limiting_is_waited_out_as_retry_after_says(server, tmp_path):
    server.fault(f"/v1/environments/{ENVIRONMENT}/applications", Fault(429, {"Retry-After": "1"}))
    run = pull_to(server, tmp_path / "snapshot")
    assert run.returncode == 0, run.stderr
    applications = json.loads((tmp_path / "snapshot" / "applications.json").read_text())
    assert len(applications["_embedded"]["applications"]) == 8


def test_server_errors_are_retried_a_bounded_number_of_times(server, tmp_path):
    path = f"/v1/environments/{ENVIRONMENT}/resources"
    server.fault(path, *[Fault(503)] * 3)
    run = pull_to(server, tmp_path / "snapshot", "--retries", "2")
    assert run.returncode == 2
    assert f"GET {path}: HTTP 503 (tried 3 times)" in run.stderr
    assert server.requests.count(("GET", path)) == 3
    assert "Traceback" not in run.stderr


def test_a_slow_answer_past_the_timeout_is_retried_then_reported(server, tmp_path):
    path = f"/v1/environments/{ENVIRONMENT}"
    server.fault(path, Fault(delay=1.5))
    assert pull_to(server, tmp_path / "once", "--timeout", "0.5", "--retries", "1").returncode == 0
    server.fault(path, Fault(delay=1.5), Fault(delay=1.5))
    run = pull_to(server, tmp_path / "never", "--timeout", "0.5", "--retries", "1")
    assert run.returncode == 2
    assert f"GET {path}: no answer within 0.5 s (tried 2 times)" in run.stderr


def test_malformed_json_is_an_error_and_the_previous_snapshot_stays(server, tmp_path):
    snapshot = tmp_path / "snapshot"
    assert pull_to(server, snapshot).returncode == 0
    before = written_text(snapshot)
    server.fault(f"/v1/environments/{ENVIRONMENT}/groups", Fault(200, body=b'{"_embedded": {"groups": [}'))
    run = pull_to(server, snapshot)
    assert run.returncode == 2
    assert "answered with malformed JSON" in run.stderr and "Traceback" not in run.stderr
    assert written_text(snapshot) == before
    assert [p.name for p in tmp_path.iterdir()] == ["snapshot"]  # no staging directory left behind


def test_refused_credentials_are_a_clear_error_without_the_secret(server, tmp_path):
    run = pull_to(server, tmp_path / "s", env={"PINGONE_CLIENT_SECRET": "wrong-" + CLIENT_SECRET})
    assert run.returncode == 2
    assert "PingOne refused the worker's credentials (HTTP 401, invalid_client" in run.stderr
    assert CLIENT_SECRET not in run.stderr and "Traceback" not in run.stderr


# -- what a pull refuses to do -----------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://api.example.com", "ftp://127.0.0.1", "https://user:pw@api.example.com"])
def test_an_override_must_be_https_unless_loopback(url, tmp_path):
    run = p1lint("pull", "--environment", ENVIRONMENT, "--api-url", url, "--auth-url", url, "-o",
                 str(tmp_path / "s"), env={"PINGONE_CLIENT_ID": CLIENT_ID, "PINGONE_CLIENT_SECRET": CLIENT_SECRET,
                                           "PINGONE_ENVIRONMENT_ID": ENVIRONMENT})
    assert run.returncode == 2 and "--api-url must" in run.stderr


def test_a_directory_not_written_by_a_pull_is_never_replaced(server, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    run = pull_to(server, tmp_path)
    assert run.returncode == 2 and "not replaced" in run.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_next_link_to_another_host_is_not_followed(server, tmp_path):
    page = {"_embedded": {"groups": []}, "_links": {"next": {"href": "https://elsewhere.example/v1/groups"}}}
    server.fault(f"/v1/environments/{ENVIRONMENT}/groups", Fault(200, body=json.dumps(page).encode()))
    run = pull_to(server, tmp_path / "s")
    assert run.returncode == 2 and "leads to another host" in run.stderr


def test_no_credentials_is_a_clear_error(tmp_path):
    run = p1lint("pull", "--region", "EU", "-o", str(tmp_path / "s"), env={"PINGONE_ENVIRONMENT_ID": ENVIRONMENT})
    assert run.returncode == 2
    assert "no credentials: set PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET" in run.stderr


def test_an_interrupted_pull_leaves_the_previous_snapshot_intact(server, tmp_path):
    import signal
    import time

    snapshot = tmp_path / "snapshot"
    assert pull_to(server, snapshot).returncode == 0
    before = written_text(snapshot)
    server.fault(f"/v1/environments/{ENVIRONMENT}/groups", Fault(delay=5))
    base = {k: v for k, v in os.environ.items() if not k.startswith("PINGONE_")}
    running = subprocess.Popen(
        [sys.executable, "-m", "p1lint", "pull", *pull_arguments(server), "-o", str(snapshot)],
        env={**base, **pull_environment(server)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while server.requests.count(("GET", f"/v1/environments/{ENVIRONMENT}/groups")) < 2:  # the slow one
        assert time.monotonic() < deadline and running.poll() is None
        time.sleep(0.05)
    time.sleep(0.3)  # into the wait for the answer
    running.send_signal(signal.SIGINT)
    _, stderr = running.communicate(timeout=30)
    assert "Traceback" not in stderr
    assert (running.returncode == 130 and "p1lint: interrupted" in stderr) or running.returncode == -signal.SIGINT
    assert written_text(snapshot) == before
    assert [p.name for p in tmp_path.iterdir()] == ["snapshot"]


def _stderr_on_a_terminal(arguments: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Runs the command line with standard error on a pseudo-terminal; its exit code and what it wrote there."""
    import pty

    leader, follower = pty.openpty()
    base = {k: v for k, v in os.environ.items() if not k.startswith("PINGONE_")}
    running = subprocess.Popen([sys.executable, "-m", "p1lint", *arguments], env={**base, **env},
                               stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the pseudo-terminal is closed once the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return running.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_a_pull_on_a_terminal_shows_its_progress_and_is_quiet_otherwise(server, tmp_path):
    arguments = ["pull", *pull_arguments(server), "-o", str(tmp_path / "on-a-terminal")]
    status, shown = _stderr_on_a_terminal(arguments, pull_environment(server))
    assert status == 0
    assert "p1lint pull: collections" in shown and "p1lint pull: applications" in shown
    assert "100%" in shown
    assert_no_secret(shown)
    quiet = pull_to(server, tmp_path / "in-a-pipe")
    assert quiet.returncode == 0
    assert "p1lint pull: collections" not in quiet.stderr and "%" not in quiet.stderr
    assert quiet.stderr.count("\n") == 1  # only the closing line: what was written where
