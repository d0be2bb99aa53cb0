"""The library store: one entry per article, versions linked, snapshots, the search index."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tui.document.load import parse_document
from tui.document.model import Document, Metadata
from tui.store.library import Library, canonical_url, library_dir
from tui.store.model import Note

TEXT = ("Talks resumed in Geneva on Monday after a week of silence.\n\n"
        "Delegates said sanctions would be discussed on Thursday.")


def doc(text: str = TEXT, **meta: Any) -> Document:
    document = parse_document(text, "text")
    return Document(document.text, document.blocks, Metadata(**meta))


@pytest.fixture
def library(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Library.open(tmp_path / "notes.json") as opened:
        yield opened


def test_adding_the_same_text_twice_gives_one_entry(library: Library) -> None:
    first = library.add(doc(path="/a/talks.txt"))
    again = library.add(doc(path="/b/moved.txt"))
    assert (first.status, again.status) == ("added", "known")
    assert [a.id for a in library.articles()] == [first.article.id]


def test_same_canonical_url_with_tracking_parameters_is_one_entry(library: Library) -> None:
    library.add(doc(url="https://News.example/talks/?utm_source=feed#top"))
    again = library.add(doc(url="https://news.example/talks"))
    assert again.status == "known"
    assert canonical_url("https://News.example/talks/?utm_source=x&id=3#a") == \
        "https://news.example/talks?id=3"


def test_changed_text_from_a_known_url_is_a_new_version_linked_to_the_old(
    library: Library,
) -> None:
    old = library.add(doc(url="https://news.example/talks")).article
    new = library.add(doc(TEXT + "\n\nUpdated at noon.", url="https://news.example/talks"))
    assert new.status == "version"
    assert new.article.previous == old.id
    assert [a.id for a in library.articles()] == [new.article.id]
    assert {a.id for a in library.articles(every_version=True)} == {old.id, new.article.id}


def test_changed_file_at_the_same_path_is_a_new_version(library: Library,
                                                        tmp_path: Path) -> None:
    path = str(tmp_path / "talks.txt")
    old = library.add(doc(path=path)).article
    new = library.add(doc(TEXT + "\n\nA correction.", path=path))
    assert (new.status, new.article.previous) == ("version", old.id)


def test_snapshot_keeps_the_text_when_the_file_is_gone(tmp_path: Path) -> None:
    source = tmp_path / "gone.txt"
    source.write_text(TEXT)
    from tui.document.load import load_document

    document = load_document(source)
    with Library.open(tmp_path / "notes.json") as library:
        library.add(document)
    source.unlink()
    with Library.open(tmp_path / "notes.json") as library:
        kept = library.document(document.id)
    assert kept is not None and kept.text == document.text and kept.blocks == document.blocks


def test_read_state_position_and_tags_persist(tmp_path: Path) -> None:
    with Library.open(tmp_path / "notes.json") as library:
        doc_id = library.add(doc()).article.id
        library.mark_read(doc_id)
        library.set_position(doc_id, 42)
        library.set_tags(doc_id, ["geneva", " talks ", "geneva"])
    with Library.open(tmp_path / "notes.json") as library:
        article = library.get(doc_id)
    assert article is not None
    assert (article.read, article.position, article.tags) == (True, 42, ("geneva", "talks"))


def test_remove_and_restore(library: Library) -> None:
    article = library.add(doc()).article
    removed = library.remove(article.id)
    assert removed == article and library.articles() == []
    assert library.search("sanctions") == []
    library.restore(article)
    assert [a.id for a in library.articles()] == [article.id]
    assert [h.doc_id for h in library.search("sanctions")] == [article.id]


def test_search_finds_a_word_with_its_offset_and_a_line_around_it(library: Library) -> None:
    other = library.add(doc("A harbour reopened in Lisbon after storms.")).article
    article = library.add(doc()).article
    hits = library.search("Sanction")
    assert [(h.doc_id, h.kind) for h in hits] == [(article.id, "article")]
    hit = hits[0]
    document = library.document(article.id)
    assert document is not None
    assert document.text[hit.offset:].startswith("sanctions")
    assert hit.context[hit.start:hit.end].lower() == "sanction"
    assert "\n" not in hit.context
    assert [h.doc_id for h in library.search("harbour lisbon")] == [other.id]
    assert library.search("geneva harbour") == []


def test_query_syntax_in_search_words_is_only_words(library: Library) -> None:
    library.add(doc())
    for query in ('NEAR(a b)', '"', 'body:talks', '*', 'AND OR NOT', "'; DROP TABLE x"):
        library.search(query)  # never an FTS5 syntax error


def test_notes_are_searched_and_point_at_their_passage(library: Library) -> None:
    article = library.add(doc()).article
    document = library.document(article.id)
    assert document is not None
    note = Note.on_passage(article.id, document.text, 70, 79, body="check the envoy quote")
    library.index_notes([note], "stamp-1")
    hits = library.search("envoy")
    assert [(h.kind, h.note_id, h.offset) for h in hits] == [("note", note.id, 70)]
    library.index_notes([], "stamp-2")
    assert library.search("envoy") == []


def test_index_is_rebuilt_from_snapshots_when_deleted_or_from_another_version(
    tmp_path: Path,
) -> None:
    with Library.open(tmp_path / "notes.json") as library:
        doc_id = library.add(doc()).article.id
    index = library_dir(tmp_path / "notes.json") / "search.sqlite"
    index.unlink()
    with Library.open(tmp_path / "notes.json") as library:
        assert [h.doc_id for h in library.search("geneva")] == [doc_id]
    with sqlite3.connect(index) as db:
        db.execute("UPDATE meta SET value='older' WHERE key='version'")
        db.execute("DELETE FROM articles")
    with Library.open(tmp_path / "notes.json") as library:
        assert library.index.rebuilt
        assert [h.doc_id for h in library.search("geneva")] == [doc_id]


def test_unreadable_index_file_is_rebuilt(tmp_path: Path) -> None:
    with Library.open(tmp_path / "notes.json") as library:
        doc_id = library.add(doc()).article.id
    index = library_dir(tmp_path / "notes.json") / "search.sqlite"
    for leftover in index.parent.glob("search.sqlite-*"):
        leftover.unlink()
    index.write_bytes(b"this is not a database" * 100)
    with Library.open(tmp_path / "notes.json") as library:
        assert [h.doc_id for h in library.search("geneva")] == [doc_id]


def test_library_files_are_private(tmp_path: Path) -> None:
    with Library.open(tmp_path / "notes.json") as library:
        library.add(doc())
    directory = library_dir(tmp_path / "notes.json")
    for path in [directory / "library.json", directory / "search.sqlite",
                 *directory.glob("snapshots/*/*.json")]:
        assert path.stat().st_mode & 0o077 == 0, path


def test_a_hit_in_a_long_paragraph_shows_whole_words_around_it(library: Library) -> None:
    words = " ".join(f"word{i}" for i in range(60))
    library.add(doc(f"{words} ceasefire {words}"))
    [hit] = library.search("ceasefire")
    assert hit.context.startswith("\u2026word") and hit.context.endswith("\u2026")
    assert hit.context[hit.start:hit.end] == "ceasefire"
    assert " wor " not in hit.context and "\u2026ord" not in hit.context


def test_add_once_adds_the_sample_only_the_first_time(library: Library) -> None:
    assert library.add_once(doc(), "sample")
    [article] = library.articles()
    library.remove(article.id)
    assert not library.add_once(doc(), "sample")
    assert library.articles() == []


def test_add_once_is_remembered_by_the_next_open(tmp_path: Path) -> None:
    first = Library.open(tmp_path / "notes.json")
    assert first.add_once(doc(), "sample")
    first.close()
    again = Library.open(tmp_path / "notes.json")
    assert not again.add_once(doc(), "sample")  # the mark is a record the file keeps
    assert len(again.articles()) == 1
    again.close()


def test_the_library_layers_do_not_pull_in_textual_or_spacy() -> None:
    import subprocess
    import sys

    code = ("import sys, tui.store.library, tui.library.add, tui.library.query, "
            "tui.library.sources, tui.library.analyse; "
            "print(sorted(m for m in ('textual', 'spacy', 'tui.app', 'trafilatura', "
            "'feedparser', 'httpx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_an_unreadable_records_file_is_kept_aside_and_the_list_rebuilt(tmp_path: Path) -> None:
    with Library.open(tmp_path / "notes.json") as library:
        doc_id = library.add(doc(title="Talks resume")).article.id
    records = library_dir(tmp_path / "notes.json") / "library.json"
    records.write_bytes(b'{"articles": {"half a fi')
    with Library.open(tmp_path / "notes.json") as library:
        assert library.recovered_from is not None
        assert library.recovered_from.read_bytes() == b'{"articles": {"half a fi'
        assert [(a.id, a.title) for a in library.articles()] == [(doc_id, "Talks resume")]
        assert [h.doc_id for h in library.search("geneva")] == [doc_id]
