"""Scale benchmark: how `p1lint check` grows with the size of one input.

Each case generates inputs of size n and 2n (and more with `--steps`), runs `p1lint check` on each
in a fresh process with caches off, and prints the wall time, the CPU time, the peak memory and
the ratio time(2n) / time(n) measured in the same run: about 2 means linear, about 4 quadratic. A run that
exceeds `--timeout` is stopped and shown as such.

Cases (sizes are the defaults; `--scale 0.5` halves them):
- applications: one JSON list of 5,000 / 10,000 applications drawn from the fixtures;
- applications-yaml: the same as a YAML list;
- array / array-yaml: one application whose `redirectUris` has 50,000 / 100,000 entries;
- yaml-keys: one YAML application with 50,000 / 100,000 unknown keys;
- mappings: 5,000 / 10,000 attribute mappings, each with its own unknown attribute;
- long-string: a 5 / 10 MB description in a JSON application that has findings;
- long-uri: a 5 / 10 MB redirect URI of words and parameters, quoted in its findings;
- yaml-star: 150,000 YAML values, one of them holding a `*` (must load, not be an alias bomb);
- alias-bomb: a "billion laughs" YAML document (must be refused, quickly);
- hostile-patterns: a rule file whose pattern backtracks on 250 / 500 values (bounded by the
  per-file regex budget, not by 0.1 s per value).

Run: `python benchmarks/scale.py [--cases a,b] [--scale X] [--steps N] [--timeout S]`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "fixtures").glob("good/*.json")) + sorted((ROOT / "fixtures").glob("bad/*.json"))
BASE = ROOT / "fixtures" / "good" / "web-app-authorization-code.json"
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


class Run(NamedTuple):
    seconds: float
    cpu: float  # user + system seconds: steadier than wall time on a shared machine
    peak_mib: float
    exit_code: int | None  # None: stopped at the timeout


def measure(arguments: list[str], timeout: float) -> Run:
    """Wall time, peak resident memory and exit code of one fresh process."""
    start = time.perf_counter()
    quiet = subprocess.DEVNULL
    process = subprocess.Popen(arguments, stdout=quiet, stderr=quiet, env=ENVIRONMENT)
    code: int | None = None
    while time.perf_counter() - start < timeout:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            cpu, code = usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)
            return Run(time.perf_counter() - start, cpu, usage.ru_maxrss / 1024, code)
        time.sleep(0.01)
    process.kill()
    _, _, usage = os.wait4(process.pid, 0)
    return Run(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code)


def check(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "p1lint", "check", "--format", "json", *arguments]


def base_application() -> dict[str, Any]:
    return json.loads(BASE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def application_pool() -> list[dict[str, Any]]:
    pool = []
    for template in TEMPLATES:
        data = json.loads(template.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("_embedded"), dict):
            data = data["_embedded"].get("applications", [])
        pool += [app for app in (data if isinstance(data, list) else [data]) if isinstance(app, dict)]
    return pool


def many_applications(n: int) -> list[dict[str, Any]]:
    chooser, pool = random.Random(1), application_pool()
    # deep copies: a YAML dump of shared objects would write anchors and aliases
    return [json.loads(json.dumps(dict(chooser.choice(pool), name=f"application {index:06d}")))
            for index in range(n)]


def with_redirects(n: int) -> dict[str, Any]:
    uris = [f"https://portal.example.com/callback/{index}" for index in range(n)]
    return dict(base_application(), redirectUris=uris)


def with_unknown_keys(n: int) -> dict[str, Any]:
    return dict(base_application(), **{f"extra{index:06d}": index for index in range(n)})


def with_mappings(n: int) -> dict[str, Any]:
    mappings = [{"name": f"claim{index}", "value": f"${{user.unknown{index}}}", "required": False,
                 "mappingType": "CUSTOM", "idToken": True, "userInfo": True} for index in range(n)]
    return dict(base_application(), attributeMappings=mappings)


def with_long_string(megabytes: int) -> dict[str, Any]:
    return dict(base_application(), description="d" * (megabytes * 1_000_000), redirectUris=["http://x/"])


def with_long_uri(megabytes: int) -> dict[str, Any]:
    """A redirect URI of many words and parameters, quoted (and redacted) in its findings."""
    query = "&".join(f"p{i}=v w:x" for i in range(megabytes * 100_000))
    return dict(base_application(), redirectUris=[f"http://u:pw@app.example.com/cb?{query}#code=c"])


def starred_yaml(n: int) -> str:
    items = "".join(f"  - https://portal.example.com/callback/{index}\n" for index in range(n))
    return yaml_text(base_application()) + f"postLogoutRedirectUris:\n  - 'https://*.example.com/'\n{items}"


def alias_bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def yaml_text(data: Any) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False, width=1_000_000)


HOSTILE_RULE = """\
id: ACME990
name: hostile-pattern
title: A pattern that backtracks
severity: warning
description: Benchmark only.
rationale: Benchmark only.
references:
  - {title: none, url: "https://example.com/"}
