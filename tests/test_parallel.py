"""`check --jobs N`: worker processes give the result of `--jobs 1`, in the same order.

The corpus is the whole `fixtures/` tree: findings, unreadable files, notices, snapshot files and
directories, Terraform modules and plans (enough bytes to be checked by workers)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import p1lint.engine
import p1lint.parallel
from p1lint.cli import cli
from p1lint.documents.sources import discover
from p1lint.environment.directory import group_units
from p1lint.parallel import PARALLEL_MIN_BYTES, available_cpus, chunks, worth_workers

from .support import FIXTURES, ROOT


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-cache", *arguments])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of units each run sent to worker processes."""
    sent: list[int] = []
    original = p1lint.parallel.in_workers

    def counting(units: Any, *rest: Any) -> Any:
        sent.append(len(units))
        return original(units, *rest)

    monkeypatch.setattr(p1lint.parallel, "in_workers", counting)
    return sent


def test_the_fixture_corpus_is_worth_workers() -> None:
    units = group_units(discover([str(FIXTURES)]))
    assert len(units) > 50 and worth_workers(units)


def test_workers_report_what_one_process_reports(pools: list[int]) -> None:
    alone = run("--jobs", "1", "--format", "json", str(FIXTURES))
    together = run("--jobs", "3", "--format", "json", str(FIXTURES))
    assert pools and pools[-1] > 50  # the second run did go to workers
    assert alone[0] == 2 and "invalid JSON" in alone[2] and "P1L760" in alone[1]
    assert together == alone


def test_spawned_workers_load_the_rules_again(tmp_path: Path) -> None:
    """As on macOS: workers that do not inherit this process rebuild the selection they need."""
    environment = dict(os.environ, P1LINT_START_METHOD="spawn")
    command = [sys.executable, "-m", "p1lint", "check", "--no-config", "--no-cache", "--format", "json", "--select", "P1L1",
               "--profile", "strict", str(FIXTURES / "good"), str(FIXTURES / "bad"), str(FIXTURES / "invalid")]
    alone = subprocess.run([*command, "--jobs", "1"], capture_output=True, text=True, env=environment, cwd=ROOT)
    together = subprocess.run([*command, "--jobs", "2"], capture_output=True, text=True, env=environment, cwd=ROOT)
    assert alone.returncode == 2 and '"P1L1' in alone.stdout
    assert (together.returncode, together.stdout, together.stderr) == (2, alone.stdout, alone.stderr)


def test_a_crashed_worker_costs_its_unit_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "bad", corpus)
    victim = corpus / "zz-crash.json"
    shutil.copy(FIXTURES / "bad" / "cors-expense-spa.json", victim)
    reference = run("--jobs", "1", "--format", "json", str(corpus))
    original = p1lint.engine._environments
    parent = os.getpid()

    def dying(unit: Any, *rest: Any) -> Any:
        if unit == str(victim) and os.getpid() != parent:
            os._exit(70)  # as a segmentation fault or the kernel's out-of-memory killer would
        return original(unit, *rest)

    monkeypatch.setattr(p1lint.engine, "_environments", dying)
    monkeypatch.setattr(p1lint.parallel, "PARALLEL_MIN_BYTES", 0)  # a small corpus, in workers all the same
    code, out, err = run("--jobs", "2", "--format", "json", str(corpus))
    assert pools and code == 2
    assert f"{victim}:1:1: internal error: the process checking it stopped" in err.splitlines()
    expected = [f for f in json.loads(reference[1])["findings"] if f["file"] != str(victim)]
    assert len(expected) < len(json.loads(reference[1])["findings"])
    assert json.loads(out)["findings"] == expected


def test_little_input_is_checked_in_this_process(tmp_path: Path, pools: list[int]) -> None:
    code, out, _ = run("--jobs", "4", str(FIXTURES / "bad"))
    assert code == 1 and "P1L" in out and pools == []


def test_standard_input_is_never_sent_to_workers(tmp_path: Path) -> None:
    big = [tmp_path / "one.json", tmp_path / "two.json"]
    for path in big:
        path.write_text("[" + ",".join(['{"name": "x"}'] * (PARALLEL_MIN_BYTES // 10)) + "]")
    assert worth_workers([str(path) for path in big])
    assert not worth_workers(["-", *map(str, big)])
    assert not worth_workers([str(big[0])])  # one unit: nothing to share out


def test_chunks_cover_every_unit_once_in_order() -> None:
    for count in (1, 2, 7, 100, 1001):
        for jobs in (1, 2, 3, 8):
            covered = [index for part in chunks(count, jobs) for index in part]
            assert covered == list(range(count))


def test_the_default_is_the_cpus_this_process_may_use() -> None:
    assert available_cpus() == len(os.sched_getaffinity(0))


def test_jobs_must_be_positive() -> None:
    code, _, err = run("--jobs", "0", str(FIXTURES / "bad"))
    assert code == 2 and "--jobs" in err


def test_workers_and_the_results_cache_give_the_same_report(tmp_path: Path, pools: list[int]) -> None:
    reference = run("--jobs", "1", "--format", "json", str(FIXTURES))
    arguments = ["check", "--no-config", "--cache-dir", str(tmp_path), "--jobs", "3", "--format", "json"]
    first = CliRunner().invoke(cli, [*arguments, str(FIXTURES)])
    again = CliRunner().invoke(cli, [*arguments, str(FIXTURES)])
    assert pools and (first.exit_code, first.stdout, first.stderr) == reference
    assert (again.exit_code, again.stdout, again.stderr) == reference
