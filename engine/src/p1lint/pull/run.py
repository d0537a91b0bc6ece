"""One pull from start to end, as `p1lint pull` and `p1lint check --pull` ask for it."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import Any, NamedTuple

from p1lint.findings import P1LintError
from p1lint.pull.client import ApiClient, Settings
from p1lint.pull.credentials import credentials, region
from p1lint.pull.endpoints import endpoints
from p1lint.pull.fetch import Actor, Pulled, pull
from p1lint.pull.progress import progress_for
from p1lint.pull.writer import metadata


class PullOptions(NamedTuple):
    environment: str | None = None  # the environment to pull (default: the worker's)
    region: str | None = None
    api_url: str | None = None
    auth_url: str | None = None
    client_id: str | None = None  # the secret then comes from standard input
    worker_environment: str | None = None
    actor_user: str | None = None
    actor_application: str | None = None
    actor_environment: str | None = None  # where the actor is (default: the worker's environment)
    timeout: float = Settings.timeout
    retries: int = Settings.retries
    concurrency: int = 4


class Snapshot(NamedTuple):
    pulled: Pulled
    about: dict[str, Any]  # the `pulled` member: when, from where, what is missing


def take_snapshot(options: PullOptions) -> Snapshot:
    """Pull the environment; a problem the user can fix is a `P1LintError`."""
    if options.actor_user and options.actor_application:
        raise P1LintError("p1lint pull: give --actor-user or --actor-application, not both")
    chosen_region = region(options.region)
    if chosen_region is None and not (options.api_url and options.auth_url):
        raise P1LintError("p1lint pull: the region is not known: give --region (NA, EU, AP, AU, CA, SG) or "
                          "set PINGONE_REGION_CODE")
    where = endpoints(chosen_region or "NA", options.api_url, options.auth_url)
    worker = credentials(options.client_id, options.worker_environment)
    environment = options.environment or worker.environment_id
    settings = Settings(timeout=options.timeout, retries=options.retries)
    progress = progress_for(sys.stderr)
    try:
        with ApiClient(where, worker, settings) as client:
            pulled = pull(client, environment, _actor(options, worker.client_id, worker.environment_id),
                          progress, options.concurrency)
    finally:
        progress.finish()
    taken = datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
    return Snapshot(pulled, metadata(pulled, where.api, taken))


def _actor(options: PullOptions, client_id: str, worker_environment: str) -> Actor:
    environment = options.actor_environment or worker_environment
    if options.actor_user:
        return Actor("USER", options.actor_user, environment)
    return Actor("APPLICATION", options.actor_application or client_id, environment)


def summary_lines(snapshot: Snapshot, where: str) -> list[str]:
    """What the pull says on standard error when it is done."""
    pulled = snapshot.pulled
    applications = pulled.collections.get("applications", {}).get("_embedded", {}).get("applications", [])
    read = ", ".join(sorted(pulled.collections))
    lines = [f"p1lint pull: {len(applications)} applications of environment {pulled.environment_id} "
             f"written to {where} ({read})"]
    lines.extend(f"p1lint pull: partial snapshot: {missing.reason}" for missing in pulled.missing)
    return lines
