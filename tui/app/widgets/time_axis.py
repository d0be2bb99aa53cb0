"""A time axis over a timeline list: coverage as a density strip, one mark per dated entry.

The axis is a row of buckets (a day, week, month or year each, by zoom), one cell each. When
the story spans more buckets than the axis has cells, the window follows the selected entry.
Vague and undated entries have no date and stay off the axis. The marks and labels are drawn
with the Line API (``render_line``); the density is Textual's ``Sparkline``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import ClassVar, Literal

from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Sparkline

Zoom = Literal["day", "week", "month", "year"]
ZOOMS: tuple[Zoom, ...] = ("day", "week", "month", "year")


def bucket_of(day: date, zoom: Zoom) -> int:
    """The bucket a day falls in; buckets of one zoom are consecutive integers."""
    if zoom == "day":
        return day.toordinal()
    if zoom == "week":
        return (day.toordinal() - 1) // 7  # weeks from Monday, 1 Jan of year 1
    if zoom == "month":
        return day.year * 12 + day.month - 1
    return day.year


def bucket_label(bucket: int, zoom: Zoom) -> str:
    if zoom == "day":
        day = date.fromordinal(bucket)
        return f"{day.day} {day:%b} {day.year}"
    if zoom == "week":
        day = date.fromordinal(bucket * 7 + 1)
        return f"wk {day.day} {day:%b} {day.year}"
    if zoom == "month":
        return f"{date(bucket // 12, bucket % 12 + 1, 1):%b} {bucket // 12}"
    return str(bucket)


def fitting_zoom(days: Sequence[date], width: int) -> Zoom:
    """The finest zoom at which every date fits on an axis ``width`` cells wide."""
    if not days:
        return "day"
    for zoom in ZOOMS:
        if bucket_of(max(days), zoom) - bucket_of(min(days), zoom) < width:
            return zoom
    return "year"


class AxisStrip(Widget):
    """Two rows: a mark where entries are (the selected one lit), and the window's dates."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "axis-strip--rule", "axis-strip--mark", "axis-strip--selected", "axis-strip--label"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.first = 0  # the window's first bucket
        self.counts: Counter[int] = Counter()
        self.selected: int | None = None  # the selected entry's bucket
        self.zoom: Zoom = "day"
        self.scale = 1  # cells per bucket: a short story is spread across the axis

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._marks(width)
        if y == 1:
            return self._labels(width)
        return Strip.blank(width, self.rich_style)

    def _marks(self, width: int) -> Strip:
        if not self.counts:
            return Strip([Segment(" " * width, self.get_component_rich_style(
                "axis-strip--rule"))], width)
        rule = self.get_component_rich_style("axis-strip--rule")
        mark = self.get_component_rich_style("axis-strip--mark")
        lit = self.get_component_rich_style("axis-strip--selected")
        segments = []
        for cell in range(width):
            bucket = self.first + cell // self.scale
            if cell % self.scale != self.scale // 2:
                segments.append(Segment("─", rule))
            elif bucket == self.selected:
                segments.append(Segment("▼", lit))
            elif self.counts[bucket]:
                segments.append(Segment("┃" if self.counts[bucket] > 1 else "│", mark))
            else:
                segments.append(Segment("─", rule))
        return Strip(segments, width)

    def _labels(self, width: int) -> Strip:
        style = self.get_component_rich_style("axis-strip--label")
        row = [" "] * width
        if not self.counts:
            _put(row, 0, "No dated events")
            return Strip([Segment("".join(row), style)], width)
        left = bucket_label(self.first, self.zoom)
        right = bucket_label(self.first + (width - 1) // self.scale, self.zoom)
        _put(row, 0, left)
        _put(row, width - len(right), right)
        if self.selected is not None:
            here = bucket_label(self.selected, self.zoom)
            middle = (self.selected - self.first) * self.scale + self.scale // 2
            at = min(max(0, middle - len(here) // 2), width - len(here))
            if at > len(left) and at + len(here) < width - len(right):
                _put(row, at, here)
        return Strip([Segment("".join(row), style)], width)


def _put(row: list[str], at: int, text: str) -> None:
    for i, ch in enumerate(text):
        if 0 <= at + i < len(row):
            row[at + i] = ch


class TimeAxis(Vertical):
    """The axis above a timeline list: ``show`` the entries' days, ``select`` one."""

    zoom: reactive[Zoom] = reactive("day", init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days: list[date | None] = []  # per list entry; None = off the axis
        self.weights: list[int] = []
        self.selected_entry: int | None = None
        self.density = Sparkline([], id="axis-density")
        self.strip = AxisStrip(id="axis-strip")

    def compose(self) -> ComposeResult:
        yield self.density
        yield self.strip

    def show(self, days: Sequence[date | None], weights: Sequence[int] | None = None,
             width: int | None = None) -> None:
        """The entries' days (with how many sources each has); picks a zoom that fits."""
        self.days = list(days)
        self.weights = list(weights) if weights is not None else [1] * len(self.days)
        self.selected_entry = None
        placed = [d for d in self.days if d is not None]
        self.set_reactive(TimeAxis.zoom, fitting_zoom(placed, width or self._width()))
        self._draw()

    def select(self, entry: int | None) -> None:
        """Light the entry's mark and move the window to it (the axis follows the list)."""
        self.selected_entry = entry
        self._draw()

    def watch_zoom(self) -> None:
        self._draw()

    def zoom_by(self, step: int) -> None:
        index = min(max(0, ZOOMS.index(self.zoom) + step), len(ZOOMS) - 1)
        self.zoom = ZOOMS[index]

    def _width(self) -> int:
        return max(10, self.strip.size.width or self.size.width or 80)

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self._width()
        zoom = self.zoom
        counts: Counter[int] = Counter()
        for day, weight in zip(self.days, self.weights, strict=True):
            if day is not None:
                counts[bucket_of(day, zoom)] += weight
        selected = None
        if self.selected_entry is not None and self.selected_entry < len(self.days):
            day = self.days[self.selected_entry]
            selected = bucket_of(day, zoom) if day is not None else None
        first = min(counts) if counts else bucket_of(date.today(), zoom)
        last = max(counts) if counts else first
        span = last - first + 1
        scale = max(1, width // (span + 2))  # a bucket's margin each side
        buckets = width // scale
        if span > buckets:
            if selected is not None:  # follow the selection
                first = min(max(first, selected - buckets // 2), last - buckets + 1)
        else:  # the whole story fits: centre it
            first -= (buckets - span) // 2
        strip = self.strip
        strip.first, strip.counts, strip.selected, strip.zoom = first, counts, selected, zoom
        strip.scale = scale
        strip.refresh()
        self.density.data = [float(counts[first + i // scale]) for i in range(width)]

