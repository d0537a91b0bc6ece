"""The identity of a finding across runs, as the formats that track findings (SARIF
`partialFingerprints`, GitLab `fingerprint`) give it — never the message or the line, so that
rewording or moving it keeps it — and the application it is about, as every format names it."""

from __future__ import annotations

import hashlib

from p1lint.findings import Finding


def fingerprint(finding: Finding) -> str:
    """The finding's own fingerprint (rule, file, application, value-based path, value digest);
    for a finding made without one, a hash of rule, file and pointer."""
    if finding.fingerprint:
        return finding.fingerprint
    key = "\0".join((finding.rule, finding.file, finding.path))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def application_of(finding: Finding) -> str:
    """`NAME, ID` of the application the finding is about (the one of them known); "" for a
    finding about no application. Not escaped: each format escapes it as it escapes the message."""
    return ", ".join(part for part in (finding.application_name, finding.application_id) if part)


def described(finding: Finding) -> str:
    """The message, the application it is about and, of a suppressed finding shown, the reason:
    `MESSAGE (application NAME, ID) (suppressed: REASON)`."""
    about = application_of(finding)
    application = f" (application {about})" if about else ""
    return f"{finding.message}{application}{suppression_note(finding)}"


def suppression_note(finding: Finding) -> str:
    """` (suppressed: REASON)` of a suppressed finding shown (`--show-suppressed`), else ""."""
    return f" (suppressed: {finding.justification})" if finding.suppression else ""
