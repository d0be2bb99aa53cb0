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

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export.common import clean, document_title
from tui.export.options import ExportOptions
from tui.export.timeline_items import TimelineItem, article_items
from tui.export.timex_dates import DatePoint
from tui.store.model import Note

# Which parts of the date TimelineJS gets for each granularity.
_PARTS = {"century": 1, "decade": 1, "year": 1, "half": 2, "quarter": 2, "season": 2,
          "month": 2, "week": 3, "weekend": 3, "day": 3, "time": 5}


def render(document: Document, notes: Sequence[Note], analysis: Analysis | None,
           options: ExportOptions) -> str:
    del options
    meta = document.meta
    subtitle = " · ".join(clean(v) for v in (meta.source, meta.published, meta.author) if v)
    return render_items(document_title(document), subtitle,
                        article_items(document, notes, analysis))


def render_items(title: str, subtitle: str, items: Sequence[TimelineItem], *,
                 many: bool = False) -> str:
    """TimelineJS JSON of ``items``; ``many``: each slide links to every article telling it."""
    slides: list[dict[str, Any]] = []
    for item in items:
        point = item.point
        if point is not None:
            slides.append(_slide(item, point, many))
    data: dict[str, Any] = {
        "title": {"text": {"headline": _esc(title), "text": _esc(subtitle)}},
        "events": slides,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _slide(item: TimelineItem, point: DatePoint, many: bool) -> dict[str, Any]:
    parts = _PARTS.get(point.granularity, 3)
    start: dict[str, int] = {"year": point.day.year}
    if parts >= 2:
        start["month"] = point.day.month
    if parts >= 3:
        start["day"] = point.day.day
    if parts >= 5 and point.at is not None:
        start["hour"] = point.at.hour
        start["minute"] = point.at.minute
    paragraphs = [f"Also: {_esc(event)}" for event in item.others]
    if item.expressions:
        paragraphs.append("As written: " + ", ".join(
            f"“{_esc(e)}”" for e in item.expressions))
    if item.conflict:
        paragraphs.append("Dates disagree: " + " / ".join(_esc(d) for d in item.conflict))
    paragraphs.extend(_esc(body.strip()) for body in item.notes)
    if many:
        paragraphs.extend(f'From: <a href="{_esc(s.backref)}">{_esc(s.title)}</a>'
                          for s in item.sources)
    return {
        "unique_id": "t-" + item.uid,
        "start_date": start,
        "display_date": clean(item.label),
        "text": {"headline": _esc(item.event.strip() or item.label),
                 "text": "".join(f"<p>{p}</p>" for p in paragraphs)},
        "group": item.relation,
    }


def _esc(text: str) -> str:
    return html.escape(clean(text), quote=True).replace("\n", "<br>")
