"""A story or entity timeline as export items and files: each entry cites its articles.

The same renderers as an article's timeline (calendar, TimelineJS, CSV, Markdown) with every
entry listing the articles that tell it (title and gloss:// back-reference to the event).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from tui.analysis.date_labels import label
from tui.corpus.story import StoryEntry, place
from tui.export import ics, markdown, timeline_csv, timelinejs
from tui.export.common import name_uuid
from tui.export.markdown_text import escape_inline
from tui.export.options import ExportOptions
from tui.export.timeline_items import Cited, TimelineItem
from tui.store.model import Note

STORY_FORMATS = {"md": ".md", "ics": ".ics", "timelinejs": ".json", "csv": ".csv"}
_GROUP_LABELS = {"before": "before publication", "after": "after publication",
                 "undated": "undated"}


def story_items(entries: Sequence[StoryEntry], names: Mapping[str, str],
                title_of: Callable[[str], str], notes: Iterable[Note] = (),
                url_of: Callable[[str], str | None] = lambda doc: None) -> list[TimelineItem]:
    """Export items of a merged timeline; ``names`` gives each entity id its name."""
    by_doc: dict[str, list[Note]] = {}
    for note in notes:
        if note.position is not None and not note.is_highlight:
            by_doc.setdefault(note.doc_id, []).append(note)
    items = []
    for entry in entries:
        first = entry.sources[0]
        dated = entry.group == "dated" and entry.anchor is not None
        placement = place(entry.anchor) if dated and entry.anchor else None
        who = [names[p] for p in entry.participants if p in names]
        touching = [n.body for t in entry.sources for n in by_doc.get(t.doc, ())
                    if n.position is not None
                    and n.position.start < t.event.end and t.event.start < n.position.end]
        items.append(TimelineItem(
            uid=name_uuid("story", first.doc, str(first.event.start), entry.anchor or ""),
            value=entry.anchor or "" if dated else "",
            label=label(entry.anchor) if dated and entry.anchor else _GROUP_LABELS[entry.group],
            event=entry.text + (f" ({', '.join(who)})" if who else ""),
            granularity=placement.granularity if placement else "vague",
            relation=entry.group, vague=not dated,
            sources=tuple(Cited(title_of(t.doc), t.doc, t.event.start, t.event.end,
                                url_of(t.doc)) for t in entry.sources),
            notes=tuple(dict.fromkeys(touching)),
            conflict=tuple(label(d) for d in entry.dates) if entry.conflict else ()))
    return items


def render_story(fmt: str, title: str, items: Sequence[TimelineItem],
                 options: ExportOptions | None = None) -> str:
    """The story in one of ``STORY_FORMATS`` (``ValueError`` for another)."""
    if fmt == "md":
        count = len({s.doc_id for item in items for s in item.sources})
        head = f"# {escape_inline(title)}\n\n{len(items)} entries from {count} articles"
        return head + "\n\n" + markdown.timeline_section(items, True) + "\n"
    if fmt == "ics":
        return ics.render_items(title, items, options or ExportOptions(), many=True)
    if fmt == "timelinejs":
        return timelinejs.render_items(title, "", items, many=True)
    if fmt == "csv":
        return timeline_csv.render_items(items, many=True)
    raise ValueError(f"unknown story format {fmt!r}: one of {', '.join(STORY_FORMATS)}")
