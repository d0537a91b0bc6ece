"""One hostile input never stops the run: each becomes an input error (exit code 2) at its position,
and every other file is still linted and reported."""

from __future__ import annotations

import json
import os
import sys

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.documents.files import parse_size, read_regular_file, read_stream
from p1lint.documents.sources import discover, read_source
from tests.support import FIXTURES, lint

GOOD = FIXTURES / "good" / "worker-client-credentials.json"
BAD = FIXTURES / "bad" / "secrets-worker-export.json"


def check(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(cli, ["check", "--no-config", "--no-color", *args], input=input)


def linted_files(result) -> set[str]:
    """The files that have findings in the text report."""
    return {line.split(":")[0] for line in result.stdout.splitlines() if ": P1L" in line}


def assert_reported_and_others_linted(result, hostile: str, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert any(line.startswith(f"{hostile}:") and fragment in line for line in result.stderr.splitlines()), result.stderr
    assert str(BAD) in linted_files(result)


# --- what is read: regular files only, never more than the size cap ------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_named_on_the_command_line_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = check(str(fifo), str(BAD))
    assert_reported_and_others_linted(result, str(fifo), "not a regular file (a FIFO)")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_character_device_is_refused_without_reading_it():
    result = check("/dev/zero", str(BAD))
    assert_reported_and_others_linted(result, "/dev/zero", "not a regular file (a character device)")


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: 3 GiB on paper, nothing on disk
        handle.truncate(3 << 30)
    result = check(str(huge), str(BAD))
    assert_reported_and_others_linted(result, str(huge), "larger than the --max-file-size limit of 100 MiB")


def test_the_size_cap_is_configurable_on_the_command_line_and_in_the_configuration(tmp_path):
    size = GOOD.stat().st_size
    assert check(f"--max-file-size={size}", str(GOOD)).exit_code == 0
    assert check(f"--max-file-size={size - 1}", str(GOOD)).exit_code == 2
    config = tmp_path / "p1lint.toml"
    config.write_text('max-file-size = "1KiB"\n')
    result = CliRunner().invoke(cli, ["check", "--config", str(config), str(GOOD)])
    assert result.exit_code == 2
    assert "limit of 1 KiB" in result.stderr


@pytest.mark.parametrize("text, size", [("100MiB", 100 << 20), ("512k", 512 << 10), ("2G", 2 << 30), ("123", 123)])
def test_sizes_are_read_in_binary_units(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "1.5M", "10 MB", "-1", "lots"])
def test_bad_sizes_are_refused(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_a_bad_size_is_a_usage_or_configuration_error(tmp_path):
    assert check("--max-file-size", "lots", str(GOOD)).exit_code == 2
    config = tmp_path / "p1lint.toml"
    config.write_text("max-file-size = true\n")
    result = CliRunner().invoke(cli, ["check", "--config", str(config), str(GOOD)])
    assert result.exit_code == 2
    assert f"{config}:1:1: max-file-size" in result.stderr


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "app.json"
    path.write_bytes(b"[]")
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 0, *real_fstat(fd)[7:])))
    path.write_bytes(b" " * 11)  # fstat now claims 0 bytes: the read itself must stop at the cap
    with pytest.raises(Exception, match="limit of 10 bytes"):
        read_regular_file(str(path), limit=10)


def test_standard_input_is_read_to_the_cap_only():
    class Endless:
        def read(self, size: int) -> bytes:
            return b"0" * size

    with pytest.raises(Exception, match="limit of 1 KiB"):
        read_stream(Endless(), limit=1024)  # type: ignore[arg-type]


def test_exactly_the_cap_is_still_read(tmp_path):
    path = tmp_path / "app.json"
    path.write_bytes(b"[]")
    assert read_regular_file(str(path), limit=2) == b"[]"
    with path.open("rb") as stream:
        assert read_stream(stream, limit=2) == b"[]"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_walked_directory_skips_fifos_and_links_to_devices(tmp_path):
    os.mkfifo(tmp_path / "pipe.json")
    if os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", tmp_path / "zero.json")
    (tmp_path / "app.json").write_text(GOOD.read_text())
    assert [os.path.basename(name) for name in discover([str(tmp_path)])] == ["app.json"]


