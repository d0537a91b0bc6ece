"""The speed figures p1lint promises, each printed with its target and whether it is met.

Wall times are medians of fresh processes, and each is also a ratio to `python -c pass` measured
in the same run (the machine's load moves absolute figures; ratios move less):

1. one application file, full catalogue (target: at most 5x `python -c pass`);
2. one application with attribute-mapping expressions and a wildcard CORS origin (at most 6x);
3. the peak memory of (1), from the child's resource usage (at most 60 MiB);
4. the file of (1) unchanged, again, from the results cache (at most 3x; skipped when this
   p1lint has no `--cache-dir`);
5. the first run after install: (1) with every p1lint cache empty (at most 2x the figure of 1);
   shown beside it, for information, the same without any bytecode (an editable install);
6. 1,000 generated application files, full catalogue, `--jobs` left at its default (at most
   1 s), and Spectral 6.16.3 with the ten-rule ruleset of `benchmarks/spectral/` on the same
   files (p1lint at least 30x faster). Spectral is installed with npm into a directory of the
   system's temporary directory, once; without npm its line says so;
7. a 10,000-application environment snapshot (at most 5 s and 300 MiB).

Every check other than (4) runs with `--no-cache` when p1lint has it, so a figure is the cost of
checking, not of reading a stored result.

Run: `python benchmarks/bench.py [--runs N] [--files N] [--applications N] [--no-spectral]`;
`--quick` runs everything once on small inputs (a smoke test: its figures mean nothing). Needs
p1lint installed in this Python.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
ONE_FILE = ROOT / "fixtures" / "good" / "worker-client-credentials.json"
MAPPINGS_FILE = ROOT / "fixtures" / "good" / "web-app-authorization-code.json"
SNAPSHOT = ROOT / "fixtures" / "environments" / "acme" / "snapshot.yaml"
TEMPLATES = sorted((ROOT / "fixtures").glob("good/*.json")) + sorted((ROOT / "fixtures").glob("bad/*.json"))
SPECTRAL_RULESET = ROOT / "benchmarks" / "spectral" / "ruleset.yaml"
SPECTRAL_PACKAGE = "@stoplight/spectral-cli@6.16.3"
MIB = 1024 * 1024

# What users get: bytecode cached (a shell that sets PYTHONDONTWRITEBYTECODE would otherwise
# make every run recompile every module).
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


class Run(NamedTuple):
    seconds: float
    peak_mib: float  # of the largest process: the child, or one of the workers it waited for
    exit_code: int
    cpu_seconds: float = 0.0  # user and system time of the child and the workers it waited for


def measure(arguments: list[str], environment: dict[str, str] | None = None) -> Run:
    """Wall time, peak resident memory and exit code of one fresh process."""
    start = time.perf_counter()
    quiet = subprocess.DEVNULL
    process = subprocess.Popen(arguments, stdout=quiet, stderr=quiet, env=environment or ENVIRONMENT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return Run(elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), cpu)


def runs(arguments: list[str], count: int, environment: dict[str, str] | None = None) -> list[Run]:
    return [measure(arguments, environment) for _ in range(count)]


def median(samples: list[Run]) -> float:
    return statistics.median(run.seconds for run in samples)


class Figures:
    """Prints each figure, its ratio to the floor and its target; remembers what was missed."""

    def __init__(self, floor: float) -> None:
        self.floor = floor
        self.missed: list[str] = []
        self.last = ""  # the figure a line that starts with `  ...` is about

    def line(self, label: str, text: str, target: str = "", met: bool | None = None) -> None:
        verdict = "" if met is None else f"  target {target}: {'met' if met else 'NOT MET'}"
        if met is False:
            sub = label.startswith("  ...")
            self.missed.append(f"{self.last} ({target})" if sub else label)
        if not label.startswith("  ..."):
            self.last = label
        print(f"{label:<58} {text}{verdict}", flush=True)

    def wall(
        self, label: str, samples: list[Run], limit: float | None = None, seconds: float | None = None
    ) -> float:
        """A median wall time and its ratio; `limit` is a target ratio, `seconds` one in seconds."""
        value = median(samples)
        spread = f"(min {min(r.seconds for r in samples) * 1000:.0f}, {len(samples)} runs)"
        text = f"{value * 1000:7.0f} ms {value / self.floor:6.1f}x python -c pass {spread}"
        if limit is not None:
            self.line(label, text, f"<= {limit:g}x", value / self.floor <= limit)
        elif seconds is not None:
            self.line(label, text, f"<= {seconds:g} s", value <= seconds)
        else:
            self.line(label, text)
        return value


def p1lint(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "p1lint", "check", "--no-config", *arguments]


def has_option(name: str) -> bool:
    """Whether this p1lint's `check` has the option `name` (flags land one at a time)."""
    shown = subprocess.run(p1lint("--help"), capture_output=True, text=True, env=ENVIRONMENT, check=False)
    return name in shown.stdout


