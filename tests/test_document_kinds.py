"""What a PingOne document is: files found in a directory that are not one are skipped with a
notice; a file named on the command line that is not one is an input error."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.documents.kinds import kind_of, not_a_pingone_document
from tests.support import FIXTURES

GOOD = FIXTURES / "good" / "worker-client-credentials.json"
NOT_PINGONE = {
    "package.json": json.dumps({"name": "portal", "version": "1.0.0", "description": "x",
                                "scripts": {"test": "jest"}}),
    "tsconfig.json": json.dumps({"compilerOptions": {"strict": True}, "include": ["src"]}),
    "ci/build.yml": "name: build\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
    "hooks.yaml": "- id: p1lint\n  name: p1lint\n  entry: p1lint check\n  language: python\n",
    "config/p1lint-settings.json": json.dumps({"profile": "strict", "ignore": ["P1L110"]}),
}


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"name": "a", "grantTypes": ["CLIENT_CREDENTIALS"]}, "application"),
        ({"name": "Legacy portal", "protocol": "SAML"}, "application"),
        ({"type": "WORKER"}, "application"),
        ({"attributeMappings": [{"name": "sub", "value": "${user.id}"}]}, "application"),
        ([{"name": "a", "redirectUris": []}, {"id": "x"}], "array of applications"),
        ([], "array of applications"),
        ({"_embedded": {"applications": []}, "count": 0}, "list response"),
        ({"applications": [{"type": "WORKER"}], "roles": []}, "environment snapshot"),
        ({"name": "portal", "version": "1.0.0", "description": "x", "enabled": True}, None),
        ([{"id": "p1lint", "name": "p1lint", "entry": "p1lint"}], None),
        ({"type": "module", "protocol": "https"}, None),
        ({"_embedded": {"attributes": [{"name": "sub", "value": "${user.id}"}]}}, None),
        ({}, None),
        ("just text", None),
    ],
)
def test_kind_of_a_document(data, kind):
    found = kind_of(data)
    assert (found.name if found else None) == kind


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ({"name": "portal", "scripts": {}}, 'no application settings in it (found "name", "scripts")'),
        ({"_embedded": {"attributes": []}}, 'a PingOne list of "attributes", not of applications'),
        (["a", "b"], "found an array with no application in it"),
        (42, "found a number"),
    ],
)
def test_why_a_document_is_not_a_pingone_document(data, said):
    assert said in not_a_pingone_document(data)


@pytest.fixture
def project(tmp_path):
    for name, text in NOT_PINGONE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / "apps").mkdir()
    (tmp_path / "apps" / "worker.json").write_text(GOOD.read_text())
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, ["check", *map(str, args)])


def test_walking_skips_what_is_not_a_pingone_document_with_one_notice_each(project):
    result = run(project)
    notices = [line for line in result.stderr.splitlines() if line.startswith("p1lint: skipped")]
    assert sorted(line.split()[2].rstrip(":") for line in notices) == sorted(
        str(project / name) for name in NOT_PINGONE)
    assert result.exit_code == 0 and "No problems found in 1 file." in result.stdout


def test_quiet_walk_prints_no_notice(project):
    assert "skipped" not in CliRunner().invoke(cli, ["check", "--quiet", str(project)]).stderr


def test_a_named_file_that_is_not_a_pingone_document_is_an_input_error(project):
    result = run(project / "package.json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{project / 'package.json'}:1:1: not a PingOne document")


def test_a_named_yaml_file_points_at_its_first_line(project):
    result = run(project / "ci" / "build.yml", project / "apps" / "worker.json")
    assert result.exit_code == 2 and f"{project / 'ci' / 'build.yml'}:1:1:" in result.stderr
    assert "1 file could not be checked" in result.stdout
