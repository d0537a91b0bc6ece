"""A large unit's applications shared among worker processes give the report of `--jobs 1`."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import p1lint.engine
import p1lint.parallel
import p1lint.shards
from p1lint.cli import cli
from p1lint.shards import Piece, Share, pieces

from .support import FIXTURES

ACME = FIXTURES / "environments" / "acme" / "snapshot.yaml"
ACME_DIRECTORY = FIXTURES / "environments" / "acme-directory"


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--no-config", "--format", "json", *arguments])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[list[Any]]:
    """Every unit counts as large and as worth workers; what each run sent to workers."""
    monkeypatch.setattr(p1lint.shards, "SHARD_MIN_BYTES", 0)
    monkeypatch.setattr(p1lint.parallel, "PARALLEL_MIN_BYTES", 0)
    calls: list[list[Any]] = []
    original = p1lint.parallel.in_workers

    def recording(units: Any, *rest: Any) -> Any:
        calls.append(list(units))
        return original(units, *rest)

    monkeypatch.setattr(p1lint.parallel, "in_workers", recording)
    return calls


@pytest.mark.parametrize("count", [0, 1, 2, 5, 10, 101])
@pytest.mark.parametrize("total", [1, 2, 3, 7])
def test_shares_cover_every_application_once_in_order(count: int, total: int) -> None:
    items = list(range(count))
    covered = [item for position in range(total) for item in Share(position, total).of(items)]
    assert covered == items


def test_only_a_large_unit_is_cut_and_never_standard_input(tmp_path: Path) -> None:
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    small.write_text("{}")
    large.write_text(" " * p1lint.shards.SHARD_MIN_BYTES + "{}")
    found = pieces([str(small), str(large), "-"], 3)
    assert found == [str(small), *(Piece(str(large), Share(i, 3)) for i in range(3)), "-"]
    assert pieces([str(large)], 1) == [str(large)]


@pytest.mark.parametrize("target", [ACME, ACME_DIRECTORY, FIXTURES], ids=["snapshot", "directory", "fixtures"])
def test_shared_applications_give_the_report_of_one_process(target: Path, sent: list[list[Any]]) -> None:
    alone = run("--no-cache", "--jobs", "1", str(target))
    together = run("--no-cache", "--jobs", "3", str(target))
    assert not sent[:-1] and sent and any(isinstance(unit, Piece) for unit in sent[-1])
    assert together == alone
    findings = json.loads(alone[1])["findings"]
    assert len({f["application_name"] for f in findings}) > 3  # applications of several shares


def test_the_environment_rules_run_once(sent: list[list[Any]]) -> None:
    """A rule over the whole environment (one finding per duplicated name, say) is not repeated
    by each share, nor missing from any."""
    alone = json.loads(run("--no-cache", "--jobs", "1", str(ACME))[1])["findings"]
    together = json.loads(run("--no-cache", "--jobs", "4", str(ACME))[1])["findings"]
    environment_rules = {f["rule"] for f in alone if not f["application_name"]}
    assert environment_rules
    assert [f for f in together if f["rule"] in environment_rules] == [
        f for f in alone if f["rule"] in environment_rules]


def test_shares_and_the_results_cache_give_the_same_report(tmp_path: Path, sent: list[list[Any]]) -> None:
    reference = run("--no-cache", "--jobs", "1", str(ACME))
    first = run("--cache-dir", str(tmp_path), "--jobs", "3", str(ACME))
    again = run("--cache-dir", str(tmp_path), "--jobs", "3", str(ACME))
    assert len(sent) == 1  # the second run read the stored result
    assert first == reference and again == reference


def test_a_share_whose_worker_dies_costs_its_unit_only(
    monkeypatch: pytest.MonkeyPatch, sent: list[list[Any]]
) -> None:
    other = FIXTURES / "bad" / "cors-expense-spa.json"
    reference = json.loads(run("--no-cache", "--jobs", "1", str(other))[1])["findings"]
    original, parent = p1lint.engine.lint_piece, os.getpid()

    def dying(piece: Piece, task: Any) -> Any:
        if piece.unit == str(ACME) and piece.share.position == 1 and os.getpid() != parent:
            os._exit(70)  # as the kernel's out-of-memory killer would
        return original(piece, task)

    monkeypatch.setattr(p1lint.engine, "lint_piece", dying)
    code, out, err = run("--no-cache", "--jobs", "2", str(ACME), str(other))
    assert code == 2
    assert f"{ACME}:1:1: internal error: the process checking it stopped" in err.splitlines()
    assert json.loads(out)["findings"] == reference
