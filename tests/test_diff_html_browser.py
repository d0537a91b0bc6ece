"""`p1lint diff --format html` in headless Chromium (as the check report's browser tests): no
console error, the totals of the changes, the severity filter and the application search."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support import FIXTURES
from tests.test_html_browser import browser, opened, visible  # noqa: F401  (`browser` is a fixture)

REVIEW = FIXTURES / "diff" / "review"


def diff_pages(tmp_path: Path) -> tuple[Path, dict]:
    """The HTML page of the review fixture's diff, and its JSON report."""
    arguments = [sys.executable, "-m", "p1lint", "diff", "--no-config",
                 str(REVIEW / "old" / "snapshot.yaml"), str(REVIEW / "new" / "snapshot.yaml")]
    page = tmp_path / "diff.html"
    assert subprocess.run([*arguments, "--format", "html", "-o", str(page)], check=False).returncode == 1
    shown = subprocess.run([*arguments, "--format", "json"], capture_output=True, text=True, check=False)
    return page, json.loads(shown.stdout)


def test_the_diff_page_renders_its_changes_and_filters_them(browser, tmp_path):  # noqa: F811
    page, document = diff_pages(tmp_path)
    assert opened(browser, page) == []
    severities = [change["severity"] for change in document["changes"]]
    totals = {e.get_attribute("data-total"): e.text.split()[0] for e in visible(browser, "li.total")}
    assert totals == {severity: str(severities.count(severity)) for severity in ("error", "warning", "info")}
    assert len(visible(browser, "article.change")) == len(severities)
    browser.find_element("css selector", "input[data-severity-toggle][value=warning]").click()
    assert [e.get_attribute("data-kind") for e in visible(browser, "article.change")] == [
        change["kind"] for change in document["changes"] if change["severity"] != "warning"]
    browser.find_element("css selector", "input[data-severity-toggle][value=warning]").click()
    browser.find_element("id", "application-search").send_keys("timesheets")
    assert [e.get_attribute("data-kind") for e in visible(browser, "article.change")] == ["cors-origin-added"]
