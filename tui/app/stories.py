"""Where the app's story screens come from: the library, its cast, and the notes.

The app keeps one ``Stories``; it opens the library beside the notes database on first use and
keeps the cast between screens, so each later page only adds what is new.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.app.screens.entity_page import EntityPageScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.screens.story import StoryScreen
from tui.app.story_messages import EntityPageWanted, OpenArticleAt, StoryWanted
from tui.errors import GlossError
from tui.library.cast_source import LibraryCast
from tui.store.library import Library

if TYPE_CHECKING:
    from tui.store.db import Store


class Stories:
    """Builds the entity page, story and reader screens the story messages ask for."""

    def __init__(self, store: Store, model: str | None,
                 library: Library | None = None) -> None:
        self.store = store
        self.model = model
        self._library = library
        self._corpus: LibraryCast | None = None

    def corpus(self) -> LibraryCast:
        """The library's cast (raises ``GlossError`` when the library cannot be opened)."""
        if self._corpus is None:
            library = self._library or Library.open(self.store.path)
            self._library = library
            self._corpus = LibraryCast(library, self.store, self.model)
        return self._corpus

    def entity_page(self, message: EntityPageWanted) -> EntityPageScreen:
        """The page of the entity of the reader's choice (the page finds it off the UI
        thread, once the library's analyses are read)."""
        corpus = self.corpus()
        corpus.add(message.analysis, message.text)
        return EntityPageScreen(corpus, None, self.store.all_notes(),
                                origin=(message.analysis.doc_id, message.cluster))

    def story(self, message: StoryWanted) -> StoryScreen:
        return StoryScreen(self.corpus(), message.doc_ids, message.title, self.store.all_notes())

    def reader(self, message: OpenArticleAt) -> ReaderScreen | str:
        """A reader on the library's snapshot of the article, or why it cannot be opened."""
        from tui.analysis.cache_key import key_for
        from tui.app.run import cached

        corpus = self.corpus()
        document = corpus.library.document(message.doc_id)
        if document is None:
            return "That article is not in the library (its snapshot is missing)"
        settings = self.store.settings(document.id)
        analysis = cached(self.store, document, key_for(self.model, None, None, settings))
        return ReaderScreen(document, store=self.store, analysis=analysis, settings=settings)


__all__ = ["GlossError", "Stories"]
