"""Notes as the CSV that Readwise imports: ``Highlight,Title,Author,URL,Note,Location,Date``.

Highlight is the quoted passage (for a note on the whole article, the article title; for an
entity or date note without a passage, the entity or date). Note is the note text, preceded by
the tags in Readwise's inline form (``.tag``). Location is the passage's start offset, so Readwise
keeps text order. Date is the creation time in UTC, ``YYYY-MM-DD HH:MM:SS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export.common import clean, current_quote, document_title, iso_to_datetime, selected
from tui.export.csv_safe import write_csv
from tui.export.options import ExportOptions
from tui.store.model import Note

HEADER = ("Highlight", "Title", "Author", "URL", "Note", "Location", "Date")


def render(document: Document, notes: Sequence[Note], analysis: Analysis | None,
           options: ExportOptions) -> str:
    del analysis  # Readwise has no place for it
    return write_csv(HEADER, rows(document, notes, options))


def rows(document: Document, notes: Sequence[Note],
         options: ExportOptions) -> list[tuple[str | int, ...]]:
    """One article's rows; a library export writes many articles' rows under one header."""
    title = document_title(document)
    author = clean(document.meta.author or "")
    url = document.meta.url or ""
    return [(_highlight(n, title, document.text), title, author, url, _note_cell(n),
             n.position.start if n.position and n.anchor != "orphaned" else "",
             _date(n.created))
            for n in selected(notes, options)]


def _highlight(note: Note, title: str, text: str) -> str:
    """The passage as the article has it now (the note's quote may predate an edit)."""
    quote = current_quote(note, text)
    if quote is not None and quote.exact.strip():
        return clean(quote.exact)
    return clean(note.target_key or title)


def _note_cell(note: Note) -> str:
    tags = " ".join("." + "-".join(clean(t).split()) for t in note.tags if t.strip())
    body = clean(note.body).strip()
    return f"{tags} {body}".strip() if tags else body


def _date(value: str) -> str:
    parsed = iso_to_datetime(value)
    if parsed is None:
        return clean(value)
    return parsed.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