# --- directories that cannot be listed ------------------------------------------------------------------------


def _tree(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "app.json").write_text(GOOD.read_text())
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "bad.json").write_text(BAD.read_text())
    return tmp_path / "locked"


def test_an_unlistable_subdirectory_is_reported_and_the_rest_checked(tmp_path, monkeypatch):
    locked = _tree(tmp_path)
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = check(str(tmp_path))
    assert result.exit_code == 2
    assert f"{locked}: cannot list directory: Permission denied" in result.stderr.splitlines()
    assert linted_files(result) == {str(tmp_path / "open" / "bad.json")}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permissions do not stop root")
def test_an_unreadable_subdirectory_for_real(tmp_path):
    locked = _tree(tmp_path)
    locked.chmod(0)
    try:
        result = check(str(tmp_path))
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2
    assert f"{locked}: cannot list directory: Permission denied" in result.stderr.splitlines()
    assert linted_files(result) == {str(tmp_path / "open" / "bad.json")}


def test_an_unreadable_file_names_the_reason(tmp_path, monkeypatch):
    path = tmp_path / "app.json"
    path.write_text("[]")
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if os.fspath(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    error = read_source(str(path))
    assert (error.line, error.column, error.message) == (1, 1, "cannot read file: Permission denied")


def test_summary_counts_unreadable_files_not_error_lines(tmp_path):
    result = lint(BAD, "/nonexistent/app.json")
    assert (result.files, result.unreadable) == (2, 1)



def test_a_huge_rule_file_is_a_rule_error_not_a_memory_error(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    with (rules / "huge.yaml").open("wb") as handle:
        handle.truncate(3 << 30)
    result = check("--rules", str(rules), str(GOOD))
    assert result.exit_code == 2
    assert f"{rules / 'huge.yaml'}:1:1: cannot read rule file: file is larger than" in result.stderr


# --- numbers PingOne's JSON API cannot hold ---------------------------------------------------------------------

BIG = "9" * 4301
WORKER = '{\n  "name": "Sync",\n  "type": "WORKER",\n  "accessTokenValiditySeconds": %s\n}\n'
WORKER_YAML = "name: Sync\ntype: WORKER\naccessTokenValiditySeconds: %s\n"


@pytest.mark.parametrize(
    "suffix, text, fragment",
    [
        (".json", WORKER % BIG, "an integer of more than 4,300 digits"),
        (".json", WORKER % ("-" + BIG), "an integer of more than 4,300 digits"),
        (".json", WORKER % "NaN", "NaN and Infinity are not numbers in JSON"),
        (".json", WORKER % "Infinity", "NaN and Infinity are not numbers in JSON"),
        (".json", WORKER % "-Infinity", "NaN and Infinity are not numbers in JSON"),
        (".json", WORKER % "1.5e999", "overflows to infinity"),
        (".yaml", WORKER_YAML % BIG, "an integer of more than 4,300 digits"),
        (".yaml", WORKER_YAML % ("0x" + "f" * 3600), "an integer of more than 4,300 digits"),
        (".yaml", WORKER_YAML % ":".join(["1"] * 3000), "an integer of more than 4,300 digits"),
        (".yaml", WORKER_YAML % ".nan", ".nan and .inf are not numbers"),
        (".yaml", WORKER_YAML % "-.inf", ".nan and .inf are not numbers"),
        (".yaml", WORKER_YAML % "1.0e999", None),  # YAML 1.1 reads this as a string: the structure rules' business
    ],
)
def test_numbers_json_cannot_hold_are_input_errors_at_their_position(tmp_path, suffix, text, fragment):
    path = tmp_path / f"app{suffix}"
    path.write_text(text)
    result = check(str(path), str(BAD))
    if fragment is None:
        assert result.exit_code == 1 and str(path) in linted_files(result)
        return
    assert_reported_and_others_linted(result, f"{path}:4:33" if suffix == ".json" else f"{path}:3:29", fragment)


def test_a_big_integer_inside_jwks_text_is_a_finding_at_the_jwks_value(tmp_path):
    application = {"name": "Partner", "type": "WEB_APP", "protocol": "OPENID_CONNECT",
                   "tokenEndpointAuthMethod": "PRIVATE_KEY_JWT",
                   "jwks": '{"keys": [{"kty": "RSA", "e": ' + BIG + "}]}"}
    path = tmp_path / "partner.json"
    path.write_text(json.dumps(application, indent=2))
    result = check("--format", "json", str(path), str(GOOD))
    document = json.loads(result.stdout)
    [finding] = [f for f in document["findings"] if f["name"] == "jwks-not-a-key-set"]
    assert (finding["path"], finding["line"]) == ("/jwks", 6)
    assert "not valid JSON: an integer of more than 4,300 digits" in finding["message"]
    assert "(line 1, column 31)" in finding["message"]
    assert result.stderr == "" and result.exit_code == 1
    assert document["summary"]["files"] == 2


def test_nan_inside_jwks_text_is_not_a_json_number(tmp_path):
    application = {"name": "Partner", "type": "WEB_APP", "jwks": '{"keys": [{"kty": "RSA", "e": NaN}]}'}
    path = tmp_path / "partner.json"
    path.write_text(json.dumps(application))
    result = check("--select", "jwks-not-a-key-set", str(path))
    assert "not valid JSON: NaN and Infinity are not numbers in JSON" in result.stdout
    assert "(line 1, column 31)" in result.stdout


def test_a_lone_surrogate_escape_is_an_input_error_and_a_pair_is_fine(tmp_path):
    lone = tmp_path / "lone.json"
    lone.write_text('{"name": "x",\n "redirectUris": ["https://a.example.com/\\ud800"]}')
    pair = tmp_path / "pair.json"
    pair.write_text('{"name": "x",\n "redirectUris": ["https://a.example.com/\\ud83d\\ude00"]}')
    result = check(str(lone), str(pair), str(BAD))
    assert_reported_and_others_linted(result, f"{lone}:2:19", "lone UTF-16 surrogate")
    assert str(pair) in linted_files(result)


# --- YAML tags --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tagged, fragment",
    [
        ("!!bool hunter2", "explicit YAML tag !!bool on a value that is not a boolean; remove the tag"),
        ("!!int hunter2", "explicit YAML tag !!int on a value that is not an integer"),
        ("!!float hunter2", "explicit YAML tag !!float on a value that is not a number"),
        ("!!null hunter2", "explicit YAML tag !!null on a value that is not null"),
        ("!!map hunter2", "explicit YAML tag !!map on a value that is not a mapping"),
        ("!!timestamp hunter2", "YAML tag !!timestamp is not supported"),
        ("!!timestamp 2024-01-01", "YAML tag !!timestamp is not supported"),
        ("!!binary aHVudGVyMg==", "YAML tag !!binary is not supported"),
        ("!!set {hunter2: null}", "YAML tag !!set is not supported"),
        ("!!omap [{hunter2: 1}]", "YAML tag !!omap is not supported"),
        ("!!pairs [{hunter2: 1}]", "YAML tag !!pairs is not supported"),
        ("!hunter2 value", "unknown YAML tag"),
        ("!!python/object:hunter2 {}", "unknown YAML tag"),
        ("!!seq hunter2", "expected a sequence node"),
    ],
)
def test_explicit_yaml_tags_are_input_errors_that_never_quote_the_value(tmp_path, tagged, fragment):
    path = tmp_path / "app.yaml"
    path.write_text(f"name: Sync\ntype: WORKER\nclientSecret: {tagged}\n")
    result = check("--format", "json", str(path), str(BAD))
    assert result.exit_code == 2
    assert f"{path}:3:15: invalid YAML: " in result.stderr and fragment in result.stderr
    assert "hunter2" not in result.output and "aHVudGVyMg" not in result.output
    assert {f["file"] for f in json.loads(result.stdout)["findings"]} == {str(BAD)}


@pytest.mark.parametrize(
    "tagged, value",
    [("!!str 8080", "8080"), ("!!int '42'", 42), ("!!float 1", 1.0), ("!!bool yes", True), ("!!null ''", None),
     ("!!str hunter2", "hunter2"), ("=", "="), ("2024-01-01", "2024-01-01")],
)
def test_core_tags_that_fit_their_value_are_accepted(tagged, value):
    from p1lint.documents.sources import parse_bytes

    assert parse_bytes("app.yaml", f"value: {tagged}\n".encode()).data == {"value": value}


@pytest.mark.parametrize("tagged", ["!!bool hunter2", "!!timestamp 2024-01-01", "!hunter2 x", BIG, ".nan"])
def test_rule_files_refuse_the_same_tags_and_numbers(tmp_path, tagged):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "rule.yaml").write_text(_RULE.replace("VALUE", tagged))
    result = check("--rules", str(rules), str(GOOD))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{rules / 'rule.yaml'}:3:8: invalid YAML: ")
    assert "hunter2" not in result.output


