"""The README's first set-up command: the bundled example shows findings and exits 1 (never 2), and
the output the README shows is what it prints."""

from __future__ import annotations

import subprocess
import sys

from tests.support import ROOT


def readme_example_output() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set-up: two commands", 1)[1]
    command = setup.split("```sh\n", 1)[1].split("```", 1)[0]
    assert command.strip().endswith("p1lint check examples/pingone/")
    shown = setup.split("```text\n", 1)[1].split("```", 1)[0]
    return [line for line in shown.splitlines() if line and line != "..."]


def test_the_bundled_example_has_findings_and_exits_1():
    run = subprocess.run([sys.executable, "-m", "p1lint", "check", "examples/pingone/"], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    assert run.stderr == ""  # nothing that could not be checked, nothing skipped
    printed = run.stdout.splitlines()
    assert [line for line in readme_example_output() if line not in printed] == []
