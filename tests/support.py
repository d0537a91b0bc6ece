"""Shared helpers for the tests: the catalogue, loaded once, and one-call linting."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from p1lint.catalogue import load_catalogue
from p1lint.engine import LintResult, lint_paths
from p1lint.rules.compiled import CompiledRule
from p1lint.run_settings import RunSettings
from p1lint.selection import active_rules

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
EXPECTATIONS = Path(__file__).resolve().parent / "expectations"


@lru_cache(maxsize=1)
def catalogue() -> tuple[CompiledRule, ...]:
    return tuple(load_catalogue())


def lint(
    *paths: str | Path, profile: str = "recommended", suppressions: Any = (), **settings: Any
) -> LintResult:
    """`paths` linted with every rule of `profile`; `suppressions`: the configuration's."""
    from p1lint.suppressions.run import Suppressing

    rules = active_rules(catalogue(), profile)
    run = RunSettings(**settings)
    return lint_paths([str(p) for p in paths], rules, run, suppressions=Suppressing.of(suppressions, run))


def fixture_files() -> list[Path]:
    """Every input unit under fixtures/, as the engine groups them: an application file, or a
    directory read as one environment (a snapshot directory, a Terraform module). Files of every
    registered input format count; hidden files hold settings, not applications."""
    from p1lint.documents.sources import discover
    from p1lint.environment.directory import group_units

    units = group_units(discover([str(FIXTURES)]))
    fixtures = {Path(getattr(unit, "path", unit)) for unit in units}
    return sorted(p for p in fixtures if _is_snapshot_fixture(p.relative_to(FIXTURES).parts))


def _is_snapshot_fixture(parts: tuple[str, ...]) -> bool:
    """fixtures/real/ is checked against its own review (test_real_corpus, test_real_terraform),
    fixtures/diff/ holds pairs of versions (test_diff)."""
    return parts[0] not in ("real", "diff") and not any(part.startswith(".") for part in parts)


def fixture_profile(path: Path) -> str:
    """Files under `fixtures/profiles/<profile>/` run with that profile."""
    parts = path.relative_to(FIXTURES).parts
    return parts[1] if len(parts) > 2 and parts[0] == "profiles" else "recommended"


def fixture_settings(path: Path) -> dict[str, Any]:
    """A `.settings.json` beside a fixture gives its run settings (e.g. `custom_domain`; `now`, the
    moment of the run, as an ISO timestamp), a `p1lint.toml` its suppressions."""
    from datetime import datetime

    from p1lint.config import load_config

    directory = path if path.is_dir() else path.parent
    settings_file, config = directory / ".settings.json", directory / "p1lint.toml"
    settings = json.loads(settings_file.read_text()) if settings_file.exists() else {}
    if "now" in settings:
        settings["now"] = datetime.fromisoformat(settings["now"])
    if config.exists():
        settings["suppressions"] = load_config(config).get("suppressions", ())
    return settings


def lint_fixture(path: Path) -> LintResult:
    return lint(path, profile=fixture_profile(path), **fixture_settings(path))


def run_rule(rule: CompiledRule, application: Any) -> list[Any]:
    """The hits of one rule on one application (no file positions), as its examples are checked."""
    from p1lint.explain import example_hits

    errors: list[Any] = []
    hits = example_hits(rule, application, errors)
    assert not errors, errors
    return hits


def rule_by_name(name: str) -> CompiledRule:
    return next(rule for rule in catalogue() if rule.name == name)
