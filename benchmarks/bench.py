"""Benchmarks for the two figures the project promises:

1. `p1lint check` on one application file: median wall time of a fresh process (start-up included),
   for a worker and for a web application with attribute-mapping expressions (p1lint keeps no cache
   between runs, so the first run and every later one cost the same);
2. 1,000 generated application files with the full rule set, in one process;
3. each environment snapshot of `fixtures/environments/` (the whole environment checked at once).

Every wall time is also printed as a ratio to `python -c pass` measured in the same run, as the
machine's load moves absolute figures.

Run: `python benchmarks/bench.py [--runs N] [--files N]`. Needs `p1lint` installed in this Python.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SINGLE_FILES = [ROOT / "fixtures" / "good" / name
                for name in ("worker-client-credentials.json", "web-app-authorization-code.json")]
SNAPSHOTS = sorted((ROOT / "fixtures" / "environments").glob("*/snapshot.*"))
TEMPLATES = sorted((ROOT / "fixtures").glob("good/*.json")) + sorted((ROOT / "fixtures").glob("bad/*.json"))


# Measure what users get: bytecode cached (a shell that sets PYTHONDONTWRITEBYTECODE would
# otherwise make every run recompile every module).
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def wall_time(arguments: list[str], environment: dict[str, str] = ENVIRONMENT) -> float:
    start = time.perf_counter()
    quiet = subprocess.DEVNULL
    subprocess.run(arguments, stdout=quiet, stderr=quiet, check=False, env=environment)
    return time.perf_counter() - start


def p1lint(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "p1lint", *arguments]


def single_file(path: Path, runs: int) -> list[float]:
    wall_time(p1lint("check", str(path)))  # bytecode written once, as after first use
    return [wall_time(p1lint("check", str(path))) for _ in range(runs)]


def applications_from(template: Path) -> list[dict[str, object]]:
    data = json.loads(template.read_text(encoding="utf-8"))
    return [app for app in (data if isinstance(data, list) else [data]) if isinstance(app, dict)]


def generate(directory: Path, count: int, seed: int = 1) -> None:
    """`count` files, each one application drawn from the fixtures, with a unique name."""
    pool = [app for template in TEMPLATES for app in applications_from(template)]
    chooser = random.Random(seed)
    for index in range(count):
        application = dict(chooser.choice(pool), name=f"application {index:05d}")
        target = directory / f"app-{index:05d}.json"
        target.write_text(json.dumps(application, indent=2), encoding="utf-8")


def many_files(count: int, runs: int) -> list[float]:
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        generate(directory, count)
        return [wall_time(p1lint("check", "--format", "json", str(directory))) for _ in range(runs)]


def interpreter(runs: int) -> list[float]:
    """The floor every command pays: a Python process that does nothing."""
    return [wall_time([sys.executable, "-c", "pass"]) for _ in range(runs)]


def describe(label: str, samples: list[float], floor: float | None = None) -> str:
    ms = sorted(sample * 1000 for sample in samples)
    spread = f"min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms"
    ratio = f", {statistics.median(samples) / floor:.1f}x python -c pass" if floor else ""
    return f"{label}: median {statistics.median(ms):.0f} ms{ratio}, {spread} ({len(ms)} runs)"


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--runs", type=int, default=20, help="runs of the single-file benchmark")
    parser.add_argument("--files", type=int, default=1000, help="files in the bulk benchmark")
    parser.add_argument("--bulk-runs", type=int, default=5, help="runs of the bulk benchmark")
    arguments = parser.parse_args()
    floor_samples = interpreter(arguments.runs)
    floor = statistics.median(floor_samples)
    print(describe("python -c pass", floor_samples))
    for path in SINGLE_FILES:
        print(describe(f"one file ({path.name})", single_file(path, arguments.runs), floor))
    for path in SNAPSHOTS:
        label = f"snapshot ({path.relative_to(ROOT)})"
        print(describe(label, single_file(path, arguments.runs), floor))
    print(describe(f"{arguments.files} files", many_files(arguments.files, arguments.bulk_runs), floor))


if __name__ == "__main__":
    main()
