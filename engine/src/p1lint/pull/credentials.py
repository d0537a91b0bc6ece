"""The worker's credentials: its client id, its secret and its environment, taken from the
environment variables the PingOne Terraform provider reads (`PINGONE_CLIENT_ID`,
`PINGONE_CLIENT_SECRET`, `PINGONE_ENVIRONMENT_ID` — the worker's environment —,
`PINGONE_REGION_CODE`), or `--client-id` with the secret read from standard input. A secret is
never an option: command lines are visible to every user of the machine and kept in shell
histories and CI logs."""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

from p1lint.findings import P1LintError

CLIENT_ID, CLIENT_SECRET = "PINGONE_CLIENT_ID", "PINGONE_CLIENT_SECRET"
ENVIRONMENT_ID, REGION_CODE = "PINGONE_ENVIRONMENT_ID", "PINGONE_REGION_CODE"
MAX_SECRET_LENGTH = 4096


class Secret:
    """A value that is never shown: its repr and str are a marker."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('[redacted]')"

    __str__ = __repr__


class Credentials(NamedTuple):
    client_id: str
    secret: Secret
    environment_id: str  # the worker's environment, where its token is issued


def credentials(client_id: str | None, worker_environment: str | None) -> Credentials:
    """The worker's credentials: `--client-id` (secret on standard input) or the environment."""
    environment = worker_environment or os.environ.get(ENVIRONMENT_ID, "").strip()
    if not environment:
        raise P1LintError(f"p1lint pull: the worker's environment is not known: set {ENVIRONMENT_ID} "
                          "(or give --worker-environment)")
    if client_id is not None:
        return Credentials(client_id.strip(), Secret(secret_from_stdin()), environment)
    identifier = os.environ.get(CLIENT_ID, "").strip()
    secret = os.environ.get(CLIENT_SECRET, "")
    if not identifier or not secret:
        raise P1LintError(f"p1lint pull: no credentials: set {CLIENT_ID} and {CLIENT_SECRET}, or give "
                          "--client-id and the secret on standard input")
    return Credentials(identifier, Secret(secret.strip()), environment)


def secret_from_stdin() -> str:
    """The secret: the first line of standard input (asked for, unechoed, on a terminal)."""
    if sys.stdin is None:
        raise P1LintError("p1lint pull: --client-id needs the client secret on standard input")
    if sys.stdin.isatty():
        import click

        value = str(click.prompt("Client secret", hide_input=True, err=True))
    else:
        value = sys.stdin.readline(MAX_SECRET_LENGTH + 1)
    value = value.strip()
    if not value or len(value) > MAX_SECRET_LENGTH:
        raise P1LintError("p1lint pull: --client-id needs the client secret as the first line of standard "
                          "input")
    return value


def region(option: str | None) -> str | None:
    """`--region`, else `PINGONE_REGION_CODE`, else None."""
    return option or os.environ.get(REGION_CODE, "").strip() or None
