"""The library's cast: decisions kept in the store, and incremental refresh from the cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.app.story_library import analyse_all, make_story_library, story_documents
from tui.analysis.model import Analysis
from tui.corpus.cast import Decision, Merge, Split
from tui.document.model import Document
from tui.library.cast_source import (
    CAST_SETTINGS,
    LibraryCast,
    decisions_from_json,
    decisions_to_json,
    notes_on,
)
from tui.store.library import Library
from tui.store.model import Note


def test_decisions_round_trip_and_malformed_records_are_skipped() -> None:
    decisions: list[Decision] = [Merge("person/a", "person/b"), Split("person/a", ("doc", 3))]
    assert decisions_from_json(decisions_to_json(decisions)) == decisions
    assert decisions_from_json([{"merge": ["a"]}, {"split": 1}, "x", {"merge": ["a", "b"]}]) == [
        Merge("a", "b")]
    assert decisions_from_json({"not": "a list"}) == []


@pytest.fixture(scope="module")
def analysed(nlp: Any) -> tuple[dict[str, Document], dict[str, Analysis]]:
    documents = story_documents()
    return documents, analyse_all(nlp, documents)


def test_refresh_adds_only_new_analyses_and_decisions_survive_reopening(
    tmp_path: Path, analysed: tuple[dict[str, Document], dict[str, Analysis]],
) -> None:
    documents, analyses = analysed
    first = {k: v for k, v in documents.items() if k != "held"}
    lib = make_story_library(tmp_path, first, analyses)
    with Library.open(lib.store.path) as library:
        corpus = LibraryCast(library, lib.store)
        cast = corpus.refresh()
        assert set(cast.analyses) == {d.id for d in first.values()}
        kept = cast.analyses[lib.id("announced")]
        lib2 = make_story_library(tmp_path, {"held": documents["held"]}, analyses)
        assert corpus.refresh().analyses[lib.id("announced")] is kept  # not read again
        assert lib2.id("held") in cast.analyses
        voss = cast.find("Mara Voss")
        henrik = cast.find("Henrik Voss")
        assert voss is not None and henrik is not None
        corpus.decide(Merge(voss.id, henrik.id))
        assert lib.store.settings(CAST_SETTINGS)["decisions"] == [
            {"merge": [voss.id, henrik.id]}]
        again = LibraryCast(library, lib.store).refresh()
        assert again.entities()[voss.id].members == cast.entities()[voss.id].members


def test_notes_count_on_the_entries_whose_passage_they_touch(
    tmp_path: Path, analysed: tuple[dict[str, Document], dict[str, Analysis]],
) -> None:
    from tui.corpus.story import story

    documents, analyses = analysed
    lib = make_story_library(tmp_path, documents, analyses)
    with Library.open(lib.store.path) as library:
        cast = LibraryCast(library, lib.store).refresh()
        entries = story(cast)
        held = documents["held"]
        at = held.text.index("summit")
        touching = Note.on_passage(held.id, held.text, at - 4, at + 3)
        apart = Note.on_passage(held.id, held.text, 0, 3)
        counts = notes_on(entries, [touching, apart])
        summit = next(i for i, e in enumerate(entries) if e.lemma == "summit")
        assert counts[summit] == 1 and sum(counts) == 1
