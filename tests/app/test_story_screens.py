"""The entity page and the story timeline, driven through the real app over a real library."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.app.conftest import screen_text
from tests.app.library_host import LibraryHost
from tests.app.story_library import (
    StoryLibrary,
    analyse_all,
    make_story_library,
    story_documents,
)
from tui.analysis.model import Analysis
from tui.app.app import GlossApp
from tui.app.screens.entity_page import EntityPageScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.screens.story import StoryScreen
from tui.app.story_messages import StoryWanted
from tui.app.widgets.story_list import entry_day
from tui.app.widgets.time_axis import bucket_of
from tui.document.model import Document
from tui.library.cast_source import CAST_SETTINGS, LibraryCast
from tui.store.library import Library
from tui.store.model import Note

SIZE = (110, 32)


@pytest.fixture(scope="module")
def analysed(nlp: Any) -> tuple[dict[str, Document], dict[str, Analysis]]:
    documents = story_documents()
    return documents, analyse_all(nlp, documents)


@pytest.fixture
def lib(tmp_path: Path, analysed: tuple[dict[str, Document], dict[str, Analysis]]
        ) -> StoryLibrary:
    return make_story_library(tmp_path, *analysed)


def reader_app(lib: StoryLibrary, name: str = "contradiction") -> GlossApp:
    return GlossApp(lib.documents[name], analysis=lib.analyses[name], store=lib.store)


async def settled(app: GlossApp, pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def voss_offset(lib: StoryLibrary, name: str = "contradiction") -> int:
    analysis = lib.analyses[name]
    return next(e.start for e in analysis.entities
                if "Voss" in analysis.clusters[e.cluster].name)


async def open_voss_page(app: GlossApp, pilot: Pilot[None], lib: StoryLibrary
                         ) -> EntityPageScreen:
    await settled(app, pilot)
    app.reader.go_to(voss_offset(lib))
    await pilot.press("o")
    await settled(app, pilot)
    screen = app.screen
    assert isinstance(screen, EntityPageScreen)
    return screen


@pytest.fixture
async def voss_page(lib: StoryLibrary
                    ) -> AsyncIterator[tuple[GlossApp, Pilot[None], EntityPageScreen]]:
    app = reader_app(lib)
    async with app.run_test(size=SIZE) as pilot:
        yield app, pilot, await open_voss_page(app, pilot, lib)


async def test_the_page_lists_the_articles_mentions_and_timeline_of_one_person(
    voss_page: tuple[GlossApp, Pilot[None], EntityPageScreen], lib: StoryLibrary,
) -> None:
    app, _, screen = voss_page
    page = screen.page
    assert page is not None and page.entity.name == "Mara Voss"
    docs = {doc for doc, _ in page.articles}
    assert {lib.id("announced"), lib.id("contradiction")} <= docs
    assert lib.id("football") not in docs  # the footballer namesake is someone else
    assert all(m.doc in docs for m in page.mentions)
    summit = next(e for e in screen.timeline.entries if e.lemma == "summit")
    assert len(summit.docs) >= 2 and summit.conflict
    text = screen_text(app)
    assert "Mara Voss" in text and "articles" in text and "≠" in text


async def test_enter_on_a_mention_opens_that_article_at_the_mention(
    voss_page: tuple[GlossApp, Pilot[None], EntityPageScreen],
) -> None:
    app, pilot, screen = voss_page
    assert screen.page is not None
    await pilot.press("m", "end")
    await pilot.pause()
    wanted = screen.page.mentions[-1]
    await pilot.press("enter")
    await settled(app, pilot)
    reader = app.screen
    assert isinstance(reader, ReaderScreen) and reader is not app.reader
    assert reader.document.id == wanted.doc
    assert reader.article.cursor == wanted.start
    await pilot.press("escape", "q")  # q leaves the app from the reader; here it is back
    await settled(app, pilot)


async def test_a_merge_is_kept_in_the_store_and_wins_next_time(
    voss_page: tuple[GlossApp, Pilot[None], EntityPageScreen], lib: StoryLibrary,
) -> None:
    app, pilot, screen = voss_page
    await pilot.press("M")
    await pilot.pause()
    await pilot.press(*"Henrik", "enter")
    await settled(app, pilot)
    assert screen.page is not None
    assert lib.id("football") in {doc for doc, _ in screen.page.articles}
    kept = lib.store.settings(CAST_SETTINGS)["decisions"]
    assert len(kept) == 1 and kept[0]["merge"][0] == screen.entity_id
    again = LibraryCast(Library.open(lib.store.path), lib.store).refresh()
    football = lib.analyses["football"]
    henrik = next(c.id for c in football.clusters if "Henrik" in c.name)
    assert again.entity_of(lib.id("football"), henrik) == screen.entity_id


async def test_splitting_a_mentions_alias_off_takes_its_article_out(
    voss_page: tuple[GlossApp, Pilot[None], EntityPageScreen], lib: StoryLibrary,
) -> None:
    app, pilot, screen = voss_page
    assert screen.page is not None
    told = lib.id("contradiction")  # "Voss" alone there: the alias group to split off
    await pilot.press("m")
    at = next(i for i, m in enumerate(screen.page.mentions) if m.doc == told)
    screen.query_one("#entity-mentions", OptionList).highlighted = at
    await pilot.press("X")
    await settled(app, pilot)
    assert told not in {doc for doc, _ in screen.page.articles}
    assert lib.store.settings(CAST_SETTINGS)["decisions"][0]["doc"] == told


async def test_o_off_a_name_says_what_to_do(lib: StoryLibrary) -> None:
    app = reader_app(lib)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        text = lib.documents["contradiction"].text
        app.reader.go_to(text.index(" between "))
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is app.reader
        assert "Put the cursor on a name" in screen_text(app)


def summit_ids(lib: StoryLibrary) -> tuple[str, ...]:
    return tuple(lib.id(n) for n in ("announced", "postponed", "held", "contradiction"))


async def test_the_story_merges_the_summit_marks_the_conflict_and_counts_notes(
    lib: StoryLibrary,
) -> None:
    held = lib.documents["held"]
    at = held.text.index("summit")
    lib.store.add(Note.on_passage(held.id, held.text, at, at + len("summit"), body="when?"))
    app = reader_app(lib)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.post_message(StoryWanted(summit_ids(lib), "tag:summit"))
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        summit = next(e for e in screen.entries if e.lemma == "summit")
        assert set(summit.docs) == set(summit_ids(lib)) and summit.conflict
        dated = [e.group == "dated" for e in screen.entries]
        assert dated == sorted(dated, reverse=True)  # the vague and undated come last
        text = screen_text(app)
        assert "Story: tag:summit" in text and "4 articles" in text
        assert "≠" in text and "✎1" in text
        assert lib.id("football") not in {d for e in screen.entries for d in e.docs}


async def test_the_axis_follows_the_list_and_zooms(lib: StoryLibrary) -> None:
    app = reader_app(lib)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.post_message(StoryWanted(summit_ids(lib), "summit"))
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        axis = screen.axis
        zooms = [axis.zoom]
        for _ in range(len(screen.entries)):
            entry = screen.timeline.selected_entry
            assert entry is not None
            day = entry_day(screen.entries[entry])
            expected = bucket_of(day, axis.zoom) if day is not None else None
            assert axis.strip.selected == expected  # vague entries stay off the axis
            await pilot.press("down")
            await pilot.pause()
        await pilot.press("minus")
        await pilot.pause()
        zooms.append(axis.zoom)
        await pilot.press("plus", "plus")
        await pilot.pause()
        zooms.append(axis.zoom)
        assert zooms == ["day", "week", "day"]  # the finest that fits, out one, back in


async def test_the_librarys_T_asks_for_the_story_of_the_listed_articles(
    lib: StoryLibrary,
) -> None:
    library = Library.open(lib.store.path)
    asked: list[StoryWanted] = []

    def hook(message: Message) -> None:
        if isinstance(message, StoryWanted) and message not in asked:  # seen as it bubbles
            asked.append(message)

    app = LibraryHost(library, lib.store)
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("T")
        await pilot.pause()
    library.close()
    assert len(asked) == 1 and set(asked[0].doc_ids or ()) == {
        d.id for d in lib.documents.values()}


def test_entity_page_snapshot(snap_compare: Callable[..., bool], lib: StoryLibrary) -> None:
    app = reader_app(lib)

    async def ready(pilot: Pilot[None]) -> None:
        await open_voss_page(app, pilot, lib)

    assert snap_compare(app, terminal_size=(100, 28), run_before=ready)


def test_story_snapshot(snap_compare: Callable[..., bool], lib: StoryLibrary) -> None:
    app = reader_app(lib)

    async def ready(pilot: Pilot[None]) -> None:
        await settled(app, pilot)
        app.post_message(StoryWanted(summit_ids(lib), "summit"))
        await settled(app, pilot)
        await pilot.press("down", "down")

    assert snap_compare(app, terminal_size=(100, 28), run_before=ready)


async def test_ctrl_e_writes_the_story_and_asks_before_replacing(
    lib: StoryLibrary, tmp_path: Path,
) -> None:
    target = tmp_path / "out" / "summit.ics"
    target.parent.mkdir()
    app = reader_app(lib)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.post_message(StoryWanted(summit_ids(lib), "summit"))
        await settled(app, pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        await pilot.click("#format-ics")
        path = dialog.query_one("#story-export-path", Input)
        assert path.value == "summit-timeline.ics"
        path.value = str(target)
        path.focus()
        await pilot.press("enter")
        await settled(app, pilot)
        assert "BEGIN:VCALENDAR" in target.read_text()
        assert "gloss://doc/" in target.read_text().replace("\r\n ", "")
        target.write_text("mine")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.click("#format-ics")
        app.screen.query_one("#story-export-path", Input).value = str(target)
        app.screen.query_one("#story-export-path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text() == "mine"  # one Enter only warns
        assert "exists" in screen_text(app)
        await pilot.press("enter")
        await settled(app, pilot)
        assert "BEGIN:VCALENDAR" in target.read_text()


async def test_a_date_has_no_page_and_the_reader_says_so(lib: StoryLibrary) -> None:
    app = reader_app(lib)
    told: list[str] = []
    notify = app.notify

    def record(message: str, **kwargs: Any) -> None:
        told.append(message)
        notify(message, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.reader.go_to(lib.documents["contradiction"].text.index("13 March"))
        await pilot.press("o")
        await settled(app, pilot)
        assert app.screen is app.reader
        assert any(t.startswith("Only names") for t in told)
