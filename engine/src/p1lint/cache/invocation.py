"""The invocation key: what a whole run's output is a function of, besides the files it reads —
this p1lint, the working directory, the command line, the `P1LINT_*` environment and the
configuration file in effect (found as `p1lint.config.find_config` finds it, or `--config`).
Computed from the raw command line before anything heavy is imported, so that `replay` can
find the record of the same run; the full run keeps it here to write that record."""

from __future__ import annotations

import os

from p1lint.cache.keys import digest_json, file_state, installation_fingerprint

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing typing on the replay path
if TYPE_CHECKING:
    from typing import Any

_CURRENT: list[str] = []  # the key of this process's command line, once computed
_GIVEN: list[frozenset[str]] = []  # see `remember_given`
NO_CACHE = "--no-cache"
PULL = "--pull"  # `check --pull` reads a live environment: its output is never replayed
CONFIG_NAMES = ("p1lint.toml", ".p1lint.toml", "pyproject.toml")  # `p1lint.config.CANDIDATES`, without
# importing it (and pathlib) at start-up; a test holds the two equal


def current() -> str | None:
    """The invocation key of this process's command line, if `remember` was given one."""
    return _CURRENT[-1] if _CURRENT else None


def remember(key: str | None) -> None:
    _CURRENT.clear()
    if key is not None:
        _CURRENT.append(key)


def remember_given(names: frozenset[str]) -> None:
    """The options of this run given on the command line or by the configuration, when the
    command line was read without click (click's context says it otherwise)."""
    _GIVEN.clear()
    _GIVEN.append(names)


def given_options() -> frozenset[str] | None:
    return _GIVEN[-1] if _GIVEN else None


def option_values(argv: list[str], name: str) -> list[str]:
    """The values given to the long option `name` (`--name VALUE` or `--name=VALUE`), in order."""
    values = []
    for index, token in enumerate(argv):
        if token == "--":
            break
        if token == name and index + 1 < len(argv):
            values.append(argv[index + 1])
        elif token.startswith(f"{name}="):
            values.append(token[len(name) + 1:])
    return values


def invocation_key(argv: list[str]) -> str | None:
    """The key of the run `argv` asks for; None when it must not be cached (`--no-cache`) or the
    working directory or configuration cannot be known."""
    if NO_CACHE in argv or PULL in argv:
        return None
    try:
        working = os.getcwd()
        configuration = _configuration(argv)
    except (OSError, ValueError):
        return None
    environment = sorted(
        (k, v) for k, v in os.environ.items() if k.startswith("P1LINT_") and k != "P1LINT_CACHE_DIR"
    )
    return digest_json(["run", installation_fingerprint(), working, argv, environment, configuration])


def _configuration(argv: list[str]) -> list[Any]:
    """The digests of every file that may be the configuration in effect: each `--config` file,
    and each candidate name in the working directory and its parents up to the repository root
    (the files `p1lint.config.find_config` looks at, whatever they hold)."""
    names = option_values(argv, "--config")
    directory = os.getcwd()
    while True:
        names.extend(os.path.join(directory, name) for name in CONFIG_NAMES)
        parent = os.path.dirname(directory)
        if os.path.exists(os.path.join(directory, ".git")) or parent == directory:
            break
        directory = parent
    return [[name, (file_state(name) or [None] * 4)[3]] for name in names]
