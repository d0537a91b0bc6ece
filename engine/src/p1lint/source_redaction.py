"""Secrets hidden from the lines of an input file that a code frame shows (`--show-source`): the
frame quotes the file itself, so every value that may be a credential is replaced by
`[redacted]` before a line is shown, in any format (JSON, YAML, HCL):

- the value of a key named like a credential (`clientSecret`, `client_secret`, `password`,
  `accessToken`, `privateKey`, ... — `messages.is_sensitive_key`, the credential parameters of
  `redaction`), of `jwks` and of a private JWK member (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth`,
  `k`), also inside a JSON text held in a string (`\\"d\\":\\"...\\"`); a value that may go on
  past its line (a YAML block or plain scalar, an HCL heredoc, an unclosed quote, nothing after the
  key) hides the lines below it too, as far as they are indented deeper (an HCL heredoc: to its
  closing word);
- every line of a PEM block (`-----BEGIN ...` to `-----END ...`), and a PEM block written inside
  one line (a JSON string with `\\n`);
- the credentials a URI carries (`https://user:password@host`, `?client_secret=...`), as
  `redaction` finds them.

A line is judged with what came before it in the file, so a secret's continuation line is hidden
even when the frame starts below the key."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from p1lint import messages
from p1lint.redaction import CREDENTIAL_PARAMETERS, REDACTED, Span, cut_spans, word_spans

KEY = re.compile(r"(\\?[\"']?)([A-Za-z_][\w.-]{0,100})\1\s*(?::(?!//)|=(?![=>~]))[ \t]*")
HEREDOC = re.compile(r"<<-?[ \t]*[\"']?(\w+)")
CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
PEM_BEGIN, PEM_END = "-----BEGIN", "-----END"
PEM_IN_LINE = re.compile(r"-----BEGIN[^\n]*?(?:-----END[^-]*-----|$)")


class Block(NamedTuple):
    """A secret value that goes on below its line: lines indented deeper than `indent` (or, for
    a heredoc, up to the line `marker`) are part of it."""

    indent: int
    marker: str | None = None


def is_sensitive_key(key: str) -> bool:
    """Whether a value under `key` may be a credential: a key `messages` never shows the value
    of (`clientSecret`, `jwks`, `d`, ...), or a credential parameter's name in any case
    (`accessToken`, `refresh-token`)."""
    snake = CAMEL.sub("_", key).lower().replace("-", "_")
    return messages.is_sensitive_key(key) or snake in CREDENTIAL_PARAMETERS


def hidden_spans(lines: Sequence[str], wanted: set[int]) -> dict[int, list[Span]]:
    """The spans to hide of each line of `wanted` (numbered from 1)."""
    hidden: dict[int, list[Span]] = {}
    block: Block | None = None
    pem = False
    for number, line in enumerate(lines[: max(wanted, default=0)], start=1):
        whole, block, pem = _continued(line, block, pem)
        if whole:
            spans = [(len(_indent(line)), len(line))] if line.strip() else []
        else:
            spans, block = _value_spans(line)
            pem = PEM_BEGIN in line and PEM_END not in line[line.index(PEM_BEGIN):]
        if number in wanted:
            hidden[number] = spans
    return hidden


def redact_line(line: str, spans: list[Span], columns: Sequence[int]) -> tuple[str, list[int]]:
    """`line` with the `spans` replaced by `[redacted]`, and where each of `columns` (from 1)
    of `line` is in it (a column inside a hidden span: at its marker)."""
    moved = [_moved(column - 1, spans) + 1 for column in columns]
    return cut_spans(line, spans), moved


def _moved(offset: int, spans: list[Span]) -> int:
    shift, position = 0, 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        if offset < start:
            break
        if offset < end:
            return start - shift
        shift += (end - start) - len(REDACTED)
        position = end
    return offset - shift


def _continued(line: str, block: Block | None, pem: bool) -> tuple[bool, Block | None, bool]:
    """Whether `line` belongs to the PEM block or secret value above it, and what goes on after it."""
    if pem:
        return True, None, PEM_END not in line
    if block is None:
        return False, None, False
    if block.marker is not None:
        return line.strip() != block.marker, block if line.strip() != block.marker else None, False
    if not line.strip() or len(_indent(line)) > block.indent:
        return True, block, False
    return False, None, False


def _value_spans(line: str) -> tuple[list[Span], Block | None]:
    """The spans of `line` to hide, and the secret value that goes on below it, if any."""
    spans: list[Span] = [(found.start(), found.end()) for found in PEM_IN_LINE.finditer(line)]
    spans += word_spans(line)  # the credentials of URIs
    block = None
    for found in KEY.finditer(line):
        if is_sensitive_key(found[2]):
            end, more = _value_end(line, found.end())
            spans.append((found.end(), end))
            if more and block is None:
                block = _block(line, found.end())
    return spans, block


def _value_end(line: str, start: int) -> tuple[int, bool]:
    """Where the value starting at `start` ends on this line, and whether it goes on below."""
    rest = line[start:].rstrip()
    if not rest or rest[0] in "|>[{(" or rest.startswith("<<"):
        return len(line), True
    if rest[0] in "\"'":
        quote = rest[0]
    elif rest[0] == "\\" and rest[1:2] in ("\"", "'"):
        quote = rest[:2]  # a JSON text inside a string: `\"d\":\"...\"`
    else:
        return len(line), True  # a plain value: to the end of the line (a YAML one may go on below)
    close = _closing(line, start + len(quote), quote)
    return (len(line), True) if close is None else (close, False)


def _closing(line: str, position: int, quote: str) -> int | None:
    """The end of the quoted value whose text starts at `position` (escaped characters skipped
    in a value quoted by one character)."""
    while position < len(line):
        if line.startswith(quote, position):
            return position + len(quote)
        position += 2 if line[position] == "\\" and len(quote) == 1 else 1
    return None


def _block(line: str, start: int) -> Block:
    heredoc = HEREDOC.match(line[start:].strip())
    return Block(len(_indent(line)), heredoc[1] if heredoc else None)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]
