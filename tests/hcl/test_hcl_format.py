"""The HCL format on the input-format protocol: `.tf` files are HCL, standard input is when it
opens a Terraform block; a walked directory leaves its `.tf` files alone until Terraform
configurations are read as environments."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.test_spans import parsed

from p1lint.cli import cli
from p1lint.documents.formats import format_for
from p1lint.documents.sources import discover

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "terraform-provider" / "hcl"


@pytest.mark.parametrize(
    ("name", "text", "format_name"),
    [
        ("main.tf", "a: 1", "HCL"),
        ("MAIN.TF", "", "HCL"),
        ("main.tf.json", "{}", "JSON"),
        ("<stdin>", '# managed by Terraform\n\nresource "pingone_group" "g" {}\n', "HCL"),
        ("<stdin>", "locals {\n}\n", "HCL"),
        ("<stdin>", "resource: x\n", "YAML"),
        ("<stdin>", "terraform:\n  a: 1\n", "YAML"),
    ],
)
def test_the_suffix_then_the_content_decides_the_format(name, text, format_name):
    assert format_for(name, text).name == format_name


def test_a_tf_document_keeps_its_format_and_its_repeated_keys():
    document = parsed("main.tf", 'resource "t" "n" {\n  a = 1\n  a = 2\n}\n')
    assert document.format.name == "HCL"
    assert document.duplicate_keys == (("resource", "t", "n", "a"),)
    assert document.repeated_keys_below(("resource", "t", "n")) == (("a",),)


def test_the_locator_can_be_built_again_from_the_text():
    document = parsed("main.tf", 'a = [1, "x"]\n')
    assert document.format.locator(document.text).span(("a", 1)) == document.span(("a", 1)) == (1, 9, 1, 12)


def test_a_walked_directory_leaves_tf_files_alone(tmp_path):
    (tmp_path / "main.tf").write_text('resource "pingone_group" "g" {}\n')
    (tmp_path / "broken.tf").write_text('resource "x" {\n')
    (tmp_path / "app.json").write_text('{"name": "x", "protocol": "OPENID_CONNECT", "type": "WORKER", "enabled": true}')
    assert [Path(name).name for name in discover([str(tmp_path)])] == ["app.json"]
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-color", str(tmp_path)])
    assert ".tf" not in result.output and result.exit_code in (0, 1), result.output


def test_a_tf_file_named_on_the_command_line_is_read_and_is_not_yet_a_pingone_document(tmp_path):
    path = tmp_path / "main.tf"
    path.write_text('resource "pingone_group" "g" {\n  name = "g"\n}\n')
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-color", str(path)])
    assert result.exit_code == 2
    assert f"{path}:1:1: not a PingOne document" in result.stderr
    assert "invalid HCL" not in result.stderr


REAL = sorted(FIXTURES.glob("*.tf"))


@pytest.mark.parametrize("path", REAL, ids=[path.name for path in REAL])
def test_the_provider_examples_parse(path):
    assert parsed(path.name, path.read_text(encoding="utf-8")).data


def test_the_copied_examples_are_the_provider_files_they_name():
    import yaml

    provenance = yaml.safe_load((FIXTURES / "PROVENANCE.yaml").read_text(encoding="utf-8"))
    assert sorted(entry["file"] for entry in provenance["files"]) == [path.name for path in REAL]
    assert provenance["license"].startswith("Apache-2.0") and (FIXTURES / "LICENSE").is_file()


def provider_examples() -> list[str]:
    """Every `.tf` file under the provider repository's `examples/`, when a clone of it is named by
    P1LINT_PROVIDER_GIT_DIR (a development check; CI has the copies above)."""
    import os

    git_dir = os.environ.get("P1LINT_PROVIDER_GIT_DIR")
    if not git_dir:
        return []
    listing = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "HEAD", "--name-only", "examples"],
                             capture_output=True, text=True, check=True).stdout.split()  # fmt: skip
    return [name for name in listing if name.endswith(".tf")]


@pytest.mark.skipif(not provider_examples(), reason="P1LINT_PROVIDER_GIT_DIR names no provider clone")
def test_every_example_of_the_provider_parses():
    import os

    git_dir = os.environ["P1LINT_PROVIDER_GIT_DIR"]
    failures = []
    for name in provider_examples():
        text = subprocess.run(["git", "--git-dir", git_dir, "show", f"HEAD:{name}"],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip
        document = format_for(name, text).parse(name, text)
        if not hasattr(document, "data"):
            failures.append(str(document))
    assert failures == []
