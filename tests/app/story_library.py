"""A library of the invented story's articles, added and analysed as ``gloss add`` does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.corpus.articles import ARTICLES
from tui.analysis.cache_key import key_for
from tui.analysis.model import Analysis
from tui.analysis.pipeline import analyze_document
from tui.document.model import Document, Metadata
from tui.store.db import Store
from tui.store.library import Library

TITLES = {"announced": "Voss and Petrak to meet in Geneva", "postponed": "Tessel summit postponed",
          "football": "Voss scores twice for Lanford", "held": "Summit held, dam deal signed",
          "contradiction": "State media: summit on 13 March"}


def story_documents() -> dict[str, Document]:
    """The articles by their short name, with their titles, dates and date orders."""
    return {name: Document(text, meta=Metadata(title=TITLES[name], source="Invented Wire",
                                               published=dct, published_from="metadata",
                                               date_order=order))  # type: ignore[arg-type]
            for name, dct, order, text in ARTICLES}


def analyse_all(nlp: Any, documents: dict[str, Document]) -> dict[str, Analysis]:
    return {name: analyze_document(doc, nlp) for name, doc in documents.items()}


@dataclass
class StoryLibrary:
    store: Store
    library: Library
    documents: dict[str, Document]  # by short name
    analyses: dict[str, Analysis]

    def id(self, name: str) -> str:
        return self.documents[name].id


def make_story_library(tmp_path: Path, documents: dict[str, Document],
                       analyses: dict[str, Analysis]) -> StoryLibrary:
    """Store and library in ``tmp_path`` with every article added and its analysis cached."""
    store = Store.open(tmp_path / "notes.json")
    library = Library.open(tmp_path / "notes.json")
    library.add_many(list(documents.values()))
    for name, document in documents.items():
        key = key_for(None, None, None, store.settings(document.id))
        assert key is not None
        store.cache_analysis(document.id, key, analyses[name].to_json())
    library.close()  # the app opens its own, as it would beside a real notes database
    return StoryLibrary(store, library, documents, analyses)
