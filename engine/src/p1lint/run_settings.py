"""The settings of one run that checks may read: given on the command line or in a configuration
file, built once by the command and read, never changed, by the engine and the check functions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

DEFAULT_REGEX_BUDGET = 2.0  # seconds the rule patterns may spend on one file


@dataclass(frozen=True)
class RunSettings:
    """`custom_domain`: the PingOne custom domain (`--custom-domain`), None when there is none;
    `custom_attributes`: attributes of the user schema beyond the standard ones (`--custom-attribute`);
    `regex_budget`: seconds the rule patterns may spend on one file (`--regex-budget`);
    `now`: the moment timestamps are compared with, None for the clock at check time;
    `changed_only`: report, of a Terraform plan, only on the resources it creates or updates
    (`--changed-only`);
    `strict_unknowns`: report each check not made because a value is unknown (`--strict-unknowns`)."""

    custom_domain: str | None = None
    custom_attributes: tuple[str, ...] = ()
    regex_budget: float = DEFAULT_REGEX_BUDGET
    now: datetime | None = None
    changed_only: bool = False
    strict_unknowns: bool = False
