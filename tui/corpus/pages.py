"""What an entity page shows, computed from the cast: no widgets here, only the data.

The page lists the articles that name the entity with their counts, every mention with one
line of context around it, and the entity's events across articles, placed and ordered. The
texts come from the caller (the store's article snapshots), so this stays pure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.corpus.cast import Cast, LibraryEntity
from tui.corpus.story import StoryEntry, story

CONTEXT_CHARS = 40  # characters of context kept on each side of a mention


@dataclass(frozen=True)
class MentionInContext:
    """One mention with the words around it on its own line, for a one-line list row."""

    doc: str
    start: int
    end: int
    before: str
    text: str
    after: str


@dataclass(frozen=True)
class EntityPage:
    entity: LibraryEntity
    articles: tuple[tuple[str, int], ...]  # (doc id, mentions), most mentions first
    mentions: tuple[MentionInContext, ...]  # by article, then offset
    events: tuple[StoryEntry, ...]  # dated in time order, then vague and undated


def context_line(text: str, start: int, end: int,
                 width: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(before, mention, after): at most ``width`` characters each side, never past the
    mention's line, cut at a word where one is near, whitespace runs collapsed."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lo = max(line_start, start - width)
    hi = min(line_end, end + width)
    before, after = text[lo:start], text[end:hi]
    if lo > line_start and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if hi < line_end and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return " ".join(before.split()) + (" " if before[-1:].isspace() else ""), \
        " ".join(text[start:end].split()), \
        (" " if after[:1].isspace() else "") + " ".join(after.split())


def entity_page(cast: Cast, entity_id: str, text_of: Callable[[str], str | None],
                width: int = CONTEXT_CHARS) -> EntityPage | None:
    """The page of one library entity; ``text_of(doc id)`` gives an article's text (None when
    the library no longer has it: its mentions are then left out)."""
    entity = cast.entities().get(entity_id)
    if entity is None:
        return None
    mentions = []
    texts: dict[str, str | None] = {}
    for doc, start, end in cast.mentions(entity_id):
        if doc not in texts:
            texts[doc] = text_of(doc)
        text = texts[doc]
        if text is None or end > len(text):
            continue
        before, said, after = context_line(text, start, end, width)
        mentions.append(MentionInContext(doc, start, end, before, said, after))
    return EntityPage(entity, tuple(cast.articles(entity_id)), tuple(mentions),
                      tuple(story(cast, entity=entity_id)))
