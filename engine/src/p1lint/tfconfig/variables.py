"""A module's input variables: the literal defaults of those declared in any of its files stand
in for `var.NAME` in all of them (`p1lint.terraform.defaults`), and each document notes where."""

from __future__ import annotations

from dataclasses import replace

from p1lint.documents.sources import SourceDocument
from p1lint.terraform.defaults import resolve_defaults, variable_defaults


def with_defaults(documents: list[SourceDocument]) -> list[SourceDocument]:
    """The module's documents, with variables that have a literal default read as that default."""
    defaults = variable_defaults(document.data for document in documents)
    if not defaults:
        return documents
    resolved = [(document, resolve_defaults(document.data, defaults)) for document in documents]
    return [replace(document, data=found.data, notes={**document.notes, **found.notes}) if found.notes
            else document for document, found in resolved]
