"""The cache the engine consults per input unit (a file, a snapshot directory, the Terraform
files of one directory): key = the settings key + the unit's kind, path and the content digests
of all its files; value = everything the unit gave (findings, input errors, notices, counts).
A unit whose result depends on the time of the run (`LintResult.volatile`) is not kept."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from p1lint.cache.codec import BadEntry, Part, part_from_json, part_to_json
from p1lint.cache.keys import FileState, digest_json, file_state, file_unchanged, installation_fingerprint
from p1lint.cache.store import Store, cache_root

# options that change how findings are shown or what happens to them after linting, or which
# units there are, not the findings of a unit: every other option of `check` is part of the
# settings key
OUTPUT_OPTIONS = frozenset({
    "output_format", "no_color", "quiet", "fail_on", "baseline", "write_baseline", "no_cache", "cache_dir",
    "jobs", "exclude", "extend_exclude", "respect_gitignore", "force_exclude", "show_source",
})
CACHEABLE_NAMES = ("str", "WalkedFile", "SnapshotDirectory", "TerraformDirectory")
STDIN_NAME = "-"


def settings_key(options: dict[str, Any]) -> str:
    """A digest of everything besides the files that makes the findings of a unit: this p1lint,
    its catalogue (bundled and `--rules` files), every option that is not about output, and the
    content of the `--actor` file."""
    from p1lint.catalogue import catalogue_fingerprint

    chosen = {name: _plain(value) for name, value in sorted(options.items()) if name not in OUTPUT_OPTIONS}
    actor = options.get("actor")
    actor_state = file_state(actor) if actor else None
    catalogue = catalogue_fingerprint(Path(d) for d in options.get("rule_dirs") or ())
    return digest_json([installation_fingerprint(), catalogue, chosen, actor_state and actor_state[3]])


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


class ResultsCache:
    """Looks units up and stores them; remembers, for the run record, each unit's key and files."""

    def __init__(self, store: Store, settings: str) -> None:
        self.entries, self.settings = store, settings
        self.started_ns = time.time_ns()
        self.units: list[str | None] = []  # per unit of the run, in order: its key, None if not kept
        self.files: list[FileState] = []
        self.errors = 0  # input errors of the units, for the record to check it holds them all
        self._pending: dict[int, tuple[int, tuple[str, list[FileState]] | None]] = {}

    def lookup(self, unit: Any) -> Part | None:
        """The kept result of `unit`, or None; units are looked up in the order of the run (the
        results of those missed may be stored in any order after)."""
        identity = unit_identity(unit, self.settings)
        self._pending[id(unit)] = (len(self.units), identity)
        self.units.append(None)
        if identity is None:
            return None
        key, states = identity
        body = self.entries.read("unit", key)
        try:
            part = part_from_json(body.get("part")) if body is not None else None
        except BadEntry:
            part = None
        if part is not None:
            self._remember(len(self.units) - 1, key, states, part)
            self.entries.touch("unit", key)
        return part

    def store(self, unit: Any, part: Any) -> None:
        index, identity = self._pending.pop(id(unit), (-1, None))
        if identity is not None and self._keep(identity, part):
            self._remember(index, identity[0], identity[1], part)

    def _keep(self, identity: tuple[str, list[FileState]], part: Any) -> bool:
        """Write the unit's entry, unless its result depends on the time or its files changed."""
        key, states = identity
        if part.volatile or not self._still(states):
            return False
        return self.entries.write("unit", key, {"part": part_to_json(part)})

    def _remember(self, index: int, key: str, states: list[FileState], part: Any) -> None:
        self.units[index] = key
        self.files.extend(states)
        self.errors += len(part.errors)

    def _still(self, states: list[FileState]) -> bool:
        """Whether the unit's files did not change while it was linted."""
        return all(file_unchanged(state, self.started_ns) for state in states)

    def record_run(
        self, paths: list[str], options: dict[str, Any], result: Any, replayable: bool = True,
        watched: list[str] | None = None,
    ) -> None:
        """Describe the run for `replay`, when the command line gave one (see `invocation`) and
        nothing outside the units' results shapes its output (`replayable`); `watched`: files
        whose contents chose the units too (the `.gitignore` files looked for), there or not."""
        from p1lint.cache.record import write_record

        if replayable:
            write_record(self, paths, options, result, watched or [])
        self.entries.prune_if_due()


def unit_identity(unit: Any, settings: str) -> tuple[str, list[FileState]] | None:
    """The cache key of a unit and the states of its files; None for a unit that is not kept
    (standard input, a directory without input files, one that cannot be listed, a special file)."""
    kind = type(unit).__name__
    if kind not in CACHEABLE_NAMES or unit == STDIN_NAME:
        return None
    path, members = (unit, [unit]) if isinstance(unit, str) else (unit.path, list(unit.files))
    states = [file_state(member) for member in members]
    if any(state is None for state in states):
        return None
    known = [state for state in states if state is not None]
    place = os.path.abspath(path)  # findings' fingerprints name the file relative to its repository
    return digest_json(["unit", settings, kind, path, place, [[s[0], s[3]] for s in known]]), known


def open_results_cache(options: dict[str, Any]) -> ResultsCache | None:
    root = cache_root(str(options["cache_dir"]) if options.get("cache_dir") else None)
    if root is None or os.environ.get("P1LINT_DEBUG"):
        return None
    return ResultsCache(Store(root), settings_key(options))
