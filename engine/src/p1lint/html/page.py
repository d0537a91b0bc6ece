"""The Jinja2 environment of the HTML pages, and `render_page`, which renders one of them.

Autoescaping is on for every template, and undefined names are errors. The page's own style
sheet and script are inlined, and its Content-Security-Policy allows exactly them (by hash) and
nothing from the network: a value that slipped through escaping could still not run a script
or load anything."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from p1lint.html.filters import FILTERS

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).parent / "templates"
STYLE = "report.css"
SCRIPT = "report.js"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


def render_page(template: str, **context: Any) -> str:
    """The page `template` (a file in `templates/`) rendered with `context`, its style and script
    inlined."""
    style, script = _asset(STYLE), _asset(SCRIPT)
    policy = content_security_policy(style, script)
    return environment().get_template(template).render(style=style, script=script, csp=policy, **context)


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def content_security_policy(style: str, script: str) -> str:
    """Nothing from anywhere, but the page's own style sheet and script, images given inline
    (`data:`) and the SVG drawn in the page."""
    return (f"default-src 'none'; style-src '{_hash(style)}'; script-src '{_hash(script)}'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
