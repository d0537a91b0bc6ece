"""The hook definitions the repository ships for pre-commit (.pre-commit-hooks.yaml)."""

from __future__ import annotations

import re

import yaml

from tests.support import ROOT

HOOKS = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_the_terraform_hook_passes_terraform_files_only() -> None:
    pattern = re.compile(HOOKS["p1lint-terraform"]["files"])
    assert [name for name in ("infra/main.tf", "export/apps.tf.json") if not pattern.search(name)] == []
    assert [name for name in ("infra/prod.tfvars", "package.json", "infra/.terraform.lock.hcl", "main.tf.bak")
            if pattern.search(name)] == []


def test_every_hook_runs_the_check_command_in_one_process() -> None:
    assert all(hook["entry"] == "p1lint check" and hook["require_serial"] for hook in HOOKS.values())
