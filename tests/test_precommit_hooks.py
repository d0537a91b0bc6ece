"""The hook definitions the repository ships for pre-commit (.pre-commit-hooks.yaml)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import ROOT

HOOKS = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_the_terraform_hook_passes_terraform_files_only() -> None:
    pattern = re.compile(HOOKS["p1lint-terraform"]["files"])
    assert [name for name in ("infra/main.tf", "export/apps.tf.json") if not pattern.search(name)] == []
    assert [name for name in ("infra/prod.tfvars", "package.json", "infra/.terraform.lock.hcl", "main.tf.bak")
            if pattern.search(name)] == []


def test_every_hook_runs_the_check_command_in_one_process() -> None:
    # pre-commit names the files: `--force-exclude` applies the configuration's excludes to them
    assert all(hook["entry"] == "p1lint check --force-exclude" and hook["require_serial"]
               for hook in HOOKS.values())


# --- the hooks, run by the real pre-commit ---------------------------------------------------------
# `pre-commit try-repo` clones this checkout (a shadow commit holds uncommitted changes), builds the
# hook's virtual environment with pip from it, and runs the hook on the named files of a temporary
# repository, as a user's `git commit` would.

GOOD_APP = ROOT / "fixtures" / "good" / "worker-client-credentials.json"
BAD_APP = ROOT / "fixtures" / "bad" / "redirect-partner-web-app.json"
GOOD_TF = ROOT / "fixtures" / "terraform" / "good" / "single-page-app"
BAD_TF = ROOT / "fixtures" / "terraform" / "bad" / "web-app-redirects"
needs_git = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                               reason="pre-commit runs hooks from a git checkout")


@pytest.fixture(scope="module")
def user_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with PingOne exports and Terraform modules staged for commit."""
    repository = tmp_path_factory.mktemp("user-repository")
    shutil.copy(GOOD_APP, repository / "good.json")
    shutil.copy(BAD_APP, repository / "bad.json")
    shutil.copytree(GOOD_TF, repository / "infra-good")
    shutil.copytree(BAD_TF, repository / "infra-bad")
    (repository / "vendor").mkdir()
    shutil.copy(BAD_APP, repository / "vendor" / "bad.json")
    (repository / "p1lint.toml").write_text('extend-exclude = ["vendor"]\n', encoding="utf-8")
    _git(repository, "init", "-q")
    _git(repository, "add", ".")
    return repository


def _git(repository: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repository, check=True, capture_output=True)


def try_repo(repository: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    home = repository.parent / "pre-commit-home"  # the hook environment, built once for the module
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    command = ["pre-commit", "try-repo", str(ROOT), hook, "--color", "never", "--files", *files]
    return subprocess.run(command, cwd=repository, env=environment, capture_output=True, text=True,
                          timeout=900)


@needs_git
def test_the_json_yaml_hook_passes_a_clean_file_and_fails_a_bad_one(user_repository: Path) -> None:
    clean = try_repo(user_repository, "p1lint", "good.json")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
    bad = try_repo(user_repository, "p1lint", "bad.json")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "bad.json:" in bad.stdout and "P1L10" in bad.stdout


@needs_git
def test_the_hook_leaves_out_the_files_the_configuration_excludes(user_repository: Path) -> None:
    excluded = try_repo(user_repository, "p1lint", "vendor/bad.json")
    assert excluded.returncode == 0, excluded.stdout + excluded.stderr
    assert "P1L10" not in excluded.stdout


@needs_git
def test_the_terraform_hook_passes_a_clean_module_and_fails_a_bad_one(user_repository: Path) -> None:
    good = sorted(str(p.relative_to(user_repository)) for p in (user_repository / "infra-good").glob("*.tf"))
    bad = sorted(str(p.relative_to(user_repository)) for p in (user_repository / "infra-bad").glob("*.tf"))
    clean = try_repo(user_repository, "p1lint-terraform", *good)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    failed = try_repo(user_repository, "p1lint-terraform", *bad)
    assert failed.returncode == 1 and "infra-bad/" in failed.stdout, failed.stdout + failed.stderr


# --- the README's copy-paste configuration ----------------------------------------------------------

def readme_precommit_repos() -> list[dict]:
    """The `repos` entries of every `.pre-commit-config.yaml` the README shows."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in text.split("```yaml\n")[1:]]
    return [repo for block in blocks if block.startswith("repos:") for repo in yaml.safe_load(block)["repos"]]


def readme_remote_repos() -> list[dict]:
    return [repo for repo in readme_precommit_repos() if repo["repo"] != "local"]


def test_the_readme_configurations_name_hooks_that_exist() -> None:
    repos = readme_remote_repos()
    assert repos and all({hook["id"] for hook in repo["hooks"]} <= set(HOOKS) for repo in repos)


def test_the_readme_remote_configurations_name_no_real_repository_but_a_placeholder() -> None:
    """A URL someone else may own would run their code when copied unchanged: a reserved domain."""
    assert all(repo["repo"].startswith("https://git.example.com/") for repo in readme_remote_repos())


def test_the_readme_local_hook_runs_what_the_shipped_hook_runs() -> None:
    [local] = [repo for repo in readme_precommit_repos() if repo["repo"] == "local"]
    [hook] = local["hooks"]
    shipped = HOOKS[hook["id"]]
    assert (hook["entry"], hook["types_or"], hook["require_serial"]) == (
        shipped["entry"], shipped["types_or"], shipped["require_serial"])


@needs_git
def test_the_readme_local_configuration_works_as_it_stands(tmp_path: Path) -> None:
    """The README's `repo: local` block, copied unchanged into a repository, with p1lint on PATH."""
    [local] = [repo for repo in readme_precommit_repos() if repo["repo"] == "local"]
    (tmp_path / "pingone").mkdir()
    shutil.copy(GOOD_APP, tmp_path / "pingone" / "good.json")
    shutil.copy(BAD_APP, tmp_path / "pingone" / "bad.json")
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [local]}), encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    environment = {**os.environ, "PATH": path, "PRE_COMMIT_HOME": str(tmp_path.parent / "home"), "NO_COLOR": "1"}

    def run(*files: str) -> subprocess.CompletedProcess[str]:
        command = ["pre-commit", "run", "--color", "never", "--files", *files]
        return subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=300)

    clean = run("pingone/good.json")
    assert clean.returncode == 0 and "Passed" in clean.stdout, clean.stdout + clean.stderr
    bad = run("pingone/good.json", "pingone/bad.json")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "pingone/bad.json:" in bad.stdout and "pingone/good.json:" not in bad.stdout


@needs_git
def test_the_readme_configurations_name_an_annotated_tag_of_this_version() -> None:
    from p1lint import __version__

    tags = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True).stdout
    for repo in readme_remote_repos():
        assert repo["rev"] == f"v{__version__}"
        if not tags.strip():
            pytest.skip("this checkout was cloned without tags")
        tag_type = subprocess.run(["git", "cat-file", "-t", f"refs/tags/{repo['rev']}"], cwd=ROOT,
                                  capture_output=True, text=True)
        assert tag_type.stdout.strip() == "tag", f"no annotated tag {repo['rev']}"  # `git tag -a`