_RULE = """id: ACME990
name: team-prefix
title: VALUE
severity: warning
description: d
rationale: r
references: [{title: t, url: "https://example.com"}]
given: $.name
then: {function: pattern, options: {match: "^acme-"}}
message: "{value} {detail}"
"""


def test_the_pure_python_yaml_scanner_cannot_bring_in_a_lone_surrogate():
    import yaml

    from p1lint.documents.yamltags import install

    loader = type("PurePythonLoader", (yaml.SafeLoader,), {})
    install(loader, pure_python=True)
    with pytest.raises(yaml.constructor.ConstructorError, match="lone UTF-16 surrogate"):
        yaml.load('url: "https://a.example.com/\\ud800"', Loader=loader)
    assert yaml.load('url: "\\ud83d\\ude00"', Loader=loader) == {"url": "\U0001f600"}


# --- URIs: huge ports and hosts, lone surrogates ------------------------------------------------------------------

_HUGE = "9" * 4400
HOSTILE_URIS = [
    f"https://app.example.com:{_HUGE}/cb", f"http://127.0.0.1:{_HUGE}/cb", f"https:{_HUGE}/cb",
    f"https://app.example.com:{'0' * 5000}443/cb", "https://app.example.com:\u00b2/cb", f"https://1.{_HUGE}/cb",
    f"https://0x{'f' * 5000}/cb", "https://app.example.com/\ud800", "https://a\ud800.example.com/cb",
]
URI_FIELDS = ("redirectUris", "postLogoutRedirectUris", "initiateLoginUri", "targetLinkUri", "homePageUrl",
              "signOnUrl", "jwksUrl")


