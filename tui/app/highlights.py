"""Which spans of the article are highlighted, and how: a sorted index the view bisects.

Entity labels are grouped into the categories the reader toggles in the legend. Dates come
from the temporal tagger when it found any (its spans and values beat spaCy's DATE/TIME),
otherwise from spaCy.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import NamedTuple

from tui.analysis.model import Analysis

# (category, legend name, spaCy labels) in legend order; the number key is the position + 1.
CATEGORIES: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("person", "Person", frozenset({"PERSON"})),
    ("place", "Place", frozenset({"GPE", "LOC", "FAC"})),
    ("org", "Org", frozenset({"ORG"})),
    ("norp", "Group", frozenset({"NORP"})),
    ("date", "Date", frozenset({"DATE", "TIME"})),
    ("misc", "Event", frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})),
    ("number", "Number", frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})),
)
CATEGORY_OF_LABEL = {label: key for key, _, labels in CATEGORIES for label in labels}
CATEGORY_NAMES = {key: name for key, name, _ in CATEGORIES}
HIDDEN_BY_DEFAULT = frozenset({"number"})


class Highlight(NamedTuple):
    """One highlighted span. A tuple of atoms, so the garbage collector stops tracking it:
    a book's tens of thousands of highlights would otherwise lengthen every full collection,
    a pause the reader feels while paging during the analysis."""

    start: int
    end: int
    category: str
    label: str  # the spaCy label or TIMEX3 type shown in inline labels
    ref: int  # index into Analysis.entities (or Analysis.timexes for dates from the tagger)
    is_timex: bool = False


class SpanIndex:
    """Non-overlapping spans sorted by start; ``overlapping`` is two bisects, not a scan."""

    def __init__(self, spans: Iterable[Highlight]) -> None:
        self._index(sorted(spans))

    def _index(self, spans: list[Highlight]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]
        self._ends = [s.end for s in spans]

    def __len__(self) -> int:
        return len(self.spans)

    def extend(self, spans: Iterable[Highlight]) -> None:
        """Add spans; cheap (a splice, no re-sort) when they fit between the current ones,
        as an analysed chunk's spans do whichever chunk comes first."""
        new = sorted(spans)
        if not new:
            return
        at = bisect_left(self._starts, new[0].start)
        fits = ((at == 0 or self._ends[at - 1] <= new[0].start)
                and (at == len(self.spans) or new[-1].end <= self._starts[at]))
        if not fits:
            self._index(sorted(self.spans + new))
            return
        self.spans[at:at] = new
        self._starts[at:at] = [s.start for s in new]
        self._ends[at:at] = [s.end for s in new]

    def overlapping(self, start: int, end: int) -> Sequence[Highlight]:
        first = bisect_right(self._ends, start)
        last = bisect_right(self._starts, end - 1) if end > start else first
        return self.spans[first:max(first, last)]

    def at(self, offset: int) -> Highlight | None:
        found = self.overlapping(offset, offset + 1)
        return found[0] if found else None

    def after(self, offset: int) -> Highlight | None:
        """First span starting after ``offset``."""
        i = bisect_right(self._starts, offset)
        return self.spans[i] if i < len(self.spans) else None

    def before(self, offset: int) -> Highlight | None:
        """Last span starting before ``offset``."""
        i = bisect_right(self._starts, offset - 1) - 1
        return self.spans[i] if i >= 0 else None


class Intervals:
    """Spans that may overlap or nest (notes, search hits), sorted by start.

    ``overlapping`` bisects the starts and a running maximum of the ends, so drawing a row
    costs two bisects and the spans it meets, not a scan of every span.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [start for start, _ in self.spans]
        self._reach = list(accumulate((end for _, end in self.spans), max))

    def __len__(self) -> int:
        return len(self.spans)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans meeting ``[start, end)`` (an empty range counts as one character)."""
        first = bisect_right(self._reach, start)
        last = bisect_left(self._starts, max(end, start + 1))
        return [span for span in self.spans[first:last] if span[1] > start]

    def covers(self, offset: int) -> bool:
        return bool(self.overlapping(offset, offset + 1))


def _without_overlaps(spans: list[Highlight]) -> list[Highlight]:
    """Keep the earlier (then longer) of overlapping spans."""
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Highlight] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def highlights_for(analysis: Analysis) -> list[Highlight]:
    """Every highlightable span: entities, with dates from the tagger when it has any."""
    use_timexes = bool(analysis.timexes)
    spans: list[Highlight] = []
    for i, entity in enumerate(analysis.entities):
        category = CATEGORY_OF_LABEL.get(entity.label, "misc")
        if use_timexes and category == "date":
            continue
        spans.append(Highlight(entity.start, entity.end, category, entity.label, i))
    if use_timexes:
        spans.extend(
            Highlight(t.start, t.end, "date", t.type, i, is_timex=True)
            for i, t in enumerate(analysis.timexes)
        )
    return _without_overlaps(spans)


def category_counts(spans: Iterable[Highlight]) -> Counter[str]:
    return Counter(span.category for span in spans)
