"""The pull-then-check audit of the README, run against the PingOne stand-in the tests use
(tests/pull_server.py, on 127.0.0.1): prints each command and what it wrote.

    python examples/pull_audit.py        # from the repository root
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.pull_server import FakePingOne, pull_arguments, pull_environment


def run(arguments: list[str], env: dict[str, str], directory: str) -> None:
    shown = " ".join(a.replace(directory, ".") for a in arguments)
    print(f"$ p1lint {shown}")
    done = subprocess.run([sys.executable, "-m", "p1lint", *arguments], env=env, capture_output=True,
                          text=True, cwd=directory)
    print((done.stdout + done.stderr).replace(directory + "/", "").replace(directory, "."), end="")
    print(f"(exit {done.returncode})\n")


def main() -> None:
    with FakePingOne() as server, tempfile.TemporaryDirectory() as directory:
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("PINGONE_")},
               **pull_environment(server), "P1LINT_CACHE_DIR": os.path.join(directory, ".cache")}
        run(["pull", *pull_arguments(server), "-o", "acme-snapshot"], env, directory)
        run(["check", "--no-config", "--fail-on", "error", "acme-snapshot"], env, directory)


if __name__ == "__main__":
    main()
