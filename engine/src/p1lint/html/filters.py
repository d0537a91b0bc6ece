"""Filters the HTML templates use: values from the input are shown as text (escaped by Jinja2;
control and bidi characters written as escapes first), and a link is made only of a URL whose
scheme cannot run anything."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from p1lint.escaping import printable

LINK_SCHEMES = frozenset({"http", "https", "file"})  # rule docs default to the shipped copy (file:)


def text(value: Any) -> str:
    """A value shown to the reader: its text with invisible and control characters made visible."""
    return printable(str(value))


def safe_href(url: str) -> str:
    """`url` if it is an http(s) or file URL, else "" (the template then shows text, no link)."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in LINK_SCHEMES and not any(c.isspace() or ord(c) < 32 for c in url) else ""


def search_key(*parts: str) -> str:
    """What the page's search box matches: the parts, in lowercase, one space apart."""
    return " ".join(printable(part).lower() for part in parts if part)


FILTERS: dict[str, Callable[..., Any]] = {"text": text, "safe_href": safe_href, "search_key": search_key}
