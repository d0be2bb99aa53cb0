"""Notes as Markdown for Obsidian, Logseq or any CommonMark reader.

Layout: the title as a heading, a short list with source, published date, author and URL (no
YAML front matter, so every tool shows it), then each note in text order — the quote as a
blockquote, the note, then one line with ``#tags``, the category and a back-reference
``[↗ start–end](gloss://doc/<doc_id>#char=start,end)`` (RFC 5147 fragment, code-point offsets).
Notes whose passage is no longer found follow under their own heading. Optional sections list
the timeline and the entity index. All user text is escaped to render literally.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from tui.analysis.model import Analysis, Cluster
from tui.document.model import Document
from tui.export.common import (
    backref_uri,
    clean,
    current_quote,
    document_title,
    selected,
)
from tui.export.markdown_text import blockquote, escape_inline, paragraphs, tag
from tui.export.options import ExportOptions
from tui.export.timeline_items import TimelineItem, article_items
from tui.store.model import Note

# Entity labels in the order the index lists them, with a heading for each.
_LABEL_HEADINGS = {
    "PERSON": "People", "ORG": "Organizations", "GPE": "Places", "LOC": "Places",
    "FAC": "Places", "NORP": "Groups", "EVENT": "Events", "PRODUCT": "Products",
    "WORK_OF_ART": "Works", "LAW": "Laws",
}
# Dates and numbers have the timeline (or nothing) to go to; the index lists named things.
_NOT_INDEXED = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def render(document: Document, notes: Sequence[Note], analysis: Analysis | None,
           options: ExportOptions) -> str:
    """The whole export as one Markdown string ending in a newline."""
    parts = [_header(document)]
    chosen = selected(notes, options)
    anchored = [n for n in chosen if n.anchor != "orphaned"]
    orphaned = [n for n in chosen if n.anchor == "orphaned"]
    dates = {e.value: e.label for e in analysis.timeline} if analysis else {}
    if anchored:
        parts.append("## Notes")
        parts.extend(_note(n, dates, document.text) for n in anchored)
    if orphaned:
        parts.append("## Notes not found in this version of the text")
        parts.extend(_note(n, dates, document.text) for n in orphaned)
    if analysis is not None and options.timeline and analysis.timeline:
        parts.append(timeline_section(article_items(document, notes, analysis)))
    if analysis is not None and options.entities and analysis.clusters:
        parts.append(_entities(analysis.clusters))
    return "\n\n".join(parts) + "\n"


def _header(document: Document) -> str:
    meta = document.meta
    lines = [f"# {_line(document_title(document))}", ""]
    fields = [("Source", meta.source), ("Published", meta.published), ("Author", meta.author)]
    for name, value in fields:
        if value and value.strip():
            lines.append(f"- {name}: {_line(value)}")
    if meta.url:
        lines.append(f"- URL: <{meta.url}>" if _plain_url(meta.url)
                     else f"- URL: {_line(meta.url)}")
    lines.append(f"- Document: `sha256:{document.id}`")
    return "\n".join(lines)


def _plain_url(url: str) -> bool:
    """Whether the URL can go in an autolink (no spaces, angle brackets or controls)."""
    return url.startswith(("http://", "https://")) and not any(
        c in url for c in " <>\n\t\\") and url == clean(url)


def _note(note: Note, dates: dict[str, str], text: str) -> str:
    """One note; ``dates`` turns a timeline note's TIMEX3 key into its human label. The quote
    is the passage as ``text`` has it now, with the words the note was written on when they
    have changed since."""
    blocks: list[str] = []
    if note.target == "document":
        blocks.append("*On the whole article*")
    elif note.target == "entity" and note.target_key:
        blocks.append(f"*On* {_line(note.target_key)}")
    elif note.target == "timeline" and note.target_key:
        label = dates.get(note.target_key, note.target_key)
        blocks.append(f"*On the date* {_line(label)}")
    quote = current_quote(note, text)
    if quote is not None and quote.exact.strip():
        blocks.append(blockquote(quote.exact))
        if note.quote is not None and note.quote.exact != quote.exact:
            blocks.append(f"*Written on:* “{_line(note.quote.exact)}”")
    if not note.is_highlight:
        blocks.append("\n".join(paragraphs(note.body)))
    blocks.append(_footer(note))
    return "\n\n".join(blocks)


def _footer(note: Note) -> str:
    items = [t for t in (tag(t) for t in note.tags) if t]
    items.append(f"Category: {_line(note.category)}")
    if note.position is not None and note.anchor != "orphaned":
        start, end = note.position.start, note.position.end
        items.append(f"[↗ {start}–{end}]({backref_uri(note.doc_id, start, end)})")
    return " · ".join(items)


def timeline_section(items: Sequence[TimelineItem], many: bool = False,
                     heading: str = "## Timeline") -> str:
    """The timeline as a list; ``many``: each entry links to every article that tells it."""
    lines = [heading, ""]
    for item in items:
        line = f"- **{_line(item.label)}**"
        if item.event.strip():
            line += f" — {_line(item.event)}"
        for event in item.others:
            line += f"; {_line(event)}"
        if item.expressions:
            line += " (" + "; ".join(
                "“" + _line(e) + "”" for e in item.expressions) + ")"
        if item.conflict:
            line += " ≠ dates disagree: " + " / ".join(_line(d) for d in item.conflict)
        if many:
            line += " — " + ", ".join(f"[↗ {_line(s.title)}]({s.backref})"
                                       for s in item.sources)
        else:
            start, end = item.span
            line += f" [↗ {start}–{end}]({item.sources[0].backref})"
        lines.append(line)
        for note in item.notes:
            body = " ".join(line for line in paragraphs(note) if line)
            lines.append(f"    - {body}")
    return "\n".join(lines)


def _entities(clusters: Sequence[Cluster]) -> str:
    groups: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        if cluster.label in _NOT_INDEXED:
            continue
        groups[_LABEL_HEADINGS.get(cluster.label, "Other")].append(cluster)
    order = [*dict.fromkeys(_LABEL_HEADINGS.values()), "Other"]
    lines = ["## Entities"]
    for heading in order:
        members = sorted(groups.get(heading, ()), key=lambda c: (-c.mentions, c.name))
        if not members:
            continue
        lines += ["", f"### {heading}", ""]
        lines += [f"- {_line(c.name)} ({c.label}, {_times(c.mentions)})"
                  for c in members]
    return "\n".join(lines)


def _line(text: str) -> str:
    """A one-line field (title, label, name): runs of whitespace, newlines too, become a space."""
    return escape_inline(" ".join(clean(text).split()))


def _times(count: int) -> str:
    return "1 mention" if count == 1 else f"{count} mentions"
