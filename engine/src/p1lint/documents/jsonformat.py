"""JSON input: strict RFC 8259 text (see `strictjson`), spans from one pass over its tokens."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from p1lint.documents.document import SourceDocument
from p1lint.findings import InputError

if TYPE_CHECKING:
    from p1lint.documents.spans import Locator


class JsonFormat:
    name: str = "JSON"
    suffixes: tuple[str, ...] = (".json",)

    def sniff(self, name: str, text: str) -> bool:
        return name.lower().endswith(self.suffixes) or text.lstrip()[:1] in ("{", "[")

    def parse(self, name: str, text: str) -> SourceDocument | InputError:
        from p1lint.documents.duplicates import RepeatedKeys, locate
        from p1lint.documents.strictjson import loads

        repeats = RepeatedKeys()
        try:
            data = loads(text, object_pairs_hook=repeats.json_object)
        except json.JSONDecodeError as error:
            from p1lint.documents.lines import LineIndex

            line, column = LineIndex(text).position(error.pos)
            return InputError(name, line, column, f"invalid JSON: {_json_hint(error)}")
        except RecursionError:
            return InputError(name, 1, 1, "invalid JSON: nested too deeply")
        return SourceDocument(name, text, data, self, locate(data, repeats.found))

    def locator(self, text: str) -> Locator:
        from p1lint.documents.jsonpositions import JsonOffsets
        from p1lint.documents.spans import OffsetLocator

        return OffsetLocator(text, JsonOffsets(text))


def _json_hint(error: json.JSONDecodeError) -> str:
    """The decoder's message, plus the usual cause when it is a trailing comma."""
    before = error.doc[: error.pos].rstrip()
    if before.endswith(",") and error.doc[error.pos : error.pos + 1] in ("]", "}"):
        return f"{error.msg} (a trailing comma is not allowed in JSON)"
    return error.msg


JSON = JsonFormat()