@pytest.mark.parametrize("uri", HOSTILE_URIS, ids=range(len(HOSTILE_URIS)))
def test_hostile_uris_never_cost_a_rule_its_findings(uri):
    from p1lint.engine import check as run_rules
    from p1lint.functions.base import Context
    from p1lint.selection import active_rules
    from tests.support import catalogue

    application = {"name": "x", "type": "WEB_APP", "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"]}
    application |= {field: [uri] if field.endswith("Uris") else uri for field in URI_FIELDS}
    application["corsSettings"] = {"behavior": "ALLOW_SPECIFIC_ORIGINS", "origins": [uri, uri.rsplit("/", 1)[0]]}
    errors: list = []
    list(run_rules(active_rules(catalogue(), "strict"), application, Context(application), errors, "<t>"))
    assert errors == []


@pytest.mark.parametrize(
    "uri, detail",
    [
        ("https://app.example.com:99999/cb", "has the port :99999 that is not a number from 0 to 65535"),
        (f"https://app.example.com:{_HUGE}/cb", "has the port that is not a number from 0 to 65535"),
        ("https://app.example.com:\u00b2/cb", "has the port that is not a number from 0 to 65535"),
        ("https://app.example.com:8443/cb", None),
        ("https://app.example.com:0/cb", None),
    ],
)
def test_a_port_browsers_refuse_is_reported_without_repeating_a_long_one(uri, detail):
    from tests.support import rule_by_name, run_rule

    details = [hit.detail for hit in run_rule(rule_by_name("redirect-uri-absolute"), {"redirectUris": [uri]})]
    assert details == ([] if detail is None else [f"{detail}, so browsers refuse the URI"])


