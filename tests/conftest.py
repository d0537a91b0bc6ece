from __future__ import annotations

import os

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so that a CI result does not depend on luck;
# `HYPOTHESIS_PROFILE=explore` draws fresh ones when hunting for bugs locally.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expectations", action="store_true",
        help="Rewrite tests/expectations/ from the current findings instead of comparing.",
    )


@pytest.fixture(autouse=True)
def _own_results_cache(tmp_path_factory, monkeypatch):
    """Each test has a results cache of its own (runs of the command line, in process or not,
    keep results between runs): no test sees what another one left."""
    monkeypatch.setenv("P1LINT_CACHE_DIR", str(tmp_path_factory.mktemp("results-cache")))
