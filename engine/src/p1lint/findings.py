"""Value types shared by every layer: severities, findings and input errors."""

from __future__ import annotations

import re
from typing import Literal, NamedTuple, get_args

from p1lint.escaping import printable, printable_line

SeverityName = Literal["error", "warning", "info"]
SEVERITIES: tuple[SeverityName, ...] = get_args(SeverityName)
Profile = Literal["recommended", "strict", "oauth2.1", "fapi2"]
PROFILES: tuple[Profile, ...] = get_args(Profile)

SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


class Finding(NamedTuple):
    """One problem reported on one input file: from `line`:`column`, where the offending value (or
    the place in a string) starts, to `end_line`:`end_column`, the character after the value's last
    (SARIF's `endLine`/`endColumn`); all 1-based."""

    rule: str
    name: str
    severity: SeverityName
    message: str
    file: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    docs: str
    application_id: str = ""  # the application the finding is about (see `identity`)
    application_name: str = ""
    fingerprint: str = ""  # stable across reformatting and reordering (see `identity`)
    suppression: str = ""  # of a suppressed finding shown anyway: "inSource" or "external" (SARIF's kinds)
    justification: str = ""  # of a suppressed finding: the reason given
    expires: str = ""  # of a finding a configuration entry suppresses: the entry's last day, if it has one

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.path)


def unicode_text(text: str) -> str:
    """`text` as valid Unicode for a JSON or SARIF document or a baseline: a lone surrogate — how
    Python keeps a byte of a file name that is not UTF-8 — is written `\\udcff`, as the text
    output shows it; everything else is kept for the format's own escaping."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


class InputError(NamedTuple):
    """An input that could not be read or parsed; reported as `file:line:col: message`, or as
    `path: message` when no position applies (line 0: a directory that cannot be listed)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return printable_line(f"{where}: {self.message}")


class Notice(NamedTuple):
    """A file found in a directory and skipped because it is not a PingOne document: one line on
    standard error, neither a finding nor an error."""

    file: str
    reason: str

    def __str__(self) -> str:
        return printable(f"p1lint: skipped {self.file}: {self.reason}")


class P1LintError(Exception):
    """An error a user can cause (bad rule file, bad option); shown as one line, exit code 2."""
