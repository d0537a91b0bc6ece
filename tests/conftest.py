from __future__ import annotations

import os
import tempfile

import pytest

# The tests write caches of their own, never into the user's cache directory.
os.environ.setdefault("P1LINT_CACHE_DIR", tempfile.mkdtemp(prefix="p1lint-test-cache-"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expectations", action="store_true",
        help="Rewrite tests/expectations/ from the current findings instead of comparing.",
    )
