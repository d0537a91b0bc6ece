"""The HTML report in a real browser: headless Chromium (Debian's `chromium`, driven through
Debian's `chromedriver` by Selenium) renders the report of the fixture snapshot without a
console error, shows its totals, and filters by severity and searches by application in the
page. Without the browser these tests fail — in CI always; elsewhere `P1LINT_ALLOW_NO_BROWSER=1`
turns that into a skip."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import FIXTURES

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ACME = FIXTURES / "environments" / "acme" / "snapshot.yaml"
HOSTILE = FIXTURES / "bad" / "report-hostile-names.json"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _no_browser(missing: list[str]) -> None:
    message = (f"the browser tests need headless Chromium: {', '.join(missing)} missing "
               "(apt-get install chromium chromium-driver)")
    if os.environ.get("P1LINT_ALLOW_NO_BROWSER") == "1" and not os.environ.get("CI"):
        pytest.skip(message)
    pytest.fail(message + "; set P1LINT_ALLOW_NO_BROWSER=1 to skip these tests outside CI")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        _no_browser(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def report(tmp_path: Path, source: Path) -> tuple[Path, dict]:
    """The HTML report of `source` and the JSON report of the same run."""
    page = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "p1lint", "check", "--no-cache", "--no-config",
                             "--format", f"html={page}", "--format", "json", str(source)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    return page, json.loads(result.stdout)


def opened(browser: Any, page: Path) -> list[dict]:
    """Open `page`; the console messages it logged."""
    browser.get_log("browser")  # what earlier pages logged
    browser.get(page.as_uri())
    return [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def visible(browser: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return [element for element in browser.find_elements(By.CSS_SELECTOR, selector) if element.is_displayed()]


def test_the_report_renders_without_console_errors_and_shows_the_totals(browser, tmp_path):
    page, document = report(tmp_path, ACME)
    assert opened(browser, page) == []
    summary = document["summary"]
    totals = {element.get_attribute("data-total"): element.text.split() for element in visible(browser, "li.total")}
    assert totals == {"error": [str(summary["errors"]), "errors"], "warning": [str(summary["warnings"]), "warnings"],
                      "info": [str(summary["infos"]), "infos"]}
    assert len(visible(browser, "article.finding")) == len(document["findings"])
    assert len(visible(browser, "figure.chart svg g.bar")) > 2
    screenshot = tmp_path / "report.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes().startswith(PNG_SIGNATURE) and screenshot.stat().st_size > 20_000


def test_the_severity_filter_hides_and_shows_findings(browser, tmp_path):
    page, document = report(tmp_path, ACME)
    assert opened(browser, page) == []
    findings = document["findings"]
    toggle = browser.find_element("css selector", "input[data-severity-toggle][value=error]")
    toggle.click()
    shown = visible(browser, "article.finding")
    assert {element.get_attribute("data-severity") for element in shown} == {"warning", "info"}
    assert len(shown) == sum(1 for f in findings if f["severity"] != "error")
    assert browser.find_element("id", "filter-count").text == f"{len(shown)} of {len(findings)} findings"
    toggle.click()
    assert len(visible(browser, "article.finding")) == len(findings)
    assert browser.find_element("id", "filter-count").text == f"{len(findings)} findings"


def test_the_search_finds_the_findings_and_card_of_one_application(browser, tmp_path):
    page, document = report(tmp_path, ACME)
    assert opened(browser, page) == []
    named = [f for f in document["findings"] if f["application_name"]]
    name = max({f["application_name"] for f in named}, key=lambda n: sum(f["application_name"] == n for f in named))
    search = browser.find_element("id", "application-search")
    search.send_keys(name.upper())  # the search ignores case
    shown = visible(browser, "article.finding")
    assert [e.find_element("css selector", ".message").text for e in shown] == \
        [f["message"] for f in document["findings"] if f["application_name"] == name]
    cards = visible(browser, "article.app-card")
    assert [card.find_element("css selector", "h3").text for card in cards] == [f"#{cards_rank(browser, name)} {name}"]
    search.clear()
    search.send_keys(named[0]["application_id"])  # or by id
    assert {e.get_attribute("data-application") for e in visible(browser, "article.finding")} == \
        {f"{named[0]['application_name']} {named[0]['application_id']}".lower()}


def cards_rank(browser: Any, name: str) -> int:
    titles = [card.find_element("css selector", "h3").get_attribute("textContent")
              for card in browser.find_elements("css selector", "article.app-card")]
    return next(index for index, title in enumerate(titles, 1) if title.endswith(f" {name}"))


def test_values_from_the_input_run_nothing_in_the_browser(browser, tmp_path):
    hostile = tmp_path / "a<b>\"c'.json"
    shutil.copy(HOSTILE, hostile)
    page, document = report(tmp_path, hostile)
    assert opened(browser, page) == []
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.title == "p1lint report"
    name = json.loads(HOSTILE.read_text(encoding="utf-8"))["name"]
    assert browser.find_element("css selector", "article.app-card h3").text == f"#1 {name}"
    assert len(visible(browser, "article.finding")) == len(document["findings"])
