"""`p1lint diff` as JSON: `{"version", "changes": [...], "introduced": [...], "fixed": [...],
"errors": [...]}`; findings and errors as `check --format json` writes them."""

from __future__ import annotations

import io
import json
from typing import Any

from p1lint import __version__
from p1lint.diff.run import DiffResult
from p1lint.findings import Finding, unicode_text
from p1lint.reporters.json_format import JsonReporter, input_error

FORMAT_VERSION = 1


def render_json(result: DiffResult) -> str:
    document = {
        "version": __version__,
        "format": FORMAT_VERSION,
        "changes": [{k: unicode_text(v) if isinstance(v, str) else v for k, v in c._asdict().items()}
                    for c in result.changes],
        "introduced": findings(result.introduced),
        "fixed": findings(result.fixed),
        "errors": [input_error(error) for error in result.errors],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def findings(found: list[Finding]) -> list[dict[str, Any]]:
    reporter = JsonReporter(io.StringIO(), color=False, quiet=True)
    for finding in found:
        reporter.handle(finding)
    return reporter.findings