def test_a_default_port_with_thousands_of_zeros_is_summarised():
    from tests.support import rule_by_name, run_rule

    [hit] = run_rule(rule_by_name("redirect-uri-canonical"), {"redirectUris": [f"https://a.example.com:{'0' * 5000}443/"]})
    assert "the default port :0000… (5,003 digits)" in hit.detail and len(hit.detail) < 200


def test_a_lone_surrogate_is_percent_encoded_as_browsers_do():
    from p1lint.urls import canonical_form, parse_uri

    assert canonical_form(parse_uri("https://a.example.com/\ud800x")) == "https://a.example.com/%EF%BF%BDx"


# --- file names that are not UTF-8; output files written whole or not at all --------------------------------------


@pytest.fixture
def non_utf8_name(tmp_path):
    path = tmp_path / os.fsdecode(b"bad\xff.json")
    try:
        path.write_text(BAD.read_text())
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    return path


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit", "github", "markdown", "html"])
@pytest.mark.parametrize("relative", [True, False], ids=["relative", "absolute"])
def test_a_name_that_is_not_utf8_is_reported_in_every_format_as_valid_utf8(
    non_utf8_name, output_format, relative, monkeypatch
):
    monkeypatch.chdir(non_utf8_name.parent)
    name = non_utf8_name.name if relative else str(non_utf8_name)
    result = check("--format", output_format, name)
    assert result.exit_code == 1, result.output
    shown = result.stdout_bytes.decode("utf-8")  # strict: no lone surrogate reached the output
    if output_format == "json":
        files = {finding["file"] for finding in json.loads(shown)["findings"]}
        assert files == {name.replace("\udcff", "\\udcff")}
    elif output_format == "sarif":
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for result in json.loads(shown)["runs"][0]["results"] for loc in result["locations"]}
        assert uris == {"bad%FF.json" if relative else non_utf8_name.as_uri()}
    else:
        assert "bad\\udcff.json" in shown


def test_a_baseline_of_a_name_that_is_not_utf8_is_written_and_matches_again(non_utf8_name, tmp_path):
    baseline = tmp_path / "baseline.json"
    written = check("--write-baseline", str(baseline), str(non_utf8_name))
    assert written.exit_code == 0, written.output
    entries = json.loads(baseline.read_bytes().decode("utf-8"))["findings"]
    assert entries and {entry["file"] for entry in entries} == {"bad\\udcff.json"}
    again = check("--baseline", str(baseline), str(non_utf8_name))
    assert again.exit_code == 0 and f"{len(entries)} findings accepted" in again.stderr


def _fail_fsync(monkeypatch):
    def refuse(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)


def test_a_failed_baseline_write_keeps_the_old_baseline_whole(tmp_path, monkeypatch):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": []}\n')
    _fail_fsync(monkeypatch)
    result = check("--write-baseline", str(baseline), str(BAD))
    assert result.exit_code == 2
    assert f"{baseline}:1:1: cannot write baseline: No space left on device" in result.stderr
    assert baseline.read_text() == '{"version": 1, "findings": []}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json"]


