"""The identity of a finding across runs, as the formats that track findings (SARIF
`partialFingerprints`, GitLab `fingerprint`) give it — never the message or the line, so that
rewording or moving it keeps it."""

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
