"""Horizontal stacked bar charts, drawn as inline SVG by the `bar_chart` macro: this module only
computes the geometry (no markup here), one bar per label, one segment per severity."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from p1lint.findings import SEVERITIES

LABEL_WIDTH = 180  # the labels' column, in SVG units
BAR_WIDTH = 270
COUNT_WIDTH = 40
ROW_HEIGHT = 22
BAR_HEIGHT = 14
MAX_LABEL = 26  # characters of a label drawn; the full text is its tooltip
MAX_BARS = 15  # the largest; the rest are summed into one "others" bar


class Segment(NamedTuple):
    severity: str
    x: float
    width: float
    number: int


class Bar(NamedTuple):
    label: str  # as drawn (cut to MAX_LABEL)
    title: str  # the full label
    y: int
    total: int
    segments: tuple[Segment, ...]


class BarChart(NamedTuple):
    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(title: str, counts: Mapping[str, Mapping[str, int]]) -> BarChart:
    """A chart of `counts` (label -> severity -> count), largest bar first."""
    rows = _largest(counts)
    longest = max((sum(by.values()) for _, by in rows), default=0) or 1
    scale = BAR_WIDTH / longest
    bars = tuple(_bar(label, by, index * ROW_HEIGHT, scale) for index, (label, by) in enumerate(rows))
    return BarChart(title, bars, LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH, max(1, len(bars)) * ROW_HEIGHT)


def _largest(counts: Mapping[str, Mapping[str, int]]) -> list[tuple[str, Mapping[str, int]]]:
    ordered = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    if len(ordered) <= MAX_BARS:
        return ordered
    kept, rest = ordered[: MAX_BARS - 1], ordered[MAX_BARS - 1 :]
    others: dict[str, int] = {severity: sum(by.get(severity, 0) for _, by in rest) for severity in SEVERITIES}
    return [*kept, (f"{len(rest)} others", others)]


def _bar(label: str, by: Mapping[str, int], y: int, scale: float) -> Bar:
    segments, x = [], float(LABEL_WIDTH)
    for severity in SEVERITIES:
        count = by.get(severity, 0)
        if count:
            segments.append(Segment(severity, x, count * scale, count))
            x += count * scale
    shown = label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
    return Bar(shown, label, y, sum(by.values()), tuple(segments))


def tally(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """(label, severity) pairs counted: label -> severity -> count."""
    counts: dict[str, dict[str, int]] = {}
    for label, severity in pairs:
        by = counts.setdefault(label, {})
        by[severity] = by.get(severity, 0) + 1
    return counts
