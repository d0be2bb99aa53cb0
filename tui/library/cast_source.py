"""The library's cast: built from the cached analyses, with the user's merge/split decisions.

The analyses are the ones ``gloss add`` and the reader cache; an article not analysed yet is
simply not in the cast until it is. The decisions are primary data, kept as a small settings
record in the notes store; everything else here is derived and rebuilt on demand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from tui.analysis.cache_key import key_for, usable_analysis
from tui.analysis.model import Analysis
from tui.corpus.cast import Cast, Decision, Merge, Split
from tui.corpus.story import StoryEntry
from tui.store.db import Store
from tui.store.library import Library
from tui.store.model import Note

CAST_SETTINGS = "gloss:cast"  # settings key of the user's merge/split decisions


def decisions_to_json(decisions: Sequence[Decision]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for d in decisions:
        if isinstance(d, Merge):
            out.append({"merge": [d.keep, d.absorb]})
        else:
            out.append({"split": d.entity, "doc": d.member[0], "cluster": d.member[1]})
    return out


def decisions_from_json(data: object) -> list[Decision]:
    """The decisions in ``data``; a malformed record is skipped, never fatal."""
    found: list[Decision] = []
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, dict):
            continue
        merge = item.get("merge")
        if (isinstance(merge, list) and len(merge) == 2
                and all(isinstance(x, str) for x in merge)):
            found.append(Merge(merge[0], merge[1]))
        elif (isinstance(item.get("split"), str) and isinstance(item.get("doc"), str)
              and isinstance(item.get("cluster"), int)):
            found.append(Split(item["split"], (item["doc"], item["cluster"])))
    return found


class LibraryCast:
    """The cast over the library's analysed articles; ``refresh`` adds what is new."""

    def __init__(self, library: Library, store: Store, model: str | None = None) -> None:
        self.library = library
        self.store = store
        self.model = model
        self.cast = Cast(decisions_from_json(store.settings(CAST_SETTINGS).get("decisions")))
        self._keys: dict[str, str] = {}  # doc id → the cache key its analysis was read under
        self._extra: dict[str, str] = {}  # texts of articles outside the library (the reader)

    def refresh(self) -> Cast:
        """Take in every article whose cached analysis is new or changed since last time."""
        for article in self.library.articles():
            key = key_for(self.model, None, None, self.store.settings(article.id))
            if key is None or self._keys.get(article.id) == key:
                continue
            analysis = usable_analysis(self.store.cached_analysis(article.id, key))
            if analysis is not None:
                self.cast.add(analysis)
                self._keys[article.id] = key
        return self.cast

    def add(self, analysis: Analysis, text: str) -> None:
        """An article the reader has open, which may not be in the library."""
        if analysis.doc_id not in self.cast.analyses:
            self.cast.add(analysis)
            self._extra[analysis.doc_id] = text

    def text_of(self, doc_id: str) -> str | None:
        if doc_id in self._extra:
            return self._extra[doc_id]
        document = self.library.document(doc_id)
        return document.text if document is not None else None

    def title_of(self, doc_id: str) -> str:
        article = self.library.get(doc_id)
        return article.title if article is not None else doc_id[:12]

    def decide(self, decision: Decision) -> None:
        """Keep one more decision (in the store first: it is the user's data) and apply it."""
        decisions = [*self.cast.decisions, decision]
        self.store.update_settings(CAST_SETTINGS, decisions=decisions_to_json(decisions))
        self.cast.decide(decisions)


def notes_on(entries: Sequence[StoryEntry], notes: Iterable[Note]) -> list[int]:
    """How many notes touch each entry: notes whose passage overlaps one of its tellings."""
    by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for note in notes:
        if note.position is not None:
            by_doc[note.doc_id].append((note.position.start, note.position.end))
    counts = []
    for entry in entries:
        count = 0
        for telling in entry.sources:
            event = telling.event
            count += sum(1 for a, b in by_doc.get(telling.doc, ())
                         if a < event.end and event.start < b)
        counts.append(count)
    return counts
