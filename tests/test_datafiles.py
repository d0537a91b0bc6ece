"""The JSON copies of the YAML data files: shipped equal to a fresh build, and read instead of
the YAML, so that checking never imports a YAML parser for its own data."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from p1lint import datafiles
from p1lint.resources import data_dir
from tests.support import FIXTURES, ROOT


@pytest.mark.parametrize(("directory", "name"), datafiles.SHIPPED)
def test_the_shipped_copy_is_a_fresh_build(directory, name):
    shipped = datafiles.copy_path(directory, name).read_text(encoding="utf-8")
    assert shipped == datafiles.fresh_copy(directory, name), "run `python -m p1lint.datafiles`"


@pytest.mark.parametrize(("directory", "name"), datafiles.SHIPPED)
def test_loading_gives_the_yaml_content(directory, name):
    expected = yaml.safe_load((data_dir(directory) / name).read_text(encoding="utf-8"))
    assert datafiles.load(directory, name) == expected and expected


def test_only_shipped_files_are_loaded():
    with pytest.raises(KeyError):
        datafiles.load("data", "pingone-roles.yaml")


def test_checking_mappings_and_hosts_imports_no_yaml_parser():
    """An application with attribute mappings (the helper catalogue) and redirect URIs (the
    foreign hosts) is a JSON file: nothing else needs YAML."""
    script = ("import sys; from p1lint.cli import main; sys.argv = ['p1lint', 'check', '--no-cache', "
              "'--no-config', sys.argv[1]]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
              "print('yaml' in sys.modules, 'p1lint.functions.hosts' in sys.modules, "
              "'p1lint.expressions.catalog' in sys.modules)")
    application = FIXTURES / "good" / "web-app-authorization-code.json"
    run = subprocess.run([sys.executable, "-c", script, str(application)], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert run.stdout.splitlines()[-1] == "False True True"
