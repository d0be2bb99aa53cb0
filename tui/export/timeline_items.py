"""Timeline entries as every timeline export takes them, from one article or from many.

The calendar, TimelineJS, CSV and Markdown timelines render ``TimelineItem``s: an article's
own timeline becomes items here, and a story or entity timeline (``tui/export/story_items``)
becomes items too, each citing the articles that tell it. One renderer per format, whatever
the items came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export.common import (
    backref_uri,
    document_title,
    name_uuid,
    notes_on_entry,
    other_events,
)
from tui.export.timex_dates import DatePoint, parse_value
from tui.store.model import Note


@dataclass(frozen=True)
class Cited:
    """An article an entry comes from, with the passage that tells it."""

    title: str
    doc_id: str
    start: int
    end: int
    url: str | None = None

    @property
    def backref(self) -> str:
        return backref_uri(self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class TimelineItem:
    """One timeline entry, ready to render."""

    uid: str  # stable across exports: a calendar re-import updates instead of duplicating
    value: str  # TIMEX3 value ("" when none)
    label: str  # the date as a reader says it
    event: str
    granularity: str
    relation: str
    vague: bool
    sources: tuple[Cited, ...]  # the first holds ``span``
    mod: str | None = None
    others: tuple[str, ...] = ()
    expressions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # bodies of the user's notes on it, as typed
    conflict: tuple[str, ...] = ()  # the dates the sources disagree on

    @property
    def point(self) -> DatePoint | None:
        return None if self.vague or not self.value else parse_value(self.value)

    @property
    def span(self) -> tuple[int, int]:
        return (self.sources[0].start, self.sources[0].end) if self.sources else (0, 0)


def article_items(document: Document, notes: Sequence[Note],
                  analysis: Analysis | None) -> list[TimelineItem]:
    """The article's own timeline, in its chronological order."""
    title = document_title(document)
    items = []
    for entry in analysis.timeline if analysis else ():
        items.append(TimelineItem(
            uid=name_uuid("timeline", document.id, entry.value), value=entry.value,
            label=entry.label, event=entry.event, granularity=entry.granularity,
            relation=entry.relation, vague=entry.vague, mod=entry.mod,
            sources=(Cited(title, document.id, *entry.sentence, document.meta.url),),
            others=tuple(other_events(entry)), expressions=tuple(entry.expressions),
            notes=tuple(n.body for n in notes_on_entry(notes, entry) if not n.is_highlight)))
    return items
