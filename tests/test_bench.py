"""`benchmarks/bench.py --quick` runs every figure end to end (a smoke test: nothing is timed)."""

from __future__ import annotations

import re
import subprocess
import sys

from .support import ROOT

FIGURES = [
    "python -c pass", "one application file, full catalogue", "peak memory of one file",
    "one file with mapping expressions and a wildcard CORS origin",
    "unchanged file again, from the results cache", "first run after install (empty p1lint caches)",
    "20 application files, full catalogue", "Spectral 6.16.3, 10 rules, on the same 20 files",
    "environment snapshot of 200 applications", "peak memory of that snapshot",
]


def test_the_quick_benchmark_prints_every_figure() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--quick"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for figure in FIGURES:
        [line] = [line for line in lines if line.startswith(figure)]
        assert re.search(r"\d+ (ms|MiB)|skipped", line), line
    targets = [line for line in lines if "  target " in line]
    assert len(targets) >= 7 and all(re.search(r"target [<>]= [\d.]+ ?\w*: (met|NOT MET)$", t) for t in targets)
