"""The configuration's suppressions in one run: all of them, and the day they are judged on (an
entry past its `expires` date suppresses nothing and is reported)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from p1lint.findings import Finding
from p1lint.run_settings import RunSettings
from p1lint.suppressions.entries import ConfigSuppression


class Suppressing(NamedTuple):
    entries: tuple[ConfigSuppression, ...]
    today: date

    @classmethod
    def of(cls, entries: Sequence[ConfigSuppression], settings: RunSettings) -> Suppressing:
        """The entries, judged on the day of `settings.now` (else today's date)."""
        from p1lint.functions.suppressions import today

        return cls(tuple(entries), today(settings))

    def in_effect(self) -> tuple[tuple[int, ConfigSuppression], ...]:
        """The entries that suppress in this run, with their indexes."""
        return tuple((index, entry) for index, entry in enumerate(self.entries)
                     if entry.active_on(self.today))

    def key(self) -> list[Any]:
        """What the findings of a unit depend on: the entries and which of them are in effect."""
        effect = {index for index, _ in self.in_effect()}
        return [[*entry, index in effect] for index, entry in enumerate(self.entries)]

    def replayable(self, findings: Sequence[Finding]) -> bool:
        """Whether a replay of the run (which shows the units' findings only) would print the
        same: no finding about the entries, and none in effect that may expire."""
        about = {entry.source for entry in self.entries}
        return not any(f.file in about for f in findings) and not any(e.expires for _, e in self.in_effect())