def applications_from(template: Path) -> list[dict[str, Any]]:
    data = json.loads(template.read_text(encoding="utf-8"))
    if isinstance(data, dict) and isinstance(data.get("_embedded"), dict):
        data = data["_embedded"].get("applications", [])
    return [app for app in (data if isinstance(data, list) else [data]) if isinstance(app, dict)]


def generate_files(directory: Path, count: int, seed: int = 1) -> None:
    """`count` files, each one application drawn from the fixtures, with a unique name."""
    pool = [app for template in TEMPLATES for app in applications_from(template)]
    chooser = random.Random(seed)
    for index in range(count):
        application = dict(chooser.choice(pool), name=f"application {index:05d}")
        target = directory / f"app-{index:05d}.json"
        target.write_text(json.dumps(application, indent=2), encoding="utf-8")


def generate_mappings_file(path: Path) -> None:
    """A web application with attribute-mapping expressions and a wildcard CORS origin."""
    application = json.loads(MAPPINGS_FILE.read_text(encoding="utf-8"))
    application["corsSettings"] = {"behavior": "ALLOW_SPECIFIC_ORIGINS",
                                   "origins": ["https://*.shop.example.com", "https://app.example.com"]}
    mappings = application.setdefault("attributeMappings", [])
    mappings.append({"name": "display", "value": "${user.name.given + ' ' + user.name.family}",
                     "required": False, "mappingType": "CORE", "idToken": True, "userInfo": True})
    path.write_text(json.dumps(application, indent=2), encoding="utf-8")


def generate_snapshot(path: Path, count: int, seed: int = 1) -> None:
    """The Acme snapshot with `count` applications: its own, then copies with new ids and names."""
    import yaml

    snapshot = json.loads(json.dumps(yaml.safe_load(SNAPSHOT.read_text(encoding="utf-8")), default=str))
    own = snapshot["applications"]
    chooser = random.Random(seed)
    applications = list(own[:count])
    for index in range(len(applications), count):
        copy = json.loads(json.dumps(chooser.choice(own)))
        copy["id"], copy["name"] = str(uuid.UUID(int=chooser.getrandbits(128))), f"application {index:06d}"
        applications.append(copy)
    snapshot["applications"] = applications
    path.write_text(json.dumps(snapshot, indent=2), encoding="utf-8")


def generated(kind: str, target: Path, count: int) -> None:
    """Write an input in a child process: Linux counts a parent's memory high-water mark into
    the peak of every process it starts, so this one must stay small."""
    command = [sys.executable, __file__, "--generate", kind, str(count), str(target)]
    subprocess.run(command, check=True, env=ENVIRONMENT)


GENERATORS: dict[str, Callable[[Path, int], None]] = {
    "files": generate_files,
    "snapshot": generate_snapshot,
    "mappings": lambda path, _: generate_mappings_file(path),
}


def spectral(directory: Path) -> list[str] | str:
    """The command that runs Spectral 6.16.3, installed with npm once; or why there is none."""
    home = Path(tempfile.gettempdir()) / "p1lint-bench-spectral-6.16.3"
    binary = home / "node_modules" / ".bin" / "spectral"
    if not binary.exists():
        npm = shutil.which("npm")
        if npm is None:
            return "npm is not installed"
        home.mkdir(parents=True, exist_ok=True)
        installed = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", SPECTRAL_PACKAGE],
                                   cwd=home, capture_output=True, text=True, check=False)
        if installed.returncode != 0 or not binary.exists():
            return f"npm could not install {SPECTRAL_PACKAGE}: {installed.stderr.strip()[-200:]}"
    return [str(binary), "lint", "--ruleset", str(SPECTRAL_RULESET), "--format", "json", "--quiet",
            str(directory / "*.json")]


class Settings(NamedTuple):
    runs: int
    files: int
    applications: int
    bulk_runs: int
    spectral: bool


def one_file(figures: Figures, settings: Settings, cache: list[str], scratch: Path) -> float:
    samples = single(p1lint(*cache, str(ONE_FILE)), settings.runs)
    warm = figures.wall("one application file, full catalogue", samples, limit=5)
    peak = max(run.peak_mib for run in samples)
    figures.line("peak memory of one file", f"{peak:7.1f} MiB", "<= 60 MiB", peak <= 60)
    mappings = scratch / "mappings-and-wildcard-cors.json"
    generated("mappings", mappings, 1)
    figures.wall("one file with mapping expressions and a wildcard CORS origin",
                 single(p1lint(*cache, str(mappings)), settings.runs), limit=6)
    return warm


def single(command: list[str], count: int) -> list[Run]:
    measure(command)  # bytecode written once, as after first use
    return runs(command, count)


def cached_rerun(figures: Figures, settings: Settings, scratch: Path) -> None:
    if not has_option("--cache-dir"):
        figures.line("unchanged file again, from the results cache", "skipped: no --cache-dir yet")
        return
    command = p1lint("--cache-dir", str(scratch / "results-cache"), str(ONE_FILE))
    figures.wall("unchanged file again, from the results cache", single(command, settings.runs), limit=3)


