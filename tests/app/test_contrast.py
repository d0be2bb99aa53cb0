"""Highlighted text stays readable: WCAG contrast of the rendered cells, in every built-in theme.

The article view is rendered in a small app with the real stylesheet, every highlight
category, notes, search hits, a selection, a flash and the cursor on screen; each cell whose
colours differ from plain text must reach 4.5:1 in true colour and after rich's downgrade to
the 256-colour palette; so must the legend chips, which wear the article's colours.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual.color import Color
from textual.geometry import Region
from textual.widget import Widget

from tests.app.article_host import KEYS, ArticleHost
from tui.app.palette import MINIMUM_CONTRAST, contrast, in_256_colours
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.legend import CategoryChip, Legend, LegendChip

SIZE = (90, 24)


def _overlays(app: ArticleHost) -> ArticleView:
    """Notes, search hits, a flash, a selection and the cursor, each over a highlight and not."""
    article = app.article
    article.set_notes([(*app.word(1, key), "question") for key in KEYS]
                      + [(*app.word(1, "plain"), "entity")])
    article.set_search_hits([app.word(2, key) for key in KEYS] + [app.word(2, "plain")])
    article.flash_span = (app.word(3, KEYS[0])[0], app.word(3, "words")[1])
    article.select(app.word(4, KEYS[0])[0], app.word(4, "words")[1])
    article.refresh()
    return article


def _rgb(color: RichColor | None, default: RichColor | None, theme: TerminalTheme,
         foreground: bool, system: ColorSystem) -> Color:
    color = color or default or RichColor.default()
    if system is ColorSystem.EIGHT_BIT and not color.is_default:
        return in_256_colours(Color(*color.get_truecolor(theme, foreground=foreground)))
    return Color(*color.get_truecolor(theme, foreground=foreground))


def _worst(app: ArticleHost, widgets: list[Widget],
           system: ColorSystem) -> tuple[float, str, int]:
    """The lowest contrast among styled cells: (ratio, the text of its run, cells checked)."""
    theme = app.ansi_theme
    worst: tuple[float, str] = (21.0, "")
    cells = 0
    for widget in widgets:
        plain = widget.rich_style
        for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height)):
            for text, style, _ in Segment.simplify(strip):
                style = style or Style()
                if not text.strip() or (style.color == plain.color
                                        and style.bgcolor == plain.bgcolor):
                    continue
                fg = _rgb(style.color, plain.color, theme, True, system)
                bg = _rgb(style.bgcolor, plain.bgcolor, theme, False, system)
                cells += len(text.strip())
                worst = min(worst, (contrast(fg, bg), text.strip()))
    return (*worst, cells)


async def test_every_highlight_is_readable_in_every_theme() -> None:
    app = ArticleHost()
    failures = []
    async with app.run_test(size=SIZE) as pilot:
        legend = app.query_one(Legend)
        for name in sorted(app.available_themes):
            app.theme = name
            await pilot.pause()
            widgets: list[Widget] = [_overlays(app), *app.query(LegendChip)]
            legend.show_categories(True)
            await pilot.pause()
            widgets += app.query(CategoryChip)
            for system in (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT):
                ratio, text, cells = _worst(app, widgets, system)
                assert cells > 150, f"{name}: only {cells} highlighted cells rendered"
                if ratio < MINIMUM_CONTRAST:
                    failures.append(f"{name} ({system.name}): {ratio:.2f} on {text!r}")
            legend.show_categories(False)
    assert not failures, "\n".join(failures)


def _colours(strip_segments: list[Segment], text: str) -> tuple[RichColor | None, RichColor | None]:
    found = [style for segment_text, style, _ in strip_segments if text in segment_text and style]
    assert found, f"{text!r} not rendered"
    return found[0].color, found[0].bgcolor


async def test_legend_chips_wear_the_article_colours() -> None:
    app = ArticleHost()
    async with app.run_test(size=SIZE) as pilot:
        for name in ("textual-dark", "textual-light", "solarized-light", "nord"):
            app.theme = name
            await pilot.pause()
            article = app.article
            for chip in app.query(LegendChip):
                start, _ = app.word(5, chip.key)  # a paragraph with no overlays
                row = article.render_lines(Region(0, article.rows.row_of(start),
                                                  article.size.width, 1))[0]
                label = chip.render_lines(Region(0, 0, chip.size.width, 1))[0]
                assert _colours(list(label), chip.display_name) == _colours(
                    list(row), chip.key), f"{name}: {chip.key}"
