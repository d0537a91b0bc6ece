"""Rule ids: a prefix of capital letters (and digits) ending in a letter, then three or four
digits. p1lint's own rules own the prefix `P1L` (`P1L101`); a team's rules (`--rules`) take a
prefix of their own (`ACME001`), so that no release of p1lint can ever add a rule with the id of
one of theirs: a rule file in a `--rules` directory with a `P1L` id is a load error, located at
its `id`. The id's prefix says who owns the rule, nothing else (never its severity)."""

from __future__ import annotations

import re

RULE_ID = re.compile(r"^[A-Z](?:[A-Z0-9]{0,8}[A-Z])?\d{3,4}$")
BUILTIN_PREFIX = "P1L"
BUILTIN_ID = re.compile(rf"^{BUILTIN_PREFIX}\d{{3}}$")
ID_FORM = ("an id is a prefix of capital letters (digits within it) ending in a letter, then three or four "
           "digits: P1L101 for p1lint's own rules, your own prefix for yours (ACME001)")
RESERVED = (f"the id prefix {BUILTIN_PREFIX} belongs to p1lint's own rules (a later release may add this "
            "id): give your rules a prefix of their own, e.g. ACME001")


def is_builtin(rule_id: str) -> bool:
    """Whether `rule_id` is in the namespace of p1lint's own rules."""
    return rule_id.upper().startswith(BUILTIN_PREFIX)
