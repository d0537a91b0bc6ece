"""Which configuration suppressions a run may call unused. An entry suppressed nothing in this run
— but it is judged unused only when the run could have seen what it targets, so that a
pre-commit run on a few files never reports the entries of the others:

- its rule pattern names a rule that ran (not one `--select`/`--ignore` left out), and it is not
  past its `expires` date (then it is reported as expired instead);
- and the run checked the configuration's whole directory (a directory given on the command line
  is it or holds it), or the entry names `files` and every input file its globs match (below the
  configuration's directory; hidden files aside) was read in this run.

Nothing is judged unused with `--no-suppress` (nothing suppresses) or `--changed-only` (findings
of unchanged parts are not reported, so what they would have used is not known)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple

from p1lint.selection import ActiveRule
from p1lint.suppressions.entries import ConfigSuppression
from p1lint.suppressions.matching import file_matches, glob_matches, names_rule, relative_file
from p1lint.suppressions.records import Record, entry_record

WILDCARDS = frozenset("*?[")


class RunScope(NamedTuple):
    """What a run looked at: the directories given (absolute) and every file read or skipped."""

    directories: tuple[str, ...]
    read: frozenset[str]

    @classmethod
    def of(cls, paths: Iterable[str], read: Iterable[str]) -> RunScope:
        directories = tuple(os.path.abspath(p) for p in paths if p != "-" and os.path.isdir(p))
        return cls(directories, frozenset(os.path.abspath(name) for name in read if not name.startswith("<")))


def entry_records(
    entries: Iterable[ConfigSuppression], used: set[int], rules: list[ActiveRule], today: date,
    scope: RunScope | None,
) -> list[Record]:
    """The record of each entry; `scope` None: none is judged unused."""
    ran = [active.rule for active in rules]  # those about suppressions too: an entry may suppress them
    records = []
    for index, entry in enumerate(entries):
        active = entry.active_on(today)
        judged = (scope is not None and active and index not in used
                  and any(names_rule(entry.rule, rule.id, rule.name) for rule in ran)
                  and _targets_seen(entry, scope))
        records.append(entry_record(entry, index, judged, index in used, active))
    return records


def _targets_seen(entry: ConfigSuppression, scope: RunScope) -> bool:
    base = entry.base
    if any(base == given or base.startswith(given.rstrip(os.sep) + os.sep) for given in scope.directories):
        return True
    if not entry.files or not any(file_matches(entry.files, base, name) for name in scope.read):
        return False
    return all(candidate in scope.read for candidate in _candidates(entry))


def _candidates(entry: ConfigSuppression) -> Iterator[str]:
    """The input files below the configuration's directory that the entry's globs match."""
    from p1lint.documents.files import walk_files
    from p1lint.documents.formats import DATA_SUFFIXES

    for glob in entry.files:
        root = os.path.join(entry.base, *_literal_start(glob))
        if os.path.isfile(root):
            yield os.path.abspath(root)
            continue
        for found in walk_files(root, DATA_SUFFIXES) if os.path.isdir(root) else ():
            relative = relative_file(found, entry.base)
            if relative is not None and glob_matches(glob, relative):
                yield os.path.abspath(found)


def _literal_start(glob: str) -> list[str]:
    """The leading segments of `glob` without wildcards: the directory to walk."""
    literal = []
    for segment in glob.split("/"):
        if not segment or WILDCARDS.intersection(segment):
            break
        literal.append(segment)
    return literal
