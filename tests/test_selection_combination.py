"""How `select`, `ignore`, `extend-select` and `extend-ignore` of the configuration and of the
command line combine (ruff's way: the command line's `--select` replaces the configuration's,
`extend-*` add), as a table."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.commands.check import combined_selection
from p1lint.selection import active_rules
from tests.support import catalogue

APP = ('{"name": "Portal", "type": "WEB_APP", "protocol": "OPENID_CONNECT", "grantTypes": ["AUTHORIZATION_CODE"],'
       ' "responseTypes": ["CODE"], "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC",'
       ' "pkceEnforcement": "S256_REQUIRED", "redirectUris": ["https://portal.example.com/cb#x", "http://portal.example.com/cb"]}')


def _active(select=(), ignore=(), extend_select=(), extend_ignore=()):
    chosen, skipped = combined_selection(select, ignore, extend_select, extend_ignore)
    return {a.rule.id for a in active_rules(catalogue(), "recommended", chosen, skipped)}


EVERY = _active()


@pytest.mark.parametrize(
    ("options", "on", "off"),
    [
        ({}, {"P1L102", "P1L301"}, set()),
        ({"select": ("P1L102",)}, {"P1L102"}, {"P1L301"}),
        ({"select": ("P1L1",), "ignore": ("P1L102",)}, {"P1L101"}, {"P1L102", "P1L301"}),
        ({"extend_select": ("P1L102",)}, {"P1L102", "P1L301"}, set()),
        ({"select": ("P1L102",), "extend_select": ("P1L301",)}, {"P1L102", "P1L301"}, {"P1L101"}),
        ({"extend_ignore": ("P1L301",)}, {"P1L102"}, {"P1L301"}),
        ({"ignore": ("P1L1",), "extend_ignore": ("P1L3",)}, {"P1L505"}, {"P1L102", "P1L301"}),
        ({"ignore": ("P1L1",), "extend_select": ("P1L102",)}, {"P1L102"}, {"P1L101"}),
        ({"extend_select": ("redirect-uri-no-fragment",), "ignore": ("P1L102",)}, {"P1L102"}, set()),
    ],
)
def test_combination(options, on, off):
    active = _active(**options)
    assert on <= active and not off & active


def test_extend_select_turns_on_a_rule_the_profile_has_off():
    off_in_profile = next(r for r in catalogue() if r.spec.severity_in("recommended") is None)
    assert off_in_profile.id not in EVERY
    assert _active(extend_select=(off_in_profile.id,)) == EVERY | {off_in_profile.id}


@pytest.mark.parametrize(
    ("config", "arguments", "reported"),
    [
        ('select = ["P1L102"]', [], {"P1L102"}),
        ('select = ["P1L102"]', ["--select", "P1L301"], {"P1L301"}),  # the command line's replaces
        ('select = ["P1L102"]', ["--extend-select", "P1L301"], {"P1L102", "P1L301"}),
        ('select = ["P1L102", "P1L301"]\nextend-ignore = ["P1L301"]', [], {"P1L102"}),
        ('select = ["P1L102"]\nextend-select = ["P1L301"]', [], {"P1L102", "P1L301"}),
        ('extend-select = ["P1L301"]\nignore = ["P1L1"]', ["--select", "P1L102"], {"P1L102", "P1L301"}),
    ],
)
def test_configuration_and_command_line(tmp_path, monkeypatch, config, arguments, reported):
    (tmp_path / "p1lint.toml").write_text(config + "\n")
    (tmp_path / "app.json").write_text(APP)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--format", "json", *arguments, "app.json"])
    import json

    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == reported
