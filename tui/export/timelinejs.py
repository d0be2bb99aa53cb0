"""The timeline as TimelineJS JSON (``{"title", "events"}``), ready for a TimelineJS embed.

Each dated entry is a slide: ``start_date`` carries only the parts the value knows (a month
entry has year and month, no day), ``display_date`` is the human label, the headline is the
event clause and the text lists the original wordings and the user's notes. TimelineJS renders
``headline`` and ``text`` as HTML, so all text is HTML-escaped. Undated entries are left out:
TimelineJS needs at least a year.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from tui.analysis.model import Analysis, TimelineEntry
from tui.document.model import Document
from tui.export.common import clean, document_title, name_uuid, notes_on_entry, other_events
from tui.export.options import ExportOptions
from tui.export.timex_dates import DatePoint, parse_value
from tui.store.model import Note

# Which parts of the date TimelineJS gets for each granularity.
_PARTS = {"century": 1, "decade": 1, "year": 1, "half": 2, "quarter": 2, "season": 2,
          "month": 2, "week": 3, "weekend": 3, "day": 3, "time": 5}


def render(document: Document, notes: Sequence[Note], analysis: Analysis | None,
           options: ExportOptions) -> str:
    del options
    meta = document.meta
    subtitle = " · ".join(clean(v) for v in (meta.source, meta.published, meta.author) if v)
    slides: list[dict[str, Any]] = []
    for entry in analysis.timeline if analysis else ():
        point = None if entry.vague else parse_value(entry.value)
        if point is not None:
            slides.append(_slide(document, entry, point, notes))
    data: dict[str, Any] = {
        "title": {"text": {"headline": _esc(document_title(document)), "text": _esc(subtitle)}},
        "events": slides,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _slide(document: Document, entry: TimelineEntry, point: DatePoint,
           notes: Sequence[Note]) -> dict[str, Any]:
    parts = _PARTS.get(point.granularity, 3)
    start: dict[str, int] = {"year": point.day.year}
    if parts >= 2:
        start["month"] = point.day.month
    if parts >= 3:
        start["day"] = point.day.day
    if parts >= 5 and point.at is not None:
        start["hour"] = point.at.hour
        start["minute"] = point.at.minute
    paragraphs = [f"Also: {_esc(event)}" for event in other_events(entry)]
    if entry.expressions:
        paragraphs.append("As written: " + ", ".join(
            f"“{_esc(e)}”" for e in entry.expressions))
    paragraphs.extend(_esc(n.body.strip()) for n in notes_on_entry(notes, entry)
                      if not n.is_highlight)
    return {
        "unique_id": "t-" + name_uuid("timeline", document.id, entry.value),
        "start_date": start,
        "display_date": clean(entry.label),
        "text": {"headline": _esc(entry.event.strip() or entry.label),
                 "text": "".join(f"<p>{p}</p>" for p in paragraphs)},
        "group": entry.relation,
    }


def _esc(text: str) -> str:
    return html.escape(clean(text), quote=True).replace("\n", "<br>")