def first_run(figures: Figures, settings: Settings, warm: float, scratch: Path) -> None:
    """Every p1lint cache empty (a fresh cache directory per run); bytecode as pip installs it."""
    samples, bare = [], []
    for index in range(settings.runs):
        caches = scratch / f"first-{index}"
        environment = dict(ENVIRONMENT, XDG_CACHE_HOME=str(caches), P1LINT_CACHE_DIR=str(caches / "p1lint"))
        samples.append(measure(p1lint(str(ONE_FILE)), environment))
        bare_caches = scratch / f"bare-{index}"  # empty too: not a replay of the run above
        bytecode = dict(ENVIRONMENT, XDG_CACHE_HOME=str(bare_caches),
                        P1LINT_CACHE_DIR=str(bare_caches / "p1lint"),
                        PYTHONPYCACHEPREFIX=str(bare_caches / "bytecode"))
        bare.append(measure(p1lint(str(ONE_FILE)), bytecode))
    value = figures.wall("first run after install (empty p1lint caches)", samples)
    ratio = value / warm
    figures.line("  ... compared with one file, full catalogue", f"{ratio:7.1f}x", "<= 2x", ratio <= 2)
    figures.wall("  ... and without any bytecode (an editable install)", bare)


def many_files(figures: Figures, settings: Settings, cache: list[str], scratch: Path) -> None:
    directory = scratch / "files"
    directory.mkdir()
    generated("files", directory, settings.files)
    label = f"{settings.files:,} application files, full catalogue"
    command = p1lint(*cache, "--format", "json", str(directory))
    samples = runs(command, settings.bulk_runs)
    seconds = figures.wall(label, samples, seconds=1)
    cpu_line(figures, samples)
    other_label = f"Spectral 6.16.3, 10 rules, on the same {settings.files:,} files"
    found = spectral(directory) if settings.spectral else "--no-spectral"
    if isinstance(found, str):
        figures.line(other_label, f"skipped: {found}")
        return
    other_samples = runs(found, max(1, settings.bulk_runs // 3))
    other = figures.wall(other_label, other_samples)
    failed = sorted({run.exit_code for run in other_samples} - {0, 1})  # 1: it found problems
    if failed:
        figures.line("  ... Spectral did not lint the files", f"exit code {failed[0]}")
        return
    faster = other / seconds
    figures.line("  ... Spectral's time over p1lint's", f"{faster:7.1f}x", ">= 30x", faster >= 30)


def snapshot(figures: Figures, settings: Settings, cache: list[str], scratch: Path) -> None:
    path = scratch / "snapshot.json"
    generated("snapshot", path, settings.applications)
    samples = runs(p1lint(*cache, "--format", "json", str(path)), settings.bulk_runs)
    label = f"environment snapshot of {settings.applications:,} applications"
    figures.wall(label, samples, seconds=5)
    cpu_line(figures, samples)
    peak = max(run.peak_mib for run in samples)
    label = "peak memory of that snapshot (largest process)"
    figures.line(label, f"{peak:7.1f} MiB", "<= 300 MiB", peak <= 300)


def cpu_line(figures: Figures, samples: list[Run]) -> None:
    """The CPU time of a bulk figure, for information: the load of a shared machine moves it less."""
    cpu = statistics.median(run.cpu_seconds for run in samples)
    figures.line("  ... CPU time, all its processes", f"{cpu:7.2f} s")


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--runs", type=int, default=20, help="runs of each single-file figure")
    parser.add_argument("--files", type=int, default=1000, help="files of the bulk figure")
    parser.add_argument("--applications", type=int, default=10000, help="applications of the snapshot")
    parser.add_argument("--bulk-runs", type=int, default=3, help="runs of the bulk and snapshot figures")
    parser.add_argument("--no-spectral", action="store_true", help="do not run Spectral")
    parser.add_argument("--quick", action="store_true", help="everything once on small inputs (smoke test)")
    parser.add_argument("--generate", nargs=3, metavar=("KIND", "N", "PATH"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.generate:
        kind, count, target = arguments.generate
        GENERATORS[kind](Path(target), int(count))
        return 0
    settings = Settings(arguments.runs, arguments.files, arguments.applications, arguments.bulk_runs,
                        not arguments.no_spectral)
    if arguments.quick:
        settings = Settings(1, 20, 200, 1, False)
    return report(settings)


def report(settings: Settings) -> int:
    floor_samples = runs([sys.executable, "-c", "pass"], max(settings.runs, 5))
    figures = Figures(median(floor_samples))
    print(f"{'python -c pass':<58} {figures.floor * 1000:7.0f} ms  ({len(floor_samples)} runs)")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{'CPUs available to this process':<58} {cpus:7d}")
    cache = ["--no-cache"] if has_option("--no-cache") else []
    with tempfile.TemporaryDirectory() as name:
        scratch = Path(name)
        warm = one_file(figures, settings, cache, scratch)
        cached_rerun(figures, settings, scratch)
        first_run(figures, settings, warm, scratch)
        many_files(figures, settings, cache, scratch)
        snapshot(figures, settings, cache, scratch)
    print(f"targets not met: {', '.join(figures.missed)}" if figures.missed else "every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