def test_an_interrupted_baseline_write_leaves_no_truncated_file(tmp_path, monkeypatch):
    from p1lint.baseline import write_baseline
    from tests.support import lint as lint_files

    baseline = tmp_path / "baseline.json"
    monkeypatch.setattr(os, "replace", lambda *args: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        write_baseline(baseline, lint_files(BAD).findings)
    assert list(tmp_path.iterdir()) == []


def test_a_written_baseline_keeps_the_permissions_of_the_one_it_replaces(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{}")
    baseline.chmod(0o640)
    assert check("--write-baseline", str(baseline), str(BAD)).exit_code == 0
    assert baseline.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.json"
    assert check("--write-baseline", str(fresh), str(BAD)).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


def test_docs_output_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    output = tmp_path / "rules.md"
    output.write_text("old reference\n")
    _fail_fsync(monkeypatch)
    result = CliRunner().invoke(cli, ["docs", "-o", str(output)])
    assert result.exit_code == 2
    assert result.stderr == f"{output}: cannot write: No space left on device\n"
    assert output.read_text() == "old reference\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rules.md"]


# --- p1lint's own bugs: one line, exit code 2, nothing quoted, nothing else lost ----------------------------------


def _secret_error(*args, **kwargs):
    raise KeyError("hunter2")


def test_a_crash_in_a_reporter_is_one_line_and_exit_code_two(monkeypatch):
    from p1lint.reporters.sarif import SarifReporter

    monkeypatch.delenv("P1LINT_DEBUG", raising=False)
    monkeypatch.setattr(SarifReporter, "stop", _secret_error)
    result = check("--format", "sarif", str(BAD))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("p1lint: internal error: KeyError at p1lint/reporters/__init__.py:")
    assert line.endswith("(set P1LINT_DEBUG=1 to see the traceback)")
    assert "hunter2" not in result.output


def test_p1lint_debug_shows_the_exception(monkeypatch):
    from p1lint.reporters.sarif import SarifReporter

    monkeypatch.setenv("P1LINT_DEBUG", "1")
    monkeypatch.setattr(SarifReporter, "stop", _secret_error)
    result = check("--format", "sarif", str(BAD))
    assert isinstance(result.exception, KeyError)


def test_a_crash_in_one_rule_costs_that_rule_only(monkeypatch):
    import p1lint.functions.uri

    monkeypatch.delenv("P1LINT_DEBUG", raising=False)
    monkeypatch.setattr(p1lint.functions.uri, "parse_uri", _secret_error)
    uris = FIXTURES / "bad" / "redirect-partner-web-app.json"
    result = check("--format", "json", str(uris), str(BAD))
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert errors and all(line.startswith(f"{uris}:1:1: internal error in rule P1L") for line in errors)
    assert all("KeyError at p1lint/functions/uri.py:" in line for line in errors)
    findings = json.loads(result.stdout)["findings"]
    assert {f["file"] for f in findings} == {str(uris), str(BAD)}
    assert any(f["name"] == "secret-committed" for f in findings)
    assert "hunter2" not in result.output


def test_a_crash_building_one_finding_keeps_the_others(monkeypatch):
    import p1lint.engine

    real_render = p1lint.engine.render

    def render(template, detail, value, pointer):
        if "clientSecret" in pointer:
            raise ValueError("hunter2")
        return real_render(template, detail, value, pointer)

    monkeypatch.delenv("P1LINT_DEBUG", raising=False)
    monkeypatch.setattr(p1lint.engine, "render", render)
    result = lint(BAD)
    assert result.errors and all("internal error in rule" in error.message for error in result.errors)
    assert all("hunter2" not in error.message for error in result.errors)
    assert any(finding.rule == "P1L301" for finding in result.findings)


def test_a_crash_reading_one_file_keeps_the_others(monkeypatch):
    import p1lint.engine

    real_read = p1lint.engine.read_source

    def read_source(name, *args):
        return _secret_error() if name == str(GOOD) else real_read(name, *args)

    monkeypatch.delenv("P1LINT_DEBUG", raising=False)
    monkeypatch.setattr(p1lint.engine, "read_source", read_source)
    result = lint(GOOD, BAD)
    assert [error.file for error in result.errors] == [str(GOOD)]
    assert (result.files, result.unreadable) == (2, 1)
    assert {finding.file for finding in result.findings} == {str(BAD)}


def test_interrupting_a_run_is_one_line(monkeypatch):
    import p1lint.engine

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(p1lint.engine, "lint_paths", interrupt)
    result = check(str(BAD))
    assert (result.exit_code, result.stderr) == (130, "p1lint: interrupted\n")


def test_a_huge_integer_in_the_configuration_is_a_configuration_error(tmp_path):
    config = tmp_path / "p1lint.toml"
    config.write_text(f"max-file-size = {BIG}\n")
    result = CliRunner().invoke(cli, ["check", "--config", str(config), str(GOOD)])
    assert result.exit_code == 2
    assert result.stderr == f"{config}:1:1: invalid TOML: an integer of more than 4,300 digits\n"


def test_a_closed_output_pipe_ends_the_run_quietly():
    import subprocess

    command = [sys.executable, "-m", "p1lint", "check", "--no-config", "--format", "json", str(FIXTURES / "bad")]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(1)
        process.stdout.close()
        errors = process.stderr.read().decode()
    assert process.returncode in (1, 2) and "Traceback" not in errors


def test_the_file_count_stays_right_when_rules_fail(monkeypatch):
    import p1lint.functions.uri

    monkeypatch.delenv("P1LINT_DEBUG", raising=False)
    monkeypatch.setattr(p1lint.functions.uri, "parse_uri", _secret_error)
    result = check(str(FIXTURES / "bad" / "redirect-partner-web-app.json"), str(BAD))
    assert result.stdout.rstrip().endswith("of 2 files.")
    assert "could not be checked" not in result.stdout


# --- properties (the project's fixed-seed profile draws the same examples on every run) ---------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TAGS = st.sampled_from(["!!bool", "!!int", "!!float", "!!null", "!!str", "!!map", "!!seq", "!!timestamp", "!!binary",
                        "!!set", "!!omap", "!!pairs", "!!merge", "!!value", "!custom", "!!python/none", ""])
