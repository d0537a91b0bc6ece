"""The entries of the results cache: atomic JSON files that any damage turns into a miss."""

from __future__ import annotations

import json
import os

import pytest

from p1lint.cache import store as store_module
from p1lint.cache.invocation import CONFIG_NAMES
from p1lint.cache.store import SUBDIRECTORY, Store, cache_root, prune
from p1lint.config import CANDIDATES

KEY = "ab" * 32


def written(tmp_path) -> Store:
    entries = Store(str(tmp_path))
    assert entries.write("unit", KEY, {"part": {"files": 1}})
    return entries


def test_an_entry_comes_back(tmp_path):
    assert written(tmp_path).read("unit", KEY) == {"part": {"files": 1}}


def test_no_temporary_file_is_left(tmp_path):
    written(tmp_path)
    assert sorted(p.name for p in (tmp_path / SUBDIRECTORY).iterdir()) == [f"unit-{KEY}.json"]


HOSTILE = {
    "truncated": lambda good: good[: len(good) // 2],
    "garbage": lambda good: b"\x00\xff garbage \x80" * 10,
    "empty": lambda good: b"",
    "a list": lambda good: b"[1, 2, 3]",
    "another key": lambda good: good.replace(KEY.encode(), b"cd" * 32),
    "another format": lambda good: good.replace(b'"format":1', b'"format":0'),
    "a body that is a list": lambda good: json.dumps({"format": 1, "key": KEY, "body": []}).encode(),
    "deep nesting": lambda good: b"[" * 100_000 + b"]" * 100_000,
    "not UTF-8 JSON": lambda good: '{"format": 1, "key": "é"}'.encode("latin-1"),
}


@pytest.mark.parametrize("damage", HOSTILE, ids=list(HOSTILE))
def test_a_damaged_entry_is_a_miss(tmp_path, damage):
    entries = written(tmp_path)
    path = entries.path("unit", KEY)
    with open(path, "rb") as handle:
        good = handle.read()
    with open(path, "wb") as handle:
        handle.write(HOSTILE[damage](good))
    assert entries.read("unit", KEY) is None


def test_a_huge_entry_is_not_read(tmp_path, monkeypatch):
    entries = written(tmp_path)
    monkeypatch.setattr(store_module, "MAX_ENTRY_BYTES", 10)
    assert entries.read("unit", KEY) is None


def test_a_directory_where_an_entry_should_be_is_a_miss_and_not_overwritten(tmp_path):
    entries = Store(str(tmp_path))
    os.makedirs(entries.path("unit", KEY))
    assert entries.read("unit", KEY) is None
    assert not entries.write("unit", KEY, {"part": {}})
    assert os.path.isdir(entries.path("unit", KEY))
    assert [p.name for p in (tmp_path / SUBDIRECTORY).iterdir()] == [f"unit-{KEY}.json"]


def test_a_symlinked_entry_is_not_followed(tmp_path):
    entries = written(tmp_path)
    other = "cd" * 32
    os.symlink(entries.path("unit", KEY), entries.path("unit", other))
    assert entries.read("unit", other) is None


def test_a_symlinked_entries_directory_is_not_written_through(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "cache").mkdir()
    os.symlink(outside, tmp_path / "cache" / SUBDIRECTORY)
    assert not Store(str(tmp_path / "cache")).write("unit", KEY, {"part": {}})
    assert list(outside.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_an_unreadable_entry_is_a_miss(tmp_path):
    entries = written(tmp_path)
    os.chmod(entries.path("unit", KEY), 0)
    assert entries.read("unit", KEY) is None


def test_a_cache_directory_that_cannot_be_made_refuses_writes(tmp_path):
    (tmp_path / "file").write_text("not a directory")
    entries = Store(str(tmp_path / "file"))
    assert not entries.write("unit", KEY, {"part": {}})
    assert entries.read("unit", KEY) is None


def test_pruning_removes_the_least_recently_used_first(tmp_path):
    entries = Store(str(tmp_path))
    keys = [f"{index:064x}" for index in range(6)]
    for index, key in enumerate(keys):  # keys[0] written first, keys[5] last
        entries.write("unit", key, {"part": {"pad": "x" * 100}})
        os.utime(entries.path("unit", key), ns=(10**18 + index * 10**9, 10**18 + index * 10**9))
    entries.touch("unit", keys[0])  # the oldest, used again now
    assert prune(entries.directory, max_entries=3) == 3
    left = sorted(p.name for p in (tmp_path / SUBDIRECTORY).iterdir())
    assert left == sorted(f"unit-{key}.json" for key in (keys[0], keys[4], keys[5]))


def test_pruning_keeps_the_total_size_bounded(tmp_path):
    entries = Store(str(tmp_path))
    for index in range(10):
        entries.write("unit", f"{index:064x}", {"part": {"pad": "x" * 1000}})
    prune(entries.directory, max_bytes=3500)
    sizes = [p.stat().st_size for p in (tmp_path / SUBDIRECTORY).iterdir()]
    assert sum(sizes) <= 3500 and len(sizes) == 3


def test_pruning_runs_at_most_once_an_interval(tmp_path, monkeypatch):
    entries = written(tmp_path)
    calls = []
    monkeypatch.setattr(store_module, "prune", lambda directory: calls.append(directory))
    entries.prune_if_due()
    entries.prune_if_due()
    assert calls == [entries.directory]


def test_the_default_location_is_the_users_cache_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("P1LINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == str(tmp_path / "xdg" / "p1lint")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_root() == str(tmp_path / "home" / ".cache" / "p1lint")
    monkeypatch.setenv("P1LINT_CACHE_DIR", str(tmp_path / "chosen"))
    assert cache_root() == str(tmp_path / "chosen")
    assert cache_root(str(tmp_path / "given")) == str(tmp_path / "given")


def test_the_start_up_path_looks_at_the_configuration_names_config_does():
    assert CONFIG_NAMES == CANDIDATES
