"""The parsed-rule cache: reused while files are unchanged, refreshed when they change."""

from __future__ import annotations

import json
import os

from p1lint.rules import loader
from p1lint.rules.cache import RuleDataCache, default_cache_file
from tests.test_rule_loading import VALID


def load_and_save(rules_dir, cache_file):
    cache = RuleDataCache(cache_file)
    rules = loader.load_rules([rules_dir], cache)
    cache.save()
    return rules


def test_cache_is_reused_then_refreshed(tmp_path, monkeypatch):
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    rule = rules_dir / "rule.yaml"
    rule.write_text(VALID)
    cache_file = tmp_path / "cache" / "rules.json"

    [first] = load_and_save(rules_dir, cache_file)
    assert json.loads(cache_file.read_text())[str(rule)]["data"]["id"] == "P1L990"

    def no_parsing(path):
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr(loader, "_read_and_parse", no_parsing)
    [again] = load_and_save(rules_dir, cache_file)
    assert again.spec == first.spec

    monkeypatch.undo()
    rule.write_text(VALID.replace("severity: warning", "severity: error"))
    os.utime(rule, ns=(1, 1))  # a different signature even on coarse clocks
    [changed] = load_and_save(rules_dir, cache_file)
    assert changed.spec.severity == "error"


def test_corrupt_cache_is_ignored(tmp_path):
    cache_file = tmp_path / "rules.json"
    cache_file.write_text("{not json")
    assert RuleDataCache(cache_file).entries == {}


def test_cache_can_be_turned_off_or_moved(monkeypatch, tmp_path):
    monkeypatch.setenv("P1LINT_NO_CACHE", "1")
    assert default_cache_file() is None
    monkeypatch.delenv("P1LINT_NO_CACHE")
    monkeypatch.setenv("P1LINT_CACHE_DIR", str(tmp_path))
    assert default_cache_file().parent == tmp_path


def test_entries_of_files_not_loaded_are_dropped(tmp_path):
    cache_file = tmp_path / "cache.json"
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "rule.yaml").write_text(VALID)
        load_and_save(tmp_path / name, cache_file)
    assert list(json.loads(cache_file.read_text())) == [str(tmp_path / "two" / "rule.yaml")]
