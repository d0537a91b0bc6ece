"""Credentials in the file: committed secret values and secrets that are still valid.

No detail produced here ever contains the checked value."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, Options, Problem
from p1lint.redaction import is_credential_name
from p1lint.run_settings import RunSettings

PLACEHOLDER = re.compile(
    r"""^\s*(?:
        \$\{.*\}                # ${CLIENT_SECRET}, ${{ secrets.X }}
      | \$[A-Z_][A-Z0-9_]*     # $CLIENT_SECRET
      | \{\{.*\}\}             # {{ client_secret }}
      | <[^<>]*>               # <client-secret>
      | \*+                    # ********
      | \[?redacted\]?         # [redacted], REDACTED
    )\s*$""",
    re.VERBOSE | re.IGNORECASE,
)


class SecretValueOptions(Options):
    allow_placeholders: bool = True


@check_function("secret-value", SecretValueOptions)
def secret_value(value: Any, options: SecretValueOptions, context: Context) -> Iterator[Problem]:
    """A present, non-blank string is a committed secret, unless it is a placeholder such as
    `${CLIENT_SECRET}`, `{{ secret }}`, `<secret>`, `****` or `[redacted]`."""
    if not isinstance(value, str) or not value.strip():
        return
    if options.allow_placeholders and PLACEHOLDER.match(value):
        return
    yield Problem("holds a secret value")


class SecretKeysOptions(Options):
    exclude: list[str] = []


@check_function("secret-keys", SecretKeysOptions, unknown_members=True)
def secret_keys(value: Any, options: SecretKeysOptions, context: Context) -> Iterator[Problem]:
    """Every string under a key whose name says credential (`client_secret`, `clientSecrett`,
    `password`, `privateKey`, `decryptionKey`, ...) anywhere below the value, except the dotted
    paths in `exclude`, is a committed secret unless it is a placeholder."""
    excluded = {tuple(path.split(".")) for path in options.exclude}
    for pointer, found in _strings(value):
        if is_credential_name(pointer[-1]) and pointer not in excluded and _real_secret(found):
            yield Problem("holds a value under a credential's name", pointer)


def _strings(value: Any) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(pointer, string) for every string member of an object below `value`, iteratively."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(value, ())]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            stack.extend((child, (*pointer, key)) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, (*pointer, index)) for index, child in enumerate(node))
        elif isinstance(node, str) and pointer and isinstance(pointer[-1], str):
            yield pointer, node


def _real_secret(text: str) -> bool:
    return bool(text.strip()) and PLACEHOLDER.match(text) is None


@check_function("past-timestamp", NoOptions)
def past_timestamp(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """A present ISO 8601 timestamp must already have passed. "Now" is the run's `now` setting
    when given, else the clock; unparseable values are skipped."""
    moment = parse_timestamp(value)
    if moment is None:
        return
    now = current_time(context.settings)
    if moment > now:
        yield Problem(f"is still valid until {format_timestamp(moment)}")


def parse_timestamp(value: Any) -> datetime | None:
    """`2026-07-01T10:00:00.000Z` → an aware datetime (naive values are taken as UTC)."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def current_time(settings: RunSettings) -> datetime:
    """The `now` setting (a naive one taken as UTC), else the current UTC time."""
    configured = parse_timestamp(settings.now)
    return configured if configured is not None else datetime.now(timezone.utc)


def format_timestamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
