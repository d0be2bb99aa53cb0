"""Which stored notes belong to a text: the one rule the app, export and import share.

A note belongs to a document when it is keyed by the document's id; when it is keyed by an
earlier version of the same source (its path hint is the document's path or URL); or, for a
note not yet tied to any document (an import, ``doc_id == ""``), when its hint matches or the
text holds its quote with the quote's prefix or suffix (a bare quote only when it is at least
``MIN_BARE_QUOTE`` characters long and occurs once).
"""

from __future__ import annotations

from collections.abc import Collection

from tui.store.model import Note

MIN_BARE_QUOTE = 20  # a quote this long may match without its context, if it occurs once


def belongs(note: Note, doc_id: str, text: str, hints: Collection[str]) -> bool:
    """Whether ``note`` is one of the notes of the document ``doc_id`` with this ``text``."""
    if note.doc_id == doc_id:
        return True
    if note.path_hint and note.path_hint in hints:
        return True
    return not note.doc_id and quote_found(note, text)


def quote_found(note: Note, text: str) -> bool:
    """Whether ``text`` holds the note's quote with its context (or a long unique bare quote)."""
    quote = note.quote
    if quote is None or not quote.exact:
        return False
    if quote.prefix and quote.prefix + quote.exact in text:
        return True
    if quote.suffix and quote.exact + quote.suffix in text:
        return True
    return len(quote.exact) >= MIN_BARE_QUOTE and text.count(quote.exact) == 1
