"""Checks of suppressions (records made by the engine, see `p1lint.suppressions.records`): a
comment without a reason, names that suppressed nothing, an entry past its `expires` date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, Problem
from p1lint.run_settings import RunSettings


def today(settings: RunSettings) -> date:
    """The day suppressions expire against: that of `settings.now`, else today's (local) date."""
    return settings.now.date() if settings.now is not None else clock_today()


def clock_today() -> date:
    return datetime.now().date()


@check_function("suppression-reason", NoOptions)
def suppression_reason(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """A suppression that gives no reason (it suppresses nothing)."""
    if isinstance(value, dict) and not str(value.get("reason") or "").strip():
        yield Problem(f"ignore[{', '.join(value.get('rules') or ())}] gives no reason")


@check_function("suppression-used", NoOptions)
def suppression_used(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """The names of a suppression that are no rule's id or name, and those it was judged on
    (rules that ran where it applies) that suppressed no finding, in one problem."""
    if not isinstance(value, dict):
        return
    used = set(value.get("used") or ())
    unknown = list(value.get("unknown") or ())
    unused = [name for name in value.get("judged") or () if name not in used]
    verb = "is" if len(unknown) == 1 else "are"
    parts = [f"{', '.join(unknown)} {verb} no rule's id or name"] if unknown else []
    parts += [f"{', '.join(unused)} suppressed nothing"] if unused else []
    if parts:
        yield Problem("; ".join(parts))


@check_function("suppression-expiry", NoOptions)
def suppression_expiry(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """A suppression whose `expires` date has passed (it suppresses nothing any more)."""
    expires = value.get("expires") if isinstance(value, dict) else None
    if isinstance(expires, str) and expires:
        try:
            last = date.fromisoformat(expires)
        except ValueError:
            return
        context.volatile = True
        if today(context.settings) > last:
            yield Problem(f"expired on {expires}")
