"""Secrets in Terraform input: a literal `client_secret`-like value, a private member of a `jwks`
and a literal `pingone_application_secret` are reported by the secret rules on data that also
holds unknown values, and no message — the report of unknown values included — shows them."""

from __future__ import annotations

import json
import re

import pytest

from p1lint.run_settings import RunSettings
from p1lint.selection import ActiveRule
from p1lint.terraform.values import Unknown
from tests.support import catalogue
from tests.unknowns import messages_of

ALL = [ActiveRule(rule, rule.spec.severity) for rule in catalogue()]
SECRET = "p7Qz~K2mVx9_Lr4Tn8Wb.Yc1Hd6Fs3Gj0Ae5Ru"
PRIVATE_D = "Vq8Ty1Kp6Zn0Ws4Lb9Dj2Xr7Fc5GeMh3"
ENVIRONMENT = Unknown("var.environment_id", ("var.environment_id",))
WORKER = {
    "name": "Provisioner", "protocol": "OPENID_CONNECT", "type": "WORKER", "enabled": True,
    "environment": {"id": ENVIRONMENT}, "grantTypes": ["CLIENT_CREDENTIALS"],
    "tokenEndpointAuthMethod": Unknown("local.auth_method", ("local.auth_method",)),
}
JWKS = json.dumps({"keys": [{"kty": "RSA", "kid": "k1", "use": "sig", "n": "sXch", "e": "AQAB", "d": PRIVATE_D}]})


def _messages(application):
    return messages_of(application, ALL, RunSettings(strict_unknowns=True))


def _assert_hidden(messages, *secrets):
    for text in messages.values():
        for secret in secrets:
            assert secret not in text and secret[:12] not in text and secret[-12:] not in text


@pytest.mark.parametrize(("application", "rule", "pointer"), [
    ({**WORKER, "secret": {"secret": SECRET}}, "P1L750", ("secret", "secret")),  # pingone_application_secret
    ({**WORKER, "clientSecret": SECRET}, "P1L750", ("clientSecret",)),
    ({**WORKER, "tags": [], "provisioning": {"client_secret": SECRET, "url": ENVIRONMENT}}, "P1L752",
     ("provisioning", "client_secret")),
    ({**WORKER, "tokenEndpointAuthMethod": "PRIVATE_KEY_JWT", "jwks": JWKS}, "P1L323", ("jwks",)),
])
def test_a_literal_secret_beside_unknown_values_is_reported_and_never_shown(application, rule, pointer):
    messages = _messages(application)
    assert (rule, pointer) in messages
    assert ("P1L020", ("tokenEndpointAuthMethod",)) in messages or rule == "P1L323"
    _assert_hidden(messages, SECRET, PRIVATE_D)


@pytest.mark.parametrize("expression", [
    f'"{SECRET}${{var.suffix}}"',  # a template: literal text beside a variable
    f'jsonencode({{keys = [{{kty = "RSA", d = "{PRIVATE_D}"}}]}})',  # a call with a literal private key
])
def test_an_unknown_secret_is_not_judged_and_its_expression_never_shown(expression):
    unknown = Unknown(expression, ("var.suffix",))
    messages = _messages({**WORKER, "clientSecret": unknown, "jwks": unknown})
    assert not {"P1L750", "P1L323"} & {rule for rule, _ in messages}
    assert ("P1L020", ("jwks",)) in messages
    _assert_hidden(messages, SECRET, PRIVATE_D)


def test_a_value_shown_in_a_message_shows_an_unknown_member_as_terraform_writes_it():
    from p1lint.messages import display_value

    assert display_value(["https://a.example", Unknown("var.b", ("var.b",))], ("x",)) == \
        '["https://a.example", "${var.b}"]'
    assert SECRET not in display_value([Unknown(f'"{SECRET}${{var.b}}"', ("var.b",))], ("x",))


FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")


@pytest.mark.parametrize("output_format", FORMATS)
def test_secrets_of_a_terraform_module_are_reported_and_never_printed(tmp_path, output_format):
    """A literal pingone_application_secret and a jwks with a private key, in a module whose
    other values are variables: reported in every format, printed in none."""
    import subprocess
    import sys

    module = {"resource": {
        "pingone_application": {"worker": {
            "environment_id": "${var.environment_id}", "name": "Provisioner", "enabled": True,
            "oidc_options": {"type": "WORKER", "grant_types": ["CLIENT_CREDENTIALS"],
                             "token_endpoint_auth_method": "PRIVATE_KEY_JWT", "jwks": JWKS,
                             "initiate_login_uri": "${var.login_uri}"}}},
        "pingone_application_secret": {"worker": {
            "environment_id": "${var.environment_id}",
            "application_id": "${pingone_application.worker.id}", "secret": SECRET}},
    }}
    (tmp_path / "main.tf.json").write_text(json.dumps(module))
    result = subprocess.run([sys.executable, "-m", "p1lint", "check", "--strict-unknowns", "--format",
                             output_format, str(tmp_path)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert {"P1L750", "P1L323", "P1L020"} <= set(re.findall(r"P1L\d{3}", result.stdout))
    for secret in (SECRET, PRIVATE_D):
        for fragment in (secret, secret[:12], secret[-12:]):
            assert fragment not in result.stdout and fragment not in result.stderr


HCL_MODULE = f'''
resource "pingone_application" "worker" {{
  environment_id = var.environment_id
  name           = "Provisioner"
  enabled        = true
  oidc_options = {{
    type                       = "WORKER"
    grant_types                = ["CLIENT_CREDENTIALS"]
    token_endpoint_auth_method = "PRIVATE_KEY_JWT"
    initiate_login_uri         = var.login_uri
    jwks = jsonencode({{
      keys = [{{ kty = "RSA", kid = "k1", use = "sig", n = "sXch", e = "AQAB", d = "{PRIVATE_D}" }}]
    }})
  }}
}}

resource "pingone_application_secret" "worker" {{
  environment_id = var.environment_id
  application_id = pingone_application.worker.id
  secret         = "{SECRET}"
}}
'''


@pytest.mark.parametrize("output_format", FORMATS)
def test_secrets_of_an_hcl_module_are_reported_and_never_printed(tmp_path, output_format):
    """The same in HCL, the jwks written with `jsonencode` of a literal object, as is usual."""
    import subprocess
    import sys

    (tmp_path / "main.tf").write_text(HCL_MODULE)
    result = subprocess.run([sys.executable, "-m", "p1lint", "check", "--strict-unknowns", "--format",
                             output_format, str(tmp_path / "main.tf")], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert {"P1L750", "P1L323", "P1L020"} <= set(re.findall(r"P1L\d{3}", result.stdout))
    for secret in (SECRET, PRIVATE_D):
        for fragment in (secret, secret[:12], secret[-12:]):
            assert fragment not in result.stdout and fragment not in result.stderr
