"""The transcript of a recorded run: the exact text that replaying it prints on standard error
and standard output, and its exit code, kept in the run record. The next identical run writes
it out without decoding a finding or loading a reporter — what a pre-commit re-run costs is then
the check that nothing changed.

A transcript is made by the same functions that replay a run from its units' entries
(`p1lint.outcome`), so the two print the same bytes; it is kept for one colour choice (the
one of the run that made it: a terminal or not, `NO_COLOR`, `FORCE_COLOR`), and a replay that
chooses otherwise decodes the units instead. A long output is not kept twice: past
`MAX_TRANSCRIPT_CHARS`, the run record holds no transcript. What a run prints never holds a
control character besides line ends and tabs (data is escaped by `p1lint.escaping`) and colour
codes; a transcript that does is not one p1lint wrote, and is not printed."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing typing on the replay path
if TYPE_CHECKING:
    from typing import Any

MAX_TRANSCRIPT_CHARS = 1 << 20
_CONTROLS = frozenset(chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)]) - {"\n", "\t"}
_COLOUR_START, _COLOUR_PARAMETERS = "\x1b[", frozenset("0123456789;")


def transcribe(result: Any, render: dict[str, Any], color: bool) -> dict[str, Any] | None:
    """The transcript of replaying `result` (the run's findings, errors and notes) as `render`
    says; None when it is too long to keep."""
    import io

    from p1lint.outcome import exit_code, print_notes, print_report

    errors, output = io.StringIO(), io.StringIO()
    print_notes(result, render["quiet"], errors)
    print_report(result.findings, result, render["output_format"], render["quiet"], render["fail_on"],
                 output, color)
    stderr, stdout = errors.getvalue(), output.getvalue()
    if len(stderr) + len(stdout) > MAX_TRANSCRIPT_CHARS:
        return None
    code = exit_code(result.findings, bool(result.errors), render["fail_on"])
    return {"color": color, "stderr": stderr, "stdout": stdout, "exit_code": code}


def usable(transcript: Any, color: bool) -> bool:
    """Whether `transcript` is a well-formed transcript made with the colour choice `color`."""
    if not (isinstance(transcript, dict) and transcript.get("color") is color
            and type(transcript.get("exit_code")) is int):
        return False
    texts = [transcript.get("stderr"), transcript.get("stdout")]
    return all(type(text) is str and _printable(text, color) for text in texts)


def _printable(text: str, color: bool) -> bool:
    """No control character in `text`, besides (when `color`) the colour codes `ESC [ digits m`."""
    if not color:
        return _CONTROLS.isdisjoint(text)
    first, *coloured = text.split(_COLOUR_START)
    return _CONTROLS.isdisjoint(first) and all(_colour_then_text(piece) for piece in coloured)


def _colour_then_text(piece: str) -> bool:
    end = piece.find("m")
    return end >= 0 and _COLOUR_PARAMETERS.issuperset(piece[:end]) and _CONTROLS.isdisjoint(piece[end + 1:])


def play(transcript: dict[str, Any]) -> int:
    """Print a `usable` transcript; its exit code."""
    if transcript["stderr"]:
        sys.stderr.write(transcript["stderr"])
        sys.stderr.flush()
    sys.stdout.write(transcript["stdout"])
    code: int = transcript["exit_code"]
    return code
