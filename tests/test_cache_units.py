"""The cache the engine consults per input unit."""

from __future__ import annotations

import shutil

from p1lint.cache.codec import Part
from p1lint.cache.store import Store
from p1lint.cache.units import ResultsCache, unit_identity
from p1lint.documents.sources import WalkedFile
from p1lint.engine import LintResult
from tests.cache_support import BAD, GOOD


def test_units_keep_the_order_they_were_looked_up_in(tmp_path):
    names = []
    for index in range(3):
        shutil.copy(BAD if index % 2 else GOOD, tmp_path / f"app{index}.json")
        names.append(str(tmp_path / f"app{index}.json"))
    cache = ResultsCache(Store(str(tmp_path / "cache")), "settings")
    assert [cache.lookup(name) for name in names] == [None, None, None]
    for name in reversed(names):  # as parallel workers may finish
        cache.store(name, LintResult(files=1, names=[name]))
    assert cache.units == [unit_identity(name, "settings")[0] for name in names]
    again = ResultsCache(Store(str(tmp_path / "cache")), "settings")
    assert [again.lookup(name) for name in names] == [Part([], [], 1, [], 0, {}, 0, [name]) for name in names]


def test_a_volatile_result_is_not_kept(tmp_path):
    shutil.copy(GOOD, tmp_path / "app.json")
    name = str(tmp_path / "app.json")
    cache = ResultsCache(Store(str(tmp_path / "cache")), "settings")
    cache.lookup(name)
    cache.store(name, LintResult(files=1, volatile=True))
    assert cache.units == [None]
    assert ResultsCache(Store(str(tmp_path / "cache")), "settings").lookup(name) is None


def test_keys_differ_by_settings_content_and_kind(tmp_path):
    shutil.copy(GOOD, tmp_path / "app.json")
    name = str(tmp_path / "app.json")
    first = unit_identity(name, "a")[0]
    assert first != unit_identity(name, "b")[0]
    assert first != unit_identity(WalkedFile(name), "a")[0]  # a walked file that is no document is skipped
    (tmp_path / "app.json").write_text("{}")
    assert first != unit_identity(name, "a")[0]
    assert unit_identity("-", "a") is None
    assert unit_identity(str(tmp_path), "a") is None  # a directory named as a file
