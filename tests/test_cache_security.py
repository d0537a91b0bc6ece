"""Nothing in p1lint's cache directory can run code, make a run write elsewhere, or change findings.

An attacker who can write that directory (a repository-controlled `P1LINT_CACHE_DIR`, a CI cache
restored from an untrusted pull request) plants pickles at every name a cache has used, symlinks
out of the directory, directories where files were, and tampered entries in the formats earlier
versions read. Each test runs the real command line and compares its findings with a run that
had an empty cache directory.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from p1lint import __version__
from p1lint.resources import data_dir

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "fixtures" / "bad" / name for name in
         ("mappings-customer-portal.json", "secrets-worker-export.yaml", "secrets-worker-export.json")]  # fmt: skip
CACHE_NAMES = [
    "expression-grammar.lark-cache",
    f"rules-{__version__}.json",
    f"expressions-{__version__}.json",
]
DISABLED_FEATURE = "${user.name.family.substring(0, 1)}"  # in mappings-customer-portal.json


class _Payload:
    """Unpickling this creates the marker directory: proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def _pickle_bomb(marker: Path) -> bytes:
    # lark's cache format: a hash line, then pickles; the first one is loaded before the hash is checked
    return b"0" * 64 + b"\n" + pickle.dumps(_Payload(marker))


def _environment(home: Path, cache: Path | None) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("P1LINT_")}
    environment.update(HOME=str(home), XDG_CACHE_HOME=str(home / "xdg-cache"), TMPDIR=str(home / "tmp"))
    if cache is not None:
        environment["P1LINT_CACHE_DIR"] = str(cache)
    return environment


def _run(home: Path, cache: Path | None) -> tuple[int, list[dict[str, object]]]:
    arguments = [sys.executable, "-m", "p1lint", "check", "--format", "json", *map(str, FILES)]
    done = subprocess.run(
        arguments, capture_output=True, text=True, env=_environment(home, cache), check=False
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)["findings"]


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    home = tmp_path_factory.mktemp("clean-home")
    _, cache = _cache_directory(home, "P1LINT_CACHE_DIR")
    result = _run(home, cache)
    rules = {finding["rule"] for finding in result[1]}
    assert {"P1L750", "P1L803"} <= rules  # the fixtures hold a secret and a disabled feature
    return result


def _cache_directory(home: Path, where: str) -> tuple[Path, Path | None]:
    """The planted directory, and what P1LINT_CACHE_DIR is set to (None: the default location)."""
    (home / "tmp").mkdir(exist_ok=True)
    if where == "default":
        return home / "xdg-cache" / "p1lint", None
    return home / "cache", home / "cache"


def _snapshot(directory: Path) -> dict[str, object]:
    """Every path below `directory` with what it holds: a symlink's target, a file's bytes —
    but the results cache's own entries, which a run writes (see `_only_results_entries`)."""
    return {str(path): _contents(path) for path in sorted(directory.rglob("*")) if RESULTS not in path.parts}


RESULTS = "results-1"


def _only_results_entries(cache: Path) -> None:
    """What a run adds to a cache directory: its results subdirectory of JSON entries, nothing else."""
    for path in (cache / RESULTS).rglob("*"):
        assert path.is_file() and not path.is_symlink(), path
        if path.name != ".pruned":
            assert path.suffix == ".json" and isinstance(json.loads(path.read_text()), dict), path


def _contents(path: Path) -> object:
    if path.is_symlink():
        return ("symlink", os.readlink(path))
    return path.read_bytes() if path.is_file() else "directory"


@pytest.mark.parametrize("where", ["P1LINT_CACHE_DIR", "default"])
def test_planted_pickles_never_run(where, tmp_path, clean_run):
    cache, setting = _cache_directory(tmp_path, where)
    cache.mkdir(parents=True)
    marker = tmp_path / "code-ran"
    for name in CACHE_NAMES:
        (cache / name).write_bytes(_pickle_bomb(marker))
    before = _snapshot(tmp_path)
    assert _run(tmp_path, setting) == clean_run
    assert not marker.exists()
    assert _snapshot(tmp_path) == before
    _only_results_entries(cache)


@pytest.mark.parametrize("where", ["P1LINT_CACHE_DIR", "default"])
def test_symlinks_in_the_cache_directory_write_nothing_outside_it(where, tmp_path, clean_run):
    cache, setting = _cache_directory(tmp_path, where)
    cache.mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    for index, name in enumerate(CACHE_NAMES):
        (outside / f"target-{index}").write_text("precious\n")
        (cache / name).symlink_to(outside / f"target-{index}")
        (cache / f"{name}.dangling").symlink_to(outside / f"absent-{index}")
    before = _snapshot(tmp_path)
    assert _run(tmp_path, setting) == clean_run
    assert _snapshot(tmp_path) == before
    assert not any(outside.glob("absent-*"))
    _only_results_entries(cache)


def test_cache_paths_that_are_directories_leave_no_temporary_files(tmp_path, clean_run):
    cache, _ = _cache_directory(tmp_path, "P1LINT_CACHE_DIR")
    for name in CACHE_NAMES:
        (cache / name).mkdir(parents=True)
    assert _run(tmp_path, cache) == clean_run
    assert sorted(path.name for path in cache.iterdir()) == sorted([*CACHE_NAMES, RESULTS])
    assert not list(cache.rglob("*.tmp"))


def _signature(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_mtime_ns, status.st_size]


def test_a_tampered_rule_cache_disables_no_rule(tmp_path, clean_run):
    """The format p1lint 0.1 trusted: parsed rule data by path, modification time and size."""
    rule = data_dir("rules") / "secrets" / "secret-committed.yaml"
    tampered = {"id": "P1L750", "name": "secret-committed", "given": ["$.nothing"]}
    cache, _ = _cache_directory(tmp_path, "P1LINT_CACHE_DIR")
    cache.mkdir()
    entries = {str(rule): {"signature": _signature(rule), "data": tampered}}
    (cache / f"rules-{__version__}.json").write_text(json.dumps(entries))
    code, findings = _run(tmp_path, cache)
    assert "P1L750" in {finding["rule"] for finding in findings}
    assert (code, findings) == clean_run


def test_a_tampered_expression_cache_hides_no_finding(tmp_path, clean_run):
    """The format p1lint 0.1 trusted: diagnostics by expression text, under a grammar fingerprint."""
    grammar = data_dir("grammar")
    fingerprint = [[path.name, _signature(path)] for path in sorted(grammar.iterdir()) if path.is_file()]
    cache, _ = _cache_directory(tmp_path, "P1LINT_CACHE_DIR")
    cache.mkdir()
    entries = {"fingerprint": fingerprint, DISABLED_FEATURE: []}
    (cache / f"expressions-{__version__}.json").write_text(json.dumps(entries))
    code, findings = _run(tmp_path, cache)
    assert "P1L803" in {finding["rule"] for finding in findings}
    assert (code, findings) == clean_run


@pytest.mark.parametrize("where", ["P1LINT_CACHE_DIR", "default"])
def test_a_run_writes_only_results_entries(where, tmp_path, clean_run):
    """p1lint keeps the results of a run in JSON entries under the cache directory, and nothing else
    anywhere (no temporary files left, nothing in TMPDIR)."""
    cache, setting = _cache_directory(tmp_path, where)
    assert _run(tmp_path, setting) == clean_run
    assert [path.name for path in cache.iterdir()] == [RESULTS]
    assert list((cache / RESULTS).glob("unit-*.json"))
    _only_results_entries(cache)
    assert not any((tmp_path / "tmp").iterdir())
