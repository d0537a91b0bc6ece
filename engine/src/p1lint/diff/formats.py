"""The report formats of `p1lint diff`, in one mapping: name -> `module:function` rendering a
`DiffResult` as text (imported only when chosen)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from p1lint.diff.run import DiffResult

DIFF_FORMATS: dict[str, str] = {
    "text": "p1lint.diff.text:render_text",
    "json": "p1lint.diff.json_report:render_json",
    "markdown": "p1lint.diff.markdown:render_markdown",
    "html": "p1lint.diff.html_report:render_html",
}


def renderer(name: str) -> Callable[[DiffResult], str]:
    module, function = DIFF_FORMATS[name].split(":")
    found: Callable[[DiffResult], str] = getattr(importlib.import_module(module), function)
    return found
