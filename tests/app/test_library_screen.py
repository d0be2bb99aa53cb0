"""The library screen, driven with Pilot in a small host app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.app.library_host import LibraryHost
from tui.app.screens.library import LibraryScreen
from tui.app.widgets.article_list import ArticleList, ArticleRow
from tui.document.load import parse_document
from tui.document.model import Document, Metadata
from tui.store.db import Store
from tui.store.library import Library
from tui.store.model import Note

SIZE = (110, 24)
STORIES = {
    "Ferry resumes": ("The ferry to Alder Island resumed on Wednesday after storm damage.\n\n"
                      "Officials said sanctions on the operator were lifted.", "Island Times",
                      "2025-08-06"),
    "Bridge closed": ("Engineers closed the swing bridge over the estuary on Monday.\n\n"
                      "Drivers face a long detour.", "County News", "2025-08-04"),
    "[b]Market[/b] [@click=app.quit]keeps[/] Sundays": (
        "Stallholders voted on Thursday to keep Sunday trading through the winter.",
        "Harbour Post", "2025-08-07"),
}


def document(title: str) -> Document:
    text, source, published = STORIES[title]
    parsed = parse_document(text, "text")
    return Document(parsed.text, parsed.blocks,
                    Metadata(title=title, source=source, published=published))


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "notes.json")
    for number, title in enumerate(STORIES):
        opened.add(document(title), added=f"2025-08-1{number}T09:00:00+00:00")
    return opened


@pytest.fixture
async def running(library: Library, store: Store
                  ) -> AsyncIterator[tuple[LibraryHost, Pilot[None]]]:
    app = LibraryHost(library, store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        yield app, pilot
    library.close()


async def ready(app: LibraryHost, pilot: Pilot[None]) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def titles(app: LibraryHost) -> list[str]:
    return [row.title for row in app.screen.query_one("#library-table", ArticleList).rows]


def cell(app: LibraryHost, doc_id: str, column: str) -> str:
    table = app.screen.query_one("#library-table", ArticleList)
    row = table.row(doc_id)
    assert isinstance(row, ArticleRow)
    return table.cell(row, column)


async def test_lists_every_article_newest_first_with_titles_as_plain_text(
    running: tuple[LibraryHost, Pilot[None]],
) -> None:
    app, _ = running
    assert titles(app) == ["[b]Market[/b] [@click=app.quit]keeps[/] Sundays", "Bridge closed",
                           "Ferry resumes"]
    assert app.is_running  # the title's "action" was text, not a click target


async def test_sort_by_title_and_reverse(running: tuple[LibraryHost, Pilot[None]]) -> None:
    app, pilot = running
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    screen.sort_column, screen.sort_reverse = "published", False
    await pilot.press("S")
    assert titles(app)[0].startswith("[b]Market")
    await pilot.press("s")  # next column after published: added, ascending
    assert titles(app) == ["Ferry resumes", "Bridge closed",
                           "[b]Market[/b] [@click=app.quit]keeps[/] Sundays"]


async def test_filter_line_narrows_the_list(running: tuple[LibraryHost, Pilot[None]]) -> None:
    app, pilot = running
    await pilot.press("slash")
    await pilot.press(*"source:county")
    await ready(app, pilot)
    assert titles(app) == ["Bridge closed"]
    await pilot.press(*[ "backspace"] * len("source:county"), *"before:2025-08-06")
    await ready(app, pilot)
    assert titles(app) == ["Bridge closed"]


async def test_search_shows_hits_in_context_and_opens_at_the_hit(
    running: tuple[LibraryHost, Pilot[None]], library: Library,
) -> None:
    app, pilot = running
    await pilot.press("slash", *"sanction", "enter")
    await ready(app, pilot)
    assert titles(app) == ["Ferry resumes"]
    hits = app.screen.query_one("#library-hits", OptionList)
    assert hits.option_count == 1
    line = hits.get_option_at_index(0).prompt
    assert "sanctions on the operator" in str(line)
    await pilot.press("enter")
    [(doc_id, offset)] = app.opened
    text = STORIES["Ferry resumes"][0]
    assert offset == text.index("sanctions")
    assert library.get(doc_id) is not None


async def test_notes_are_searched_and_counted(library: Library, store: Store) -> None:
    ferry = next(a for a in library.articles() if a.title == "Ferry resumes")
    text = STORIES["Ferry resumes"][0]
    start = text.index("storm")
    store.save(Note.on_passage(ferry.id, text, start, start + 5, body="check the pier photos"))
    app = LibraryHost(library, store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert cell(app, ferry.id, "notes") == "1"
        await pilot.press("slash", *"photos has:notes", "enter")
        await ready(app, pilot)
        assert titles(app) == ["Ferry resumes"]
        await pilot.press("enter")
        assert app.opened == [(ferry.id, start)]


async def test_enter_on_a_row_opens_at_the_reading_position(
    library: Library, store: Store,
) -> None:
    bridge = next(a for a in library.articles() if a.title == "Bridge closed")
    library.set_position(bridge.id, 30)
    app = LibraryHost(library, store)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("down", "enter")
        assert app.opened == [(bridge.id, 30)]


async def test_mark_read_remove_and_undo(running: tuple[LibraryHost, Pilot[None]],
                                         library: Library) -> None:
    app, pilot = running
    await pilot.press("m")
    await ready(app, pilot)
    first = library.articles()[0]
    assert first.read
    assert cell(app, first.id, "read") == "read"
    await pilot.press("slash", *"is:unread", "escape")
    await ready(app, pilot)
    assert titles(app) == ["Bridge closed", "Ferry resumes"]
    await pilot.press("d")
    await ready(app, pilot)
    assert titles(app) == ["Ferry resumes"]
    await pilot.press("u")
    await ready(app, pilot)
    assert titles(app) == ["Bridge closed", "Ferry resumes"]


async def test_a_bad_filter_is_a_message_not_an_error(
    running: tuple[LibraryHost, Pilot[None]],
) -> None:
    app, pilot = running
    await pilot.press("slash", *"before:someday")
    await ready(app, pilot)
    problems = app.screen.query_one("#library-problems")
    assert problems.display
    assert "before: needs a date" in str(problems.render())
    assert len(titles(app)) == 3


def test_library_with_search_results(snap_compare: Callable[..., bool], library: Library,
                                     store: Store) -> None:
    app = LibraryHost(library, store)

    async def search(pilot: Pilot[None]) -> None:
        await ready(app, pilot)
        await pilot.press("slash", *"the", "enter")
        await ready(app, pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=search)


async def test_tags_are_edited_and_filtered_on(running: tuple[LibraryHost, Pilot[None]],
                                               library: Library) -> None:
    app, pilot = running
    await pilot.press("t")
    await pilot.pause()
    await pilot.press(*"ukraine, Talks ,, ukraine", "enter")
    await ready(app, pilot)
    first = library.articles()[0]
    assert first.tags == ("ukraine", "Talks")
    assert cell(app, first.id, "tags") == "ukraine, Talks"
    await pilot.press("slash", *"tag:talks")
    await ready(app, pilot)
    assert titles(app) == [first.title]


async def test_cancelling_the_tag_dialog_changes_nothing(
    running: tuple[LibraryHost, Pilot[None]], library: Library,
) -> None:
    app, pilot = running
    await pilot.press("t")
    await pilot.pause()
    await pilot.press(*"x", "escape")
    await ready(app, pilot)
    assert all(a.tags == () for a in library.articles())
    assert isinstance(app.screen, LibraryScreen)


async def test_a_adds_a_file_and_a_folder_and_reports_what_it_could_not(
    running: tuple[LibraryHost, Pilot[None]], tmp_path: Path,
) -> None:
    app, pilot = running
    folder = tmp_path / "new stories"
    folder.mkdir()
    (folder / "harbour.txt").write_text("The harbour master retired on Friday after forty "
                                        "years of service.")
    (folder / "blob.txt").write_bytes(b"\x00\xff" * 400)
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*f'"{folder}"', "enter")
    await ready(app, pilot)
    assert titles(app)[0].startswith("The harbour master retired")
    assert len(app.added) == 1 and len(app.added[0]) == 1
    assert any("blob.txt" in m and "binary" in m for m in app.notices)


async def test_keys_typed_at_once_after_slash_go_to_the_filter_not_the_table(
    running: tuple[LibraryHost, Pilot[None]], library: Library,
) -> None:
    """As a terminal delivers a fast typist's (or a paste's) keys: in one burst. d removes
    and m marks read in the table, so a key that misses the filter line costs an article."""
    from textual import events

    app, pilot = running
    for key in ("slash", "d", "m"):
        app.post_message(events.Key(key, "/" if key == "slash" else key))
    await ready(app, pilot)
    assert app.screen.query_one("#library-filter", Input).value == "dm"
    assert len(library.articles()) == 3 and not any(a.read for a in library.articles())
