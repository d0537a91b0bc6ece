"""The user's cache directory of p1lint, shared by the results cache and the compiled `--rules`
directories: `--cache-dir`, else `P1LINT_CACHE_DIR`, else `$XDG_CACHE_HOME/p1lint`, else
`~/.cache/p1lint` — never a directory of the checked repository, which may be untrusted."""

from __future__ import annotations

import os

ENVIRONMENT_VARIABLE = "P1LINT_CACHE_DIR"


def cache_root(cache_dir: str | None = None) -> str | None:
    """The cache directory: `cache_dir`, else P1LINT_CACHE_DIR, else the user's cache directory;
    None when there is no home directory to put it in."""
    chosen = cache_dir or os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen:
        return os.path.abspath(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return os.path.join(xdg, "p1lint")
    home = os.path.expanduser("~")
    return os.path.join(home, ".cache", "p1lint") if os.path.isabs(home) else None
