"""`--rules` directories are compiled once and kept in the cache directory; a kept file that is
damaged, planted or of other rule files is ignored and compiled again, and bad rule files are
reported as `file:line:col: message` whether or not a compiled copy exists."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.rules import loader
from p1lint.rules.usercache import SUBDIRECTORY, load_user_rules
from tests.support import FIXTURES
from tests.test_rule_loading import VALID


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "team-rules"
    directory.mkdir()
    (directory / "prefix.yaml").write_text(VALID, encoding="utf-8")
    return directory


def kept_files(cache: Path) -> list[Path]:
    return sorted((cache / SUBDIRECTORY).glob("*.json"))


def forbid_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(directory: Path) -> list[dict]:
        raise AssertionError(f"{directory} was compiled again")

    monkeypatch.setattr(loader, "compile_directory", refuse)


def summary(rules) -> list[tuple]:
    return [(r.id, r.name, r.severity, r.function_name, r.option_data, r.source) for r in rules]


def test_a_rules_directory_is_compiled_once_then_read_from_the_cache(rules_dir, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = load_user_rules([rules_dir], str(cache))
    assert summary(first) == [("ACME990", "custom-name-prefix", "warning", "pattern", {"match": "^acme-",
                                                                                     "not_match": None},
                               rules_dir / "prefix.yaml")]
    assert len(kept_files(cache)) == 1
    forbid_compiling(monkeypatch)
    again = load_user_rules([rules_dir], str(cache))
    assert summary(again) == summary(first)
    assert again[0].options.compiled[0] is not None  # type: ignore[attr-defined]


def test_an_edited_rule_file_is_compiled_again(rules_dir, tmp_path):
    cache = tmp_path / "cache"
    load_user_rules([rules_dir], str(cache))
    (rules_dir / "prefix.yaml").write_text(VALID.replace("severity: warning", "severity: error"), encoding="utf-8")
    assert load_user_rules([rules_dir], str(cache))[0].severity == "error"
    assert len(kept_files(cache)) == 2


def planted_entries(kept: Path) -> dict[str, str]:
    document = json.loads(kept.read_text(encoding="utf-8"))
    entry = document["rules"][0]
    unknown_function = json.dumps({**document, "rules": [{**entry, "function": "no-such", "module": "os"}]})
    bad_options = json.dumps({**document, "rules": [{**entry, "options": {"match": "(unclosed"}}]})
    extra_option = json.dumps({**document, "rules": [{**entry, "options": {"matches": 1}}]})
    other_sources = json.dumps({**document, "sources": "0" * 64})
    escaping = json.dumps({**document, "rules": [{**entry, "source": "../../etc/passwd"}]})
    return {"junk": "\x80\x03}q\x00.", "truncated": kept.read_text(encoding="utf-8")[:200], "list": "[]",
            "no rules": json.dumps({**document, "rules": [{}]}), "unknown function": unknown_function,
            "bad options": bad_options, "extra option": extra_option, "other sources": other_sources,
            "escaping source": escaping, "deep": "[" * 100_000 + "]" * 100_000}


@pytest.mark.parametrize("kind", ["junk", "truncated", "list", "no rules", "unknown function", "bad options",
                                  "extra option", "other sources", "escaping source", "deep"])
def test_a_damaged_or_planted_compiled_file_is_ignored_and_rebuilt(rules_dir, tmp_path, kind):
    cache = tmp_path / "cache"
    expected = summary(load_user_rules([rules_dir], str(cache)))
    [kept] = kept_files(cache)
    good = kept.read_text(encoding="utf-8")
    kept.write_text(planted_entries(kept)[kind], encoding="utf-8")
    assert summary(load_user_rules([rules_dir], str(cache))) == expected
    assert kept.read_text(encoding="utf-8") == good, "the compiled file is written again"


def test_a_symbolic_link_in_the_cache_is_not_followed(rules_dir, tmp_path):
    cache = tmp_path / "cache"
    expected = summary(load_user_rules([rules_dir], str(cache)))
    [kept] = kept_files(cache)
    elsewhere = tmp_path / "elsewhere.json"
    os.replace(kept, elsewhere)
    kept.symlink_to(elsewhere)
    assert summary(load_user_rules([rules_dir], str(cache))) == expected
    assert not kept.is_symlink()


def test_an_unwritable_cache_directory_is_no_error(rules_dir, tmp_path):
    blocked = tmp_path / "file-not-directory"
    blocked.write_text("", encoding="utf-8")
    assert [r.id for r in load_user_rules([rules_dir], str(blocked))] == ["ACME990"]


def test_a_bad_rule_file_is_reported_on_every_run_and_never_kept(rules_dir, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    (rules_dir / "typo.yaml").write_text(VALID.replace("ACME990", "ACME991").replace("custom-name-prefix", "other")
                                         .replace("match:", "matches:"), encoding="utf-8")
    monkeypatch.setenv("P1LINT_CACHE_DIR", str(cache))
    app = str(FIXTURES / "good" / "worker-client-credentials.json")
    for _ in range(2):
        result = CliRunner().invoke(cli, ["check", "--no-config", "--rules", str(rules_dir), app])
        assert result.exit_code == 2
        assert f"{rules_dir / 'typo.yaml'}:14:14: then.options.matches: invalid option: Extra inputs" in result.output
    assert kept_files(cache) == []


def test_the_cli_finds_with_cached_user_rules(rules_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("P1LINT_CACHE_DIR", str(tmp_path / "cache"))
    app = tmp_path / "app.json"
    app.write_text((FIXTURES / "good" / "worker-client-credentials.json").read_text(encoding="utf-8"))
    runs = [CliRunner().invoke(cli, ["check", "--no-config", "--rules", str(rules_dir), "--select", "ACME990",
                                     "--format", "json", str(app)]) for _ in range(2)]
    assert runs[0].output == runs[1].output
    assert [f["rule"] for f in json.loads(runs[0].output)["findings"]] == ["ACME990"]


def test_the_cache_dir_option_names_where_compiled_rules_are_kept(rules_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("P1LINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    chosen = tmp_path / "chosen"
    app = str(FIXTURES / "good" / "worker-client-credentials.json")
    result = CliRunner().invoke(cli, ["check", "--no-config", "--cache-dir", str(chosen), "--rules", str(rules_dir),
                                      app])
    assert result.exit_code in (0, 1), result.output
    assert len(kept_files(chosen)) == 1
    assert kept_files(tmp_path / "xdg" / "p1lint") == []
