"""The HCL format on the input-format protocol: `.tf` files are HCL, and standard input is when it
opens a Terraform block; a `.tf` file that is not HCL is an input error, the others are still
checked."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.test_spans import parsed

from p1lint.cli import cli
from p1lint.documents.formats import DATA_SUFFIXES, format_for

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "terraform-provider" / "hcl"


@pytest.mark.parametrize(
    ("name", "text", "format_name"),
    [
        ("main.tf", "a: 1", "HCL"),
        ("MAIN.TF", "", "HCL"),
        ("main.tf.json", "{}", "Terraform JSON"),
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


# `.tf` files are read as Terraform configurations once unknown values are never judged (formats.WALKED)
as_terraform = pytest.mark.xfail(".tf" not in DATA_SUFFIXES, reason=".tf is not walked yet", strict=True)


@as_terraform
def test_a_broken_tf_file_in_a_walked_directory_is_an_error_and_the_rest_is_checked(tmp_path):
    (tmp_path / "main.tf").write_text('resource "pingone_group" "g" {}\n')
    (tmp_path / "broken.tf").write_text('resource "x" {\n')
    (tmp_path / "app.json").write_text('{"name": "x", "protocol": "OPENID_CONNECT", "type": "WORKER", "enabled": true}')
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-color", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert f"{tmp_path / 'broken.tf'}:1:14: invalid HCL: this '{{' is never closed" in result.stderr
    assert str(tmp_path / "app.json") in result.stdout


@pytest.mark.parametrize("text", ["", "\n\n", "# versions are pinned elsewhere\n", "/* nothing */"])
def test_a_blank_or_comment_only_tf_file_is_an_empty_configuration(text):
    assert parsed("outputs.tf", text).data == {}


@as_terraform
def test_findings_of_an_application_in_a_tf_file_point_at_its_values():
    from tests.support import lint

    assert ".tf" in DATA_SUFFIXES
    result = lint(FIXTURES / "resources--pingone_application--resource-web.tf")
    found = {(f.rule, f.line, f.column, f.end_line, f.end_column) for f in result.findings}
    assert ("P1L301", 22, 34, 22, 55) in found  # token_endpoint_auth_method = "CLIENT_SECRET_BASIC"
    assert ("P1L110", 23, 35, 23, 59) in found  # redirect_uris = ["https://my-website.com"]


def test_a_tf_file_named_on_the_command_line_is_read_as_hcl(tmp_path):
    path = tmp_path / "main.tf"
    path.write_text('resource "pingone_group" "g" {\n  name = "g"\n}\n')
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-color", str(path)])
    assert "invalid HCL" not in result.output and "Traceback" not in result.output


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
