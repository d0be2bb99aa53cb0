"""The timeline as an iCalendar file (RFC 5545), built with the ``icalendar`` library.

A day is an all-day event (``DTSTART;VALUE=DATE``); a clock time is a floating-time event. A
longer period (week, month, season, quarter, year, ...) is an all-day event on its first day,
its summary prefixed with the period (``[August 2025] talks resume``) and its precision in
``X-GLOSS-GRANULARITY``. Entries without a fixed date (``PRESENT_REF``, ``XXXX-07-04``) are not
events; they are listed in the calendar's description. Each event's UID is a name-based UUID of
the document id and the TIMEX3 value, so a re-import into a calendar updates instead of
duplicating. Events are transparent: they mark dates, they do not block time. A story's
calendar (``render_items`` with ``many``) cites every article that tells each event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from icalendar import Calendar, Event, vText

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export.common import clean, document_title, now_utc
from tui.export.options import ExportOptions
from tui.export.timeline_items import TimelineItem, article_items
from tui.export.timex_dates import DatePoint
from tui.store.model import Note

PRODID = "-//Gloss//Gloss timeline//EN"

_MODS = {"APPROX": "approximately", "BEFORE": "before", "AFTER": "after",
         "ON_OR_BEFORE": "on or before", "ON_OR_AFTER": "on or after", "START": "early",
         "MID": "mid", "END": "late", "LESS_THAN": "less than", "MORE_THAN": "more than"}


def render(document: Document, notes: Sequence[Note], analysis: Analysis | None,
           options: ExportOptions) -> str:
    """The calendar as text with CRLF line endings, folded at 75 octets by the library."""
    return render_items(document_title(document), article_items(document, notes, analysis),
                        options)


def render_items(title: str, items: Sequence[TimelineItem], options: ExportOptions,
                 *, many: bool = False) -> str:
    """The calendar of ``items``; ``many``: they come from several articles, each cited."""
    stamp = now_utc(options)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(f"Timeline: {title}"))
    undated: list[TimelineItem] = []
    for item in items:
        point = item.point
        if point is None:
            undated.append(item)
            continue
        calendar.add_component(_event(item, point, stamp, many))
    if undated:
        where = "the story" if many else "the article"
        text = f"Undated in {where}:\n" + "\n".join(
            f"- {clean(e.label)}: {clean(e.event)}".rstrip(": ") for e in undated)
        calendar.add("description", text)
        calendar.add("x-wr-caldesc", vText(text))
    return str(calendar.to_ical().decode("utf-8"))


def _event(item: TimelineItem, point: DatePoint, stamp: datetime, many: bool) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    if point.at is not None:
        event.add("dtstart", datetime.combine(point.day, point.at))
    else:
        event.add("dtstart", point.day)
    event.add("summary", _summary(item, point))
    event.add("description", _description(item, point, many))
    event.add("transp", "TRANSPARENT")
    if item.sources and item.sources[0].url:
        event.add("url", item.sources[0].url)
    event.add("x-gloss-granularity", vText(point.granularity))
    event.add("x-gloss-value", vText(clean(item.value)))
    return event


def _summary(item: TimelineItem, point: DatePoint) -> str:
    event = clean(item.event).strip() or clean(item.label)
    if point.granularity in ("day", "time") and point.part_of_day is None:
        return event
    return f"[{clean(item.label)}] {event}"


def _description(item: TimelineItem, point: DatePoint, many: bool) -> str:
    lines = [f"Also: {event}" for event in item.others]
    if item.expressions:
        lines.append("As written: " + ", ".join(f"“{clean(e)}”" for e in item.expressions))
    if point.granularity not in ("day", "time"):
        lines.append(f"Precision: {point.granularity} (shown on its first day)")
    if item.mod:
        lines.append(f"Qualifier: {_MODS.get(item.mod, item.mod.lower())}")
    if item.conflict:
        lines.append("Dates disagree: " + " / ".join(clean(d) for d in item.conflict))
    bodies = [clean(body).strip() for body in item.notes]
    if bodies:
        lines.append("Notes:")
        lines.extend(f"- {body}" for body in bodies)
    if many:
        lines.extend(f"From: {clean(s.title)} {s.backref}" for s in item.sources)
    else:
        lines.extend(f"From: {clean(s.title)}" for s in item.sources[:1])
    return "\n".join(lines)
