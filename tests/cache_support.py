"""Running the real command line against a results cache, and what a run imported."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
BAD = FIXTURES / "bad" / "mappings-customer-portal.json"
GOOD = FIXTURES / "good" / "native-app.yaml"
MALFORMED = FIXTURES / "invalid" / "trailing-comma.json"
# what a re-run served from the cache must not import
HEAVY = ("click", "pydantic", "lark", "yaml", "jsonpath_ng", "p1lint.engine", "p1lint.rules", "p1lint.functions",
         "p1lint.catalogue", "p1lint.cli", "p1lint.commands")


class Run(NamedTuple):
    code: int
    stdout: bytes
    stderr: bytes
    modules: frozenset[str]

    @property
    def shown(self) -> tuple[int, bytes, bytes]:
        return self.code, self.stdout, self.stderr

    def heavy(self) -> list[str]:
        return sorted(m for m in self.modules if any(m == h or m.startswith(f"{h}.") for h in HEAVY))


def environment(cache: Path | None, **extra: str) -> dict[str, str]:
    chosen = {k: v for k, v in os.environ.items() if not k.startswith("P1LINT_")}
    if cache is not None:
        chosen["P1LINT_CACHE_DIR"] = str(cache)
    chosen.update(extra)
    return chosen


def p1lint(*args: str | Path, cache: Path | None, cwd: Path = ROOT, importtime: bool = False,
           env: dict[str, str] | None = None) -> Run:
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), "-m", "p1lint", *map(str, args)]
    done = subprocess.run(command, capture_output=True, cwd=cwd, env=env or environment(cache), check=False)
    lines = done.stderr.splitlines(keepends=True)
    timing = [line for line in lines if line.startswith(b"import time:")]
    modules = frozenset(line.split(b"|")[-1].strip().decode() for line in timing)
    stderr = b"".join(line for line in lines if not line.startswith(b"import time:"))
    return Run(done.returncode, done.stdout, stderr, modules)


def age(*roots: Path, seconds: float = 60.0) -> None:
    """Date every file and directory below `roots` back, as files that were not just written (the
    cache compares by content a file changed in the two seconds before the run that recorded it)."""
    moment = time.time_ns() - int(seconds * 1e9)
    for root in roots:
        for path in sorted(root.rglob("*"), reverse=True):
            os.utime(path, ns=(moment, moment), follow_symlinks=False)
        os.utime(root, ns=(moment, moment))
