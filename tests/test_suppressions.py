"""Inline suppressions: `# p1lint: ignore[RULE] reason` in YAML and HCL, on the line or above it."""

from __future__ import annotations

from click.testing import CliRunner

from p1lint.cli import cli
from tests.support import lint

YAML_APP = """\
name: Partner portal
type: WEB_APP
protocol: OPENID_CONNECT
grantTypes: [AUTHORIZATION_CODE]
responseTypes: [CODE]
tokenEndpointAuthMethod: CLIENT_SECRET_BASIC
pkceEnforcement: S256_REQUIRED
redirectUris:
  {first}
  - https://partner.example.com/cb#x
"""


def _fragments(path):
    return [f.line for f in lint(path).findings if f.name == "redirect-uri-no-fragment"]


def test_a_directive_on_the_line_above_suppresses_the_named_rule(tmp_path):
    path = tmp_path / "app.yaml"
    path.write_text(YAML_APP.format(first="# p1lint: ignore[P1L102] the partner strips it; ticket 42"))
    result = lint(path)
    assert _fragments(path) == [] and result.suppressed >= 1


def test_a_directive_on_the_line_itself_and_by_rule_name(tmp_path):
    path = tmp_path / "app.yaml"
    text = YAML_APP.format(first="").replace(
        "cb#x\n", "cb#x  # p1lint: ignore[redirect-uri-no-fragment, ACME999] accepted until June\n")
    path.write_text(text)
    assert _fragments(path) == []


def test_a_directive_without_a_reason_suppresses_nothing(tmp_path):
    path = tmp_path / "app.yaml"
    path.write_text(YAML_APP.format(first="# p1lint: ignore[P1L102]"))
    assert _fragments(path) == [10]


def test_a_directive_for_another_rule_or_another_line_suppresses_nothing(tmp_path):
    path = tmp_path / "app.yaml"
    path.write_text(YAML_APP.format(first="# p1lint: ignore[P1L103] not this one") + "# p1lint: ignore[P1L102] late\n")
    assert _fragments(path) == [10]


def test_json_has_no_comments(tmp_path):
    path = tmp_path / "app.json"
    path.write_text('{"type": "WEB_APP", "redirectUris": ["https://a.example.com/cb#x"], '
                    '"note": "# p1lint: ignore[P1L102] not a comment"}')
    assert _fragments(path) == [1]


def test_hcl_comments_suppress_and_the_summary_counts_them(tmp_path):
    path = tmp_path / "main.tf"
    path.write_text('''\
resource "pingone_application" "portal" {
  environment_id = var.environment_id
  name           = "Portal"
  enabled        = true
  oidc_options = {
    type                       = "WEB_APP"
    grant_types                = ["AUTHORIZATION_CODE"]
    response_types             = ["CODE"]
    token_endpoint_auth_method = "CLIENT_SECRET_BASIC"
    pkce_enforcement           = "S256_REQUIRED"
    redirect_uris = [
      // p1lint: ignore[P1L102] the fragment is stripped by the partner's proxy
      "https://portal.example.com/cb#x",
    ]
  }
}
''')
    assert _fragments(path) == []
    result = CliRunner().invoke(cli, ["check", "--no-config", "--select", "P1L102", str(path)])
    assert "p1lint: 1 findings suppressed by inline comments" in result.stderr
    assert result.exit_code == 0
