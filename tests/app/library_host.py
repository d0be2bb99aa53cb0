"""A small app hosting the library screen for the tests, recording what it asks to open."""

from __future__ import annotations

from typing import Any

from textual.app import App

from tui.app.screens.library import LibraryScreen
from tui.store.db import Store
from tui.store.library import Library


class LibraryHost(App[None]):
    def __init__(self, library: Library, store: Store | None = None) -> None:
        super().__init__()
        self.library = library
        self.store = store
        self.opened: list[tuple[str, int]] = []
        self.added: list[tuple[str, ...]] = []
        self.notices: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(self.library, self.store))

    def on_library_screen_open_article(self, message: LibraryScreen.OpenArticle) -> None:
        self.opened.append((message.doc_id, message.offset))

    def on_library_screen_articles_added(self, message: LibraryScreen.ArticlesAdded) -> None:
        self.added.append(message.doc_ids)

    def notify(self, message: str, **kwargs: Any) -> None:
        self.notices.append(message)
        super().notify(message, **kwargs)
