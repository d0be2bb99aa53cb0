"""The timeline as CSV: one row per entry, in the timeline's chronological order.

Columns: ``Value`` (TIMEX3, e.g. ``2025-08``), ``Date`` (its first day as ``YYYY-MM-DD``, empty
for vague entries), ``Label``, ``Granularity``, ``Mod``, ``Relation``, ``Event``,
``Other events`` (further dated clauses of a merged entry, joined by `` | ``),
``Expressions`` (the wordings, joined by `` | ``), ``Notes`` (the user's notes on the entry,
joined by `` | ``), ``Sentence start``/``Sentence end`` (offsets), ``Vague``. A story's CSV
(``many``) adds ``Conflict`` (the dates its sources disagree on), ``Articles`` (their titles)
and ``Links`` (gloss:// back-references to each passage), all joined by `` | ``.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export.common import clean
from tui.export.csv_safe import write_csv
from tui.export.options import ExportOptions
from tui.export.timeline_items import TimelineItem, article_items
from tui.store.model import Note

HEADER = ("Value", "Date", "Label", "Granularity", "Mod", "Relation", "Event", "Other events",
          "Expressions", "Notes", "Sentence start", "Sentence end", "Vague")
STORY_HEADER = (*HEADER, "Conflict", "Articles", "Links")


def render(document: Document, notes: Sequence[Note], analysis: Analysis | None,
           options: ExportOptions) -> str:
    del options
    return render_items(article_items(document, notes, analysis))


def render_items(items: Sequence[TimelineItem], *, many: bool = False) -> str:
    rows: list[tuple[str | int, ...]] = []
    for item in items:
        point = item.point
        row: tuple[str | int, ...] = (
            item.value, point.day.isoformat() if point else "", clean(item.label),
            item.granularity, item.mod or "", item.relation, clean(item.event),
            " | ".join(item.others),
            " | ".join(clean(e) for e in item.expressions),
            " | ".join(clean(body).strip() for body in item.notes),
            item.span[0], item.span[1], "yes" if item.vague else "no",
        )
        if many:
            row = (*row, " | ".join(clean(d) for d in item.conflict),
                   " | ".join(clean(s.title) for s in item.sources),
                   " | ".join(s.backref for s in item.sources))
        rows.append(row)
    return write_csv(STORY_HEADER if many else HEADER, rows)
