"""Which notes the notes panel lists, in what order, and the words it shows for each.

Pure functions over ``Note`` so the panel's behaviour is testable without a screen. A query is
whitespace-separated terms, all of which must hold: a free word matches the body, the quote, the
tags or the entity/timeline key; ``tag:x`` (or ``#x``), ``cat:x`` and ``state:x`` match a prefix of
a tag, the category and the anchoring state (passage notes only: the others are not anchored).
Everything is case-insensitive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tui.store.model import Note

FIELDS = ("tag", "cat", "state")
_SPACE = re.compile(r"\s+")


def quote_text(note: Note, text: str) -> str:
    """The passage as it reads now, or the stored quote when the note lost its place."""
    position = note.position
    if (note.anchor != "orphaned" and position is not None
            and 0 <= position.start < position.end <= len(text)):
        return text[position.start:position.end]
    return note.quote.exact if note.quote else ""


def target_text(note: Note, text: str) -> str:
    """What the note is about, in one line: the quote or the entity/timeline/document."""
    if note.target == "entity":
        return f"Entity: {note.target_key or '?'}"
    if note.target == "timeline":
        return f"Timeline: {note.target_key or '?'}"
    if note.target == "document":
        return "Whole document"
    return quote_text(note, text)


@dataclass(frozen=True)
class Query:
    """A parsed filter: free words and ``field:value`` prefixes, all casefolded."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    states: tuple[str, ...] = ()

    @classmethod
    def parse(cls, query: str) -> Query:
        words: list[str] = []
        fields: dict[str, list[str]] = {name: [] for name in FIELDS}
        for term in query.casefold().split():
            name, colon, value = term.partition(":")
            if colon and name in fields:
                if value.lstrip("#"):
                    fields[name].append(value.lstrip("#"))
            elif term.startswith("#") and len(term) > 1:
                fields["tag"].append(term[1:])
            else:
                words.append(term)
        return cls(tuple(words), tuple(fields["tag"]), tuple(fields["cat"]),
                   tuple(fields["state"]))

    def matches(self, note: Note, text: str) -> bool:
        tags = [tag.casefold() for tag in note.tags]
        if not all(any(tag.startswith(value) for tag in tags) for value in self.tags):
            return False
        category = note.category.casefold()
        if not all(category.startswith(value) for value in self.categories):
            return False
        if self.states and note.target != "passage":
            return False  # only a passage is anchored: a note on the document has no state
        if not all(note.anchor.startswith(value) for value in self.states):
            return False
        if not self.words:
            return True
        quote = note.quote.exact if note.quote else ""
        haystack = "\n".join((note.body, quote, quote_text(note, text), " ".join(note.tags),
                              note.target_key or "")).casefold()
        return all(word in haystack for word in self.words)


def matches(note: Note, query: str, text: str) -> bool:
    """Whether ``note`` passes every term of ``query`` (an empty query passes everything)."""
    return Query.parse(query).matches(note, text)


def _text_order(note: Note) -> tuple[int, int, str]:
    if note.anchor == "orphaned":
        return (3, 0, note.created)
    if note.target == "document":
        return (0, 0, note.created)
    if note.position is None:
        return (1, 0, note.created)
    return (2, note.position.start, note.created)


def sort_notes(notes: Iterable[Note], newest_first: bool = False) -> list[Note]:
    """Text order (whole-document notes, then by position, orphans last) or newest first."""
    if newest_first:
        return sorted(notes, key=lambda n: (n.modified, n.created), reverse=True)
    return sorted(notes, key=_text_order)


def filter_notes(notes: Sequence[Note], query: str, text: str) -> list[Note]:
    parsed = Query.parse(query)
    if parsed == Query():
        return list(notes)
    return [note for note in notes if parsed.matches(note, text)]


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, whitespace collapsed, cut at a word."""
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"

