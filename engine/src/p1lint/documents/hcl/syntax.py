"""The shipped HCL parser, loaded once on first use, with the `ToValues` it builds values with
while it parses; a syntax error becomes an `HclError`."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from p1lint.documents.hcl.errors import HclError

if TYPE_CHECKING:
    from p1lint.documents.hcl.transform import ToValues


@cache
def _parser() -> Any:
    """The parser; its transformer parses the text of a heredoc that interpolates with it too."""
    from functools import partial

    from p1lint.documents.hcl.tables import load_parser

    parser = load_parser()
    parser.options.transformer.read_template = partial(parse, start="heredoc_template")
    return parser


def values_builder() -> ToValues:
    """The parser's transformer: set the text it reads with `reading` before `parse`."""
    builder: ToValues = _parser().options.transformer
    return builder


def parse(text: str, start: str) -> Any:
    """What the transformer makes of `text`, parsed from the grammar's rule `start`. A parse
    started inside another (a heredoc's text) leaves the outer one's open brackets as they were."""
    from lark.exceptions import UnexpectedInput

    from p1lint.documents.hcl.errors import syntax_error
    from p1lint.documents.hcl.lexer import TooDeep

    parser = _parser()
    newlines = parser.options.postlex
    outer = newlines.open
    try:
        return parser.parse(text, start=start)
    except TooDeep as error:
        raise HclError(error.offset, "nested too deeply") from None
    except UnexpectedInput as error:
        raise syntax_error(error, text, newlines.open) from None
    finally:
        newlines.open = outer
