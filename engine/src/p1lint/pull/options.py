"""The command-line options of a pull, shared by `p1lint pull` and `p1lint check --pull`: one
place that declares them. Light on purpose (click only): `p1lint check` imports it at start-up."""

from __future__ import annotations

from typing import Any

import click

REGIONS = ("NA", "EU", "AP", "AU", "CA", "SG")
PULL_OPTION_NAMES = ("environment", "region", "api_url", "auth_url", "client_id", "worker_environment",
                     "actor_user", "actor_application", "actor_environment", "timeout", "retries",
                     "concurrency")


def pull_options(command: Any) -> Any:
    """Where to pull from and as whom. The client secret is never an option: it comes from
    PINGONE_CLIENT_SECRET, or from standard input with --client-id."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


_OPTIONS = (
    click.option("--environment", metavar="ID",
                 help="The environment to pull (default: the worker's, PINGONE_ENVIRONMENT_ID)."),
    click.option("--region", type=click.Choice(REGIONS, case_sensitive=False),
                 help="PingOne region of the environment (default: PINGONE_REGION_CODE)."),
    click.option("--api-url", metavar="URL",
                 help="Base URL of the Management API instead of the region's (https://api.pingone.<tld>)."),
    click.option("--auth-url", metavar="URL",
                 help="Base URL of the authentication service instead of the region's "
                      "(https://auth.pingone.<tld>)."),
    click.option("--client-id", metavar="ID",
                 help="The worker's client id; its secret is then read from standard input "
                      "(default: PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET)."),
    click.option("--worker-environment", metavar="ID",
                 help="The worker's own environment (default: PINGONE_ENVIRONMENT_ID)."),
    click.option("--actor-user", metavar="ID",
                 help="The actor is this admin user (default: the worker that pulls)."),
    click.option("--actor-application", metavar="ID",
                 help="The actor is this worker application (default: the worker that pulls)."),
    click.option("--actor-environment", metavar="ID",
                 help="The actor's environment (default: the worker's)."),
    click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
                 help="Seconds each API request may take."),
    click.option("--retries", type=click.IntRange(min=0, max=10), default=4, show_default=True,
                 help="Further attempts of a request after 429, 5xx, a timeout or a lost connection."),
    click.option("--concurrency", type=click.IntRange(min=1, max=16), default=4, show_default=True,
                 help="Requests for the applications' related objects sent at once."),
)
