from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expectations", action="store_true",
        help="Rewrite tests/expectations/ from the current findings instead of comparing.",
    )
