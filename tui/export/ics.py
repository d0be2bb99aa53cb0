"""The timeline as an iCalendar file (RFC 5545), built with the ``icalendar`` library.

A day is an all-day event (``DTSTART;VALUE=DATE``); a clock time is a floating-time event. A
longer period (week, month, season, quarter, year, ...) is an all-day event on its first day,
its summary prefixed with the period (``[August 2025] talks resume``) and its precision in
``X-GLOSS-GRANULARITY``. Entries without a fixed date (``PRESENT_REF``, ``XXXX-07-04``) are not
events; they are listed in the calendar's description. Each event's UID is a name-based UUID of
the document id and the TIMEX3 value, so a re-import into a calendar updates instead of
duplicating. Events are transparent: they mark dates, they do not block time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from icalendar import Calendar, Event, vText

from tui.analysis.model import Analysis, TimelineEntry
from tui.document.model import Document
from tui.export.common import (
    clean,
    document_title,
    name_uuid,
    notes_on_entry,
    now_utc,
    other_events,
)
from tui.export.options import ExportOptions
from tui.export.timex_dates import DatePoint, parse_value
from tui.store.model import Note

PRODID = "-//Gloss//Gloss timeline//EN"

_MODS = {"APPROX": "approximately", "BEFORE": "before", "AFTER": "after",
         "ON_OR_BEFORE": "on or before", "ON_OR_AFTER": "on or after", "START": "early",
         "MID": "mid", "END": "late", "LESS_THAN": "less than", "MORE_THAN": "more than"}


def render(document: Document, notes: Sequence[Note], analysis: Analysis | None,
           options: ExportOptions) -> str:
    """The calendar as text with CRLF line endings, folded at 75 octets by the library."""
    title = document_title(document)
    stamp = now_utc(options)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(f"Timeline: {title}"))
    undated: list[TimelineEntry] = []
    for entry in analysis.timeline if analysis else ():
        point = None if entry.vague else parse_value(entry.value)
        if point is None:
            undated.append(entry)
            continue
        calendar.add_component(_event(document, entry, point, notes, stamp))
    if undated:
        text = "Undated in the article:\n" + "\n".join(
            f"- {clean(e.label)}: {clean(e.event)}".rstrip(": ") for e in undated)
        calendar.add("description", text)
        calendar.add("x-wr-caldesc", vText(text))
    return str(calendar.to_ical().decode("utf-8"))


def _event(document: Document, entry: TimelineEntry, point: DatePoint, notes: Sequence[Note],
           stamp: datetime) -> Event:
    event = Event()
    event.add("uid", name_uuid("timeline", document.id, entry.value))
    event.add("dtstamp", stamp)
    if point.at is not None:
        event.add("dtstart", datetime.combine(point.day, point.at))
    else:
        event.add("dtstart", point.day)
    event.add("summary", _summary(entry, point))
    event.add("description", _description(document, entry, point, notes))
    event.add("transp", "TRANSPARENT")
    if document.meta.url:
        event.add("url", document.meta.url)
    event.add("x-gloss-granularity", vText(point.granularity))
    event.add("x-gloss-value", vText(clean(entry.value)))
    return event


def _summary(entry: TimelineEntry, point: DatePoint) -> str:
    event = clean(entry.event).strip() or clean(entry.label)
    if point.granularity in ("day", "time") and point.part_of_day is None:
        return event
    return f"[{clean(entry.label)}] {event}"


def _description(document: Document, entry: TimelineEntry, point: DatePoint,
                 notes: Sequence[Note]) -> str:
    lines = [f"Also: {event}" for event in other_events(entry)]
    if entry.expressions:
        lines.append("As written: " + ", ".join(f"“{clean(e)}”" for e in entry.expressions))
    if point.granularity not in ("day", "time"):
        lines.append(f"Precision: {point.granularity} (shown on its first day)")
    if entry.mod:
        lines.append(f"Qualifier: {_MODS.get(entry.mod, entry.mod.lower())}")
    bodies = [clean(n.body).strip() for n in notes_on_entry(notes, entry) if not n.is_highlight]
    if bodies:
        lines.append("Notes:")
        lines.extend(f"- {body}" for body in bodies)
    lines.append(f"From: {document_title(document)}")
    return "\n".join(lines)
