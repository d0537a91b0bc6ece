"""Where a finding's documentation link points. By default, the rule reference shipped with
p1lint (`docs/rules.md`, in the package or the checkout), as a `file:` URI that opens offline;
`docs-url` in the configuration (or `--docs-url`) names a published copy instead, for CI logs
and code-scanning dashboards. Rules that name their own `docs` keep it."""

from __future__ import annotations

import functools
import re

from p1lint.findings import Finding, P1LintError
from p1lint.resources import data_dir

WEB_URL = re.compile(r"https?://[^\s#<>\"'`\\]+")
# How the compiled catalogue (built on any machine) writes a link to the shipped reference.
SHIPPED_DOCS = "p1lint-docs:rules.md"


@functools.cache
def docs_base() -> str:
    """The shipped rule reference, as a URI."""
    return (data_dir("docs") / "rules.md").resolve().as_uri()


def shipped_docs(link: str) -> str:
    """A catalogue link (`p1lint-docs:rules.md#p1l102-...`) as a link to the shipped reference."""
    return docs_base() + link[len(SHIPPED_DOCS):]


def checked_docs_url(url: str) -> str:
    """`url` if it is a plain http(s) URL (the page of the rule reference), else a `P1LintError`."""
    if not WEB_URL.fullmatch(url):
        raise P1LintError(f"p1lint: --docs-url must be an http(s) URL without a fragment, not {url!r}")
    return url


def with_docs_url(findings: list[Finding], url: str | None) -> list[Finding]:
    """`findings` with their links to the shipped reference pointed at `url` instead."""
    if url is None:
        return findings
    shipped = docs_base() + "#"
    return [finding._replace(docs=url + finding.docs[len(shipped) - 1:])
            if finding.docs.startswith(shipped) else finding for finding in findings]
