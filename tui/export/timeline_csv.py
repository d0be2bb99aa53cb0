"""The timeline as CSV: one row per entry, in the timeline's chronological order.

Columns: ``Value`` (TIMEX3, e.g. ``2025-08``), ``Date`` (its first day as ``YYYY-MM-DD``, empty
for vague entries), ``Label``, ``Granularity``, ``Mod``, ``Relation``, ``Event``,
``Other events`` (further dated clauses of a merged entry, joined by `` | ``),
``Expressions`` (the wordings, joined by `` | ``), ``Notes`` (the user's notes on the entry,
joined by `` | ``), ``Sentence start``/``Sentence end`` (offsets), ``Vague``.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export.common import clean, notes_on_entry, other_events
from tui.export.csv_safe import write_csv
from tui.export.options import ExportOptions
from tui.export.timex_dates import parse_value
from tui.store.model import Note

HEADER = ("Value", "Date", "Label", "Granularity", "Mod", "Relation", "Event", "Other events",
          "Expressions", "Notes", "Sentence start", "Sentence end", "Vague")


def render(document: Document, notes: Sequence[Note], analysis: Analysis | None,
           options: ExportOptions) -> str:
    del document, options
    rows: list[tuple[str | int, ...]] = []
    for entry in analysis.timeline if analysis else ():
        point = None if entry.vague else parse_value(entry.value)
        on_entry = [clean(n.body).strip() for n in notes_on_entry(notes, entry)
                    if not n.is_highlight]
        rows.append((
            entry.value, point.day.isoformat() if point else "", clean(entry.label),
            entry.granularity, entry.mod or "", entry.relation, clean(entry.event),
            " | ".join(other_events(entry)),
            " | ".join(clean(e) for e in entry.expressions), " | ".join(on_entry),
            entry.sentence[0], entry.sentence[1], "yes" if entry.vague else "no",
        ))
    return write_csv(HEADER, rows)