given: $.redirectUris[*]
then:
  function: pattern
  options:
    match: '^(a|a)*$'
message: "{detail}"
examples:
  bad: {redirectUris: ["aa!"]}
  good: {redirectUris: ["aa"]}
"""


def hostile_values(n: int) -> dict[str, Any]:
    return dict(base_application(), redirectUris=["a" * 36 + f"!{index}" for index in range(n)])


Writer = Callable[[Path, int], list[str]]


def json_case(build: Callable[[int], Any]) -> Writer:
    def write(directory: Path, n: int) -> list[str]:
        target = directory / "input.json"
        target.write_text(json.dumps(build(n), indent=2), encoding="utf-8")
        return check(str(target))
    return write


def yaml_case(build: Callable[[int], Any]) -> Writer:
    def write(directory: Path, n: int) -> list[str]:
        target = directory / "input.yaml"
        text = build(n)
        target.write_text(text if isinstance(text, str) else yaml_text(text), encoding="utf-8")
        return check(str(target))
    return write


def hostile_case(directory: Path, n: int) -> list[str]:
    rules = directory / "rules"
    rules.mkdir()
    (rules / "hostile.yaml").write_text(HOSTILE_RULE, encoding="utf-8")
    arguments = json_case(hostile_values)(directory, n)
    return [*arguments[:-1], "--rules", str(rules), "--select", "ACME990", arguments[-1]]


CASES: dict[str, tuple[Writer, int]] = {
    "applications": (json_case(many_applications), 5_000),
    "applications-yaml": (yaml_case(many_applications), 5_000),
    "array": (json_case(with_redirects), 50_000),
    "array-yaml": (yaml_case(with_redirects), 50_000),
    "yaml-keys": (yaml_case(with_unknown_keys), 50_000),
    "mappings": (json_case(with_mappings), 5_000),
    "long-string": (json_case(with_long_string), 5),
    "long-uri": (json_case(with_long_uri), 5),
    "yaml-star": (yaml_case(starred_yaml), 150_000),
    "alias-bomb": (yaml_case(alias_bomb), 9),
    "hostile-patterns": (hostile_case, 250),
}
SINGLE = {"yaml-star", "alias-bomb"}  # one size: these check a verdict, not a growth rate


def generated(name: str, n: int, directory: Path) -> list[str]:
    """Write the inputs in a child process: Linux counts a parent's memory high-water mark into
    the peak of every process it starts, so the parent must stay small."""
    command = [sys.executable, __file__, "--generate", name, str(n), str(directory)]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)  # type: ignore[no-any-return]


def run_case(name: str, scale: float, steps: int, timeout: float) -> None:
    size = CASES[name][1]
    previous: Run | None = None
    for step in range(1 if name in SINGLE else steps):
        n = max(1, round(size * scale)) * 2**step
        with tempfile.TemporaryDirectory() as scratch:
            run = measure(generated(name, n, Path(scratch)), timeout)
        print(describe(name, n, run, previous, timeout), flush=True)
        if run.exit_code is None:
            return
        previous = run


def describe(name: str, n: int, run: Run, previous: Run | None, timeout: float) -> str:
    took = f">{timeout:.0f} s (stopped)" if run.exit_code is None else f"{run.seconds:7.2f} s"
    cpu = f"cpu {run.cpu:6.2f} s"
    ratio = ""
    if previous and run.exit_code is not None:
        ratio = f"  t(2n)/t(n) = {run.seconds / previous.seconds:.2f} (cpu {run.cpu / previous.cpu:.2f})"
    return f"{name:18} n={n:<8,} {took}  {cpu}  peak {run.peak_mib:6.0f} MiB  exit {run.exit_code}{ratio}"


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated case names")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    parser.add_argument("--steps", type=int, default=2, help="sizes per case: n, 2n, 4n, ...")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is stopped")
    parser.add_argument("--generate", nargs=3, metavar=("CASE", "N", "DIR"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.generate:
        name, n, directory = arguments.generate
        print(json.dumps(CASES[name][0](Path(directory), int(n))))
        return
    for name in arguments.cases.split(","):
        run_case(name, arguments.scale, arguments.steps, arguments.timeout)


if __name__ == "__main__":
    main()
