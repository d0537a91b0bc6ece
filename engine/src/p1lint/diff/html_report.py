"""`p1lint diff` as one self-contained HTML page (see `p1lint.html`): the totals of the changes
by severity, the changes, the findings introduced and fixed, filtered by severity and searched
by application in the page."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import NamedTuple

from p1lint import __version__
from p1lint.diff.changes import Change
from p1lint.diff.run import DiffResult
from p1lint.diff.text import totals
from p1lint.findings import Finding, InputError


class DiffReport(NamedTuple):
    compared_at: str
    compared_at_text: str
    outcome: str
    totals: dict[str, int]
    changes: tuple[Change, ...]
    introduced: tuple[Finding, ...]
    fixed: tuple[Finding, ...]
    errors: tuple[InputError, ...]


def diff_report(result: DiffResult, now: datetime) -> DiffReport:
    return DiffReport(now.isoformat(timespec="seconds"), now.strftime("%Y-%m-%d %H:%M:%S UTC"),
                      totals(result), result.counts(), tuple(result.changes), tuple(result.introduced),
                      tuple(result.fixed), tuple(result.errors))


def render_html(result: DiffResult) -> str:
    from p1lint.html.page import render_page

    report = diff_report(result, datetime.now(timezone.utc))
    return render_page("diff.html.j2", title="p1lint diff", version=__version__, report=report)
