"""Helpers every export format shares: note order, document identity, back-references."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import PurePath

from tui.analysis.model import TimelineEntry
from tui.document.model import Document
from tui.export.options import ExportOptions
from tui.store.model import Note, TextQuoteSelector

# Namespace for the name-based UUIDs of collections, pages and calendar events: the same
# document and date always give the same identifier, so re-imports update instead of duplicating.
GLOSS_UUID_NS = uuid.UUID("6f1d2c8e-4b5a-5e7f-9a3c-0d8e1b2f4a6c")

# The JSON-LD term for our own fields, and the IRI it stands for. ``.invalid`` is reserved
# (RFC 2606): the IRI names our vocabulary and is never fetched.
GLOSS_PREFIX = "gloss"
GLOSS_NS_IRI = "https://gloss.invalid/ns#"

# C0 and C1 controls except tab and newline: they never belong in an exported file.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Normalize newlines and drop control characters a user may have typed or pasted."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def document_title(document: Document) -> str:
    """The title to show: metadata title, else the file name, else a neutral label."""
    if document.meta.title and document.meta.title.strip():
        return clean(document.meta.title).strip()
    if document.meta.path:
        return PurePath(document.meta.path).stem
    return "Untitled article"


def document_iri(document: Document) -> str:
    """The W3C target source: the article's URL when known, else its content hash as a URN."""
    return document.meta.url or doc_urn(document.id)


def doc_urn(doc_id: str) -> str:
    return f"urn:sha256:{doc_id}"


def backref_uri(doc_id: str, start: int, end: int) -> str:
    """A link back to a passage: RFC 5147 ``char=`` fragment, offsets in code points."""
    return f"gloss://doc/{doc_id}#char={start},{end}"


def name_uuid(*parts: str) -> str:
    """A stable UUID for the joined parts (used for collections and calendar events)."""
    return str(uuid.uuid5(GLOSS_UUID_NS, "/".join(parts)))


def now_utc(options: ExportOptions) -> datetime:
    return options.now if options.now is not None else datetime.now(UTC)


def selected(notes: Iterable[Note], options: ExportOptions) -> list[Note]:
    """The notes the options ask for, in text order."""
    wanted = [n for n in notes if (options.highlights if n.is_highlight else options.notes)]
    return in_text_order(wanted)


def in_text_order(notes: Iterable[Note]) -> list[Note]:
    """Whole-document notes first, then by position; ties by creation time, then id."""

    def key(note: Note) -> tuple[int, int, int, str, str]:
        if note.position is None:
            return (0, 0, 0, note.created, note.id)
        return (1, note.position.start, note.position.end, note.created, note.id)

    return sorted(notes, key=key)


def current_quote(note: Note, text: str) -> TextQuoteSelector | None:
    """The passage a note is on as ``text`` has it now: exact, prefix and suffix at its
    (re-anchored) position, so the quote and position selectors agree. A note moved or
    fuzzily re-attached quotes the current wording; an orphan, or a note not anchored in
    ``text``, keeps the quote it was written on."""
    quote, position = note.quote, note.position
    if quote is None or position is None or note.anchor == "orphaned":
        return quote
    if not 0 <= position.start <= position.end <= len(text):
        return quote
    if note.anchor == "exact" and text[position.start:position.end] != quote.exact:
        return quote  # never re-anchored against this text: its position is from another
    return TextQuoteSelector.from_text(text, position.start, position.end)


def notes_on_entry(notes: Sequence[Note], entry: TimelineEntry) -> list[Note]:
    """The user's notes attached to one timeline entry (target ``timeline``, key = its value)."""
    return in_text_order(
        n for n in notes if n.target == "timeline" and n.target_key == entry.value)


def other_events(entry: TimelineEntry) -> list[str]:
    """The entry's dated clauses besides its headline event (a merged entry has several)."""
    headline = entry.event.strip()
    return [clean(e).strip() for e in entry.events if e.strip() and e.strip() != headline]


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe, lower-case ASCII slug; empty when nothing usable is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:limit].rstrip("-")


def iso_to_datetime(value: str) -> datetime | None:
    """Parse a stored ISO timestamp (``Z`` accepted); naive values are taken as UTC."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
