"""One hostile input never stops the run: each becomes an input error (exit code 2) at its position,
and every other file is still linted and reported."""

from __future__ import annotations

import os

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
