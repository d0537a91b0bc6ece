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
