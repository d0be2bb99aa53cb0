"""The library's article list, driven with Pilot: only visible rows drawn, keys, mouse, sorting."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.color import Color
from textual.geometry import Region
from textual.strip import Strip

from tui.app.palette import MINIMUM_CONTRAST, contrast
from tui.app.widgets.article_list import ArticleList, ArticleRow
from tui.resources import styles_dir

SIZE = (100, 24)


def row(number: int, title: str | None = None, **changes: object) -> ArticleRow:
    values: dict[str, object] = {
        "key": f"doc{number:05d}", "title": title or f"Article {number:05d}",
        "source": f"Source {number % 7}", "published": f"2025-{1 + number % 12:02d}-01",
        "added": f"2025-08-{1 + number % 28:02d}T09:00:00+00:00", "words": 100 + number,
        "notes": number % 3, "read": number % 5 == 0, "position": 0, "length": 0, "tags": (),
    }
    values.update(changes)
    return ArticleRow(**values)  # type: ignore[arg-type]


class CountingList(ArticleList):
    """Counts the rows asked for, to show that only the visible region is drawn."""

    def __init__(self) -> None:
        super().__init__(id="list")
        self.rendered = 0

    def render_line(self, y: int) -> Strip:
        self.rendered += 1
        return super().render_line(y)


class Host(App[None]):
    CSS_PATH = str(Path(styles_dir()) / "library.tcss")

    def __init__(self, rows: list[ArticleRow]) -> None:
        super().__init__()
        self.rows = rows
        self.highlighted: list[str] = []
        self.selected: list[str] = []
        self.sorted: list[tuple[str, bool]] = []

    def compose(self) -> ComposeResult:
        yield CountingList()

    def on_mount(self) -> None:
        table = self.query_one(CountingList)
        table.set_rows(self.rows)
        table.focus()

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        self.highlighted.append(message.row.key)

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        self.selected.append(message.row.key)

    def on_article_list_sorted(self, message: ArticleList.Sorted) -> None:
        self.sorted.append((message.column, message.reverse))


def visible(table: ArticleList) -> range:
    """Indexes of the rows on screen, under the header."""
    top = table.scroll_offset.y
    return range(top, min(len(table.rows), top + table.scrollable_content_region.height - 1))


def line(table: ArticleList, index: int) -> str:
    """The text drawn for row ``index`` (scrolled onto the screen's second line)."""
    return table._row(index, table.scrollable_content_region.width, cursor=False).text


async def test_ten_thousand_rows_draw_only_the_visible_region() -> None:
    app = Host([row(n) for n in range(10_000)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(CountingList)
        height = table.size.height
        for key in ("pagedown", "pagedown", "end", "pageup", "home"):
            table.rendered = 0
            await pilot.press(key)
            await pilot.pause()
            assert 0 < table.rendered <= height
        assert table.cursor_row == 0 and table.scroll_offset.y == 0


async def test_cursor_and_scroll_keys_keep_the_cursor_on_screen() -> None:
    app = Host([row(n) for n in range(200)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(CountingList)
        page = table.scrollable_content_region.height - 1
        await pilot.press("j", "down")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert table.cursor_row == 1 + page
        await pilot.press("space")
        await pilot.pause()
        assert table.cursor_row == 1 + 2 * page
        assert table.cursor_row in visible(table)
        await pilot.press("pageup")
        await pilot.pause()
        assert table.cursor_row == 1 + page and table.cursor_row in visible(table)
        await pilot.press("G")
        await pilot.pause()
        assert table.cursor_row == 199 and 199 in visible(table)
        await pilot.press("up", "home")
        await pilot.pause()
        assert table.cursor_row == 0 and table.scroll_offset.y == 0
        await pilot.press("end", "g")
        await pilot.pause()
        assert table.cursor_row == 0
        assert app.highlighted[-1] == table.rows[0].key
        await pilot.press("enter")
        assert app.selected == [table.rows[0].key]


async def test_sort_keys_cycle_the_column_and_reverse_it() -> None:
    rows = [row(1, "banana", words=5), row(2, "Apple", words=9), row(3, "cherry", words=1)]
    app = Host(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(CountingList)
        table.sort_by("words", False)
        await pilot.pause()
        assert [r.title for r in table.rows] == ["cherry", "banana", "Apple"]
        table.sort_by("title", False)
        await pilot.pause()
        assert [r.title for r in table.rows] == ["Apple", "banana", "cherry"]
        await pilot.press("S")
        await pilot.pause()
        assert [r.title for r in table.rows] == ["cherry", "banana", "Apple"]
        await pilot.press("s")  # the next column, ascending
        await pilot.pause()
        assert (table.sort_column, table.sort_reverse) == ("source", False)
        assert app.sorted[-2:] == [("title", True), ("source", False)]
        assert "Source \u25b2" in table.render_line(0).text


async def test_sorting_keeps_the_cursor_on_its_article() -> None:
    app = Host([row(n) for n in range(50)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(CountingList)
        await pilot.press("down", "down", "down")
        key = table.rows[3].key
        table.sort_by("title", True)
        await pilot.pause()
        assert table.current is not None and table.current.key == key
        assert table.cursor_row in visible(table)


async def test_clicking_a_header_sorts_by_it_and_again_reverses() -> None:
    app = Host([row(n) for n in range(30)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(CountingList)
        header = table.render_line(0).text
        x = header.index("Words")
        await pilot.click(CountingList, offset=(x, 0))
        await pilot.pause()
        assert (table.sort_column, table.sort_reverse) == ("words", False)
        assert [r.words for r in table.rows] == sorted(r.words for r in table.rows)
        await pilot.click(CountingList, offset=(x, 0))
        await pilot.pause()
        assert (table.sort_column, table.sort_reverse) == ("words", True)
        assert table.rows[0].words == max(r.words for r in table.rows)


async def test_a_click_moves_the_cursor_and_a_second_click_opens() -> None:
    app = Host([row(n) for n in range(30)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(CountingList)
        await pilot.click(CountingList, offset=(5, 4))  # the fourth row under the header
        await pilot.pause()
        assert table.cursor_row == 3
        assert app.selected == []
        await pilot.click(CountingList, offset=(5, 4))
        await pilot.pause()
        assert app.selected == [table.rows[3].key]


async def test_the_wheel_scrolls_the_rows_and_leaves_the_cursor() -> None:
    app = Host([row(n) for n in range(10_000)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(CountingList)
        table.rendered = 0
        table.post_message(events.MouseScrollDown(table, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert table.scroll_offset.y > 0
        assert table.cursor_row == 0
        assert 0 < table.rendered <= table.size.height


async def test_a_resize_keeps_the_cursor_row_on_screen() -> None:
    app = Host([row(n) for n in range(500)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(CountingList)
        for _ in range(30):
            await pilot.press("down")
        await pilot.pause()
        await pilot.resize_terminal(60, 8)
        await pilot.pause()
        await pilot.pause()
        assert table.cursor_row == 30
        assert 30 in visible(table)
        assert table.render_line(0).cell_length == table.scrollable_content_region.width


async def test_outside_text_is_plain_with_control_characters_made_visible() -> None:
    rows = [row(1, "[b]Bold[/b] [@click=app.quit]quit[/]", source="[red]wire[/red]"),
            row(2, "Bell\x07 and \x1b[31mescape\nnewline", tags=("a\x00b",))]
    app = Host(rows)
    async with app.run_test(size=(160, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(CountingList)
        table.sort_by("title", False)
        await pilot.pause()
        first, second = line(table, 0), line(table, 1)
        assert "[b]Bold[/b] [@click=app.quit]quit[/]" in first
        assert "[red]wire" in first
        assert "Bell\u2407 and \u241b[31mescape newline" in second
        assert "a\u2400b" in second
        assert not any(ch in first + second for ch in "\x07\x1b\x00\n")
        assert app.is_running


async def test_long_and_wide_titles_are_cut_with_an_ellipsis_to_the_column() -> None:
    wide = "\u6771\u4eac\u306e\u5929\u6c17" * 20  # two cells each
    app = Host([row(1, wide), row(2, "x" * 300)])
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(CountingList)
        width = table.scrollable_content_region.width
        for index in range(2):
            strip = table._row(index, width, cursor=False)
            assert strip.cell_length == width
            assert "\u2026" in strip.text
        assert cell_len(table.render_line(1).text) == width


async def test_header_cursor_stripes_and_unread_titles_are_readable_in_every_theme() -> None:
    app = Host([row(n) for n in range(30)])
    failures: list[str] = []
    checked: set[str] = set()
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(CountingList)
        await pilot.press("down")
        for name in sorted(app.available_themes):
            app.theme = name
            for focused in (True, False):
                if focused:
                    table.focus()
                else:
                    app.set_focus(None)
                await pilot.pause()
                theme = app.ansi_theme
                plain = table.rich_style
                for strip in table.render_lines(Region(0, 0, table.size.width, 6)):
                    for text, style, _ in Segment.simplify(strip):
                        style = style or Style()
                        if not text.strip() or (style.color == plain.color
                                                and style.bgcolor == plain.bgcolor):
                            continue  # the theme's own text on its own background
                        fg = style.color or plain.color or RichColor.default()
                        bg = style.bgcolor or plain.bgcolor or RichColor.default()
                        ratio = contrast(Color(*fg.get_truecolor(theme, foreground=True)),
                                         Color(*bg.get_truecolor(theme, foreground=False)))
                        checked.add(text.strip())
                        if ratio < MINIMUM_CONTRAST:
                            failures.append(f"{name} (focus {focused}): {ratio:.2f} on "
                                            f"{text.strip()!r}")
        cursor_title = table.rows[1].title
    assert "Added \u25bc" in checked
    assert any(cursor_title in text for text in checked)  # the cursor row, on a stripe
    assert not failures, "\n".join(failures)