SCALARS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.from_regex(r"[-+]?(0x[0-9a-f_]{0,9}|0b[01_]{0,9}|[0-9_:.]{0,12}(e[-+]?[0-9]{1,4})?)", fullmatch=True),
    st.sampled_from([".nan", ".inf", "-.inf", "yes", "Off", "~", "null", "2024-01-01", "=", "<<", "9" * 4301]),
)


@given(tag=TAGS, scalar=SCALARS)
def test_any_tag_on_any_scalar_is_data_or_an_input_error(tag, scalar):
    from p1lint.documents.sources import parse_bytes
    from p1lint.findings import InputError

    for text in (f"value: {tag} {scalar}\n", f"value: {tag} {json.dumps(scalar)}\n"):
        parsed = parse_bytes("app.yaml", text.encode())
        if not isinstance(parsed, InputError):
            json.dumps(parsed.data, allow_nan=False)  # only what JSON can hold
    canary = parse_bytes("app.yaml", f"value: {tag} {scalar}Qz7\n".encode())
    assert not isinstance(canary, InputError) or "Qz7" not in canary.message


@given(number=st.from_regex(r"-?(0|[1-9][0-9]{0,20})(\.[0-9]{1,5})?([eE][-+]?[0-9]{1,4})?", fullmatch=True)
       | st.sampled_from(["NaN", "Infinity", "-Infinity", "9" * 4301, "-" + "9" * 4301, "1" + "0" * 4300]))
def test_any_json_number_is_data_or_an_input_error(number):
    from p1lint.documents.sources import parse_bytes
    from p1lint.findings import InputError

    parsed = parse_bytes("app.json", f'{{"a": [1, {number}]}}'.encode())
    if isinstance(parsed, InputError):
        assert (parsed.line, parsed.column) == (1, 11)
    else:
        json.dumps(parsed.data, allow_nan=False)


def test_a_rules_directory_with_a_part_that_cannot_be_listed_stops_the_run(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    (rules / "locked").mkdir(parents=True)
    (rules / "rule.yaml").write_text(_RULE.replace("VALUE", "Team prefix"))
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path) == str(rules / "locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = check("--rules", str(rules), str(GOOD))
    assert result.exit_code == 2
    assert result.stderr == f"{rules / 'locked'}: cannot list directory: Permission denied\n"
