"""The reader opens the sample, moves around, jumps between entities, toggles types, searches."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.app.conftest import screen_text, settle
from tui.app.app import GlossApp
from tui.app.screens.help import HelpScreen
from tui.app.widgets.legend import LegendChip

AppPilot = tuple[GlossApp, Pilot[None]]





async def test_text_and_highlights_appear(sample_app: AppPilot) -> None:
    app, _ = sample_app
    assert app.reader.analysis is not None
    text = app.reader.document.text
    labels = {text[e.start:e.end]: e.label for e in app.reader.analysis.entities}
    assert labels["Vladimir Putin"] == "PERSON"
    assert "Steve Witkoff" in screen_text(app)
    chips = {c.key: c.count for c in app.reader.query(LegendChip)}
    assert chips["person"] > 10 and chips["date"] >= 8


async def test_e_moves_to_the_next_entity_and_status_describes_it(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    text = app.reader.document.text
    await pilot.press("e", "e")
    view = app.reader.article
    here = view.highlights.at(view.cursor)
    assert here is not None and here.start == view.cursor
    await pilot.press("E")
    assert view.highlights.at(view.cursor) is not None
    assert text[view.cursor:].startswith(("very soon", "US", "Donald"))


async def test_m_cycles_the_mentions_of_one_person(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    view = app.reader.article
    text = app.reader.document.text
    view.move_cursor(text.index("Putin"))
    seen = set()
    for _ in range(4):
        await pilot.press("m")
        seen.add(view.cursor)
        assert text[view.cursor:].startswith(("Putin", "Vladimir Putin"))
    assert len(seen) >= 3


async def test_number_key_hides_a_type_and_e_skips_it(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    await pilot.press("1")  # Person
    assert "person" in app.reader.hidden
    view = app.reader.article
    for _ in range(12):
        await pilot.press("e")
        here = view.highlights.at(view.cursor)
        assert here is not None and here.category != "person"
    await pilot.press("1")
    assert "person" not in app.reader.hidden


async def test_clicking_a_legend_chip_toggles_it(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    await pilot.click("LegendChip.chip--org")
    assert "org" in app.reader.hidden


async def test_paging_and_top_bottom_move_the_view(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    view = app.reader.article
    await pilot.resize_terminal(100, 20)
    await pilot.pause(0.3)
    await pilot.press("space")
    assert view.scroll_offset.y > 0
    await pilot.press("G")
    assert view.cursor >= len(app.reader.document.text) - 2
    await pilot.press("g")
    assert view.cursor == 0 and view.scroll_offset.y == 0


async def test_sentence_and_word_motions(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    view = app.reader.article
    await pilot.press("right_parenthesis")
    second = view.cursor
    assert any(s == second for s, _ in app.reader.analysis.sentences)  # type: ignore[union-attr]
    await pilot.press("w")
    assert view.cursor > second and app.reader.document.text[view.cursor - 1].isspace()


async def test_search_finds_every_match_and_n_cycles(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    await pilot.press("slash")
    await pilot.press(*"kremlin")
    await pilot.press("enter")
    text = app.reader.document.text
    assert len(app.reader.search_hits) == text.count("Kremlin")
    first = app.reader.article.cursor
    assert text[first:first + 7] == "Kremlin"
    await pilot.press("n")
    assert app.reader.article.cursor > first
    await pilot.press("n")
    assert app.reader.article.cursor == first  # wraps around


async def test_help_lists_the_keys_from_the_bindings(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen)
    shot = screen_text(app)
    assert "Next entity" in shot and "Search" in shot
    await pilot.press("escape")
    assert not isinstance(app.screen, HelpScreen)


async def test_untrusted_text_is_shown_literally(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tui.document.load import load_document

    path = tmp_path / "evil.txt"
    path.write_text("Click [@click=app.quit]here[/] or [bold]x[/bold] "
                    "[link=file:///etc/passwd]y[/link] \x1b]0;owned\x07 done.\n")
    app = make_app(load_document(str(path)))
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(app, pilot)
        shot = screen_text(app)
        assert "[@click=app.quit]here[/]" in shot
        assert "[bold]x[/bold]" in shot
        assert "\x1b" not in app.reader.document.text and "␛" in app.reader.document.text
        await pilot.click("ArticleView", offset=(8, 0))
        await pilot.pause()
        assert app.is_running


async def test_palette_offers_every_described_key_binding(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    titles = {c.title for c in app.get_system_commands(app.screen)}
    assert {"Next entity", "Search", "Timeline", "Annotate", "Export"} <= titles
    await pilot.press("ctrl+p")
    await pilot.press(*"next entity")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    assert app.reader.article.highlights.at(app.reader.article.cursor) is not None


async def test_while_selecting_the_legend_names_highlight_categories(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    await pilot.press("s")
    shot = screen_text(app)
    assert "3 question" in shot and "1 Person" not in shot
    await pilot.press("escape")
    assert "1 Person" in screen_text(app)


async def test_without_a_pipeline_the_text_opens_and_says_what_to_install(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tui.app.runner import AnalysisRunner
    from tui.document.load import load_document

    app = GlossApp(load_document(None),
                   runner=AnalysisRunner("en_core_web_missing", "thread", preload=False))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        shot = screen_text(app)
        assert "Steve Witkoff" in shot or "good chance" in shot
        assert "'en_core_web_missing' is not installed" in shot


async def test_the_chosen_theme_is_kept_for_next_time(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "nord"
        await app.workers.wait_for_complete()  # kept off the UI thread
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
