"""Highlighted text stays readable: WCAG contrast of the rendered cells, in every built-in theme.

The article view is rendered in a small app with the real stylesheet, every highlight
category, notes, search hits, a selection, a flash and the cursor on screen; each cell whose
colours differ from plain text must reach 4.5:1 in true colour and after rich's downgrade to
the 256-colour palette. The legend chips must wear the article's colours.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual.app import App, ComposeResult
from textual.color import Color
from textual.geometry import Region

from tui.app.highlights import CATEGORIES, Highlight
from tui.app.palette import MINIMUM_CONTRAST, contrast, in_256_colours
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.legend import Legend, LegendChip
from tui.document.model import Block, Document
from tui.resources import styles_dir

KEYS = [key for key, _, _ in CATEGORIES]
WORDS = [*KEYS, "plain", "words", "close", "the", "line."]
SIZE = (90, 24)


def _document() -> tuple[Document, list[list[int]]]:
    """A heading, six paragraphs and a caption, each naming every category once."""
    kinds = ["heading", *["paragraph"] * 6, "caption"]
    line = " ".join(WORDS)
    offsets = [sum(len(w) + 1 for w in WORDS[:i]) for i in range(len(WORDS))]
    blocks, word_starts = [], []
    for i, kind in enumerate(kinds):
        at = i * (len(line) + 2)
        blocks.append(Block(at, at + len(line), kind))  # type: ignore[arg-type]
        word_starts.append([at + offset for offset in offsets])
    return Document("\n\n".join(line for _ in kinds), tuple(blocks)), word_starts


class ArticleHost(App[None]):
    CSS_PATH: ClassVar[Any] = [Path(styles_dir()) / "gloss.tcss"]

    def __init__(self) -> None:
        super().__init__()
        self.document, self.words = _document()

    def compose(self) -> ComposeResult:
        yield ArticleView(self.document, id="article")
        yield Legend(id="legend")

    def on_mount(self) -> None:
        article = self.query_one(ArticleView)
        spans = [Highlight(starts[i], starts[i] + len(key), key, key.upper(), 0)
                 for starts in self.words for i, key in enumerate(KEYS)]
        article.set_highlights(spans, [], [0])
        self.query_one(Legend).update_counts(dict.fromkeys(KEYS, 1), set())
        article.focus()


def _word(app: ArticleHost, block: int, word: str) -> tuple[int, int]:
    start = app.words[block][WORDS.index(word)]
    return start, start + len(word)


def _overlays(app: ArticleHost) -> ArticleView:
    """Notes, search hits, a flash, a selection and the cursor, each over a highlight and not."""
    article = app.query_one(ArticleView)
    article.set_notes([(*_word(app, 1, key), "question") for key in KEYS]
                      + [(*_word(app, 1, "plain"), "entity")])
    article.set_search_hits([_word(app, 2, key) for key in KEYS] + [_word(app, 2, "plain")])
    article.flash_span = (_word(app, 3, KEYS[0])[0], _word(app, 3, "words")[1])
    article.select(_word(app, 4, KEYS[0])[0], _word(app, 4, "words")[1])
    article.refresh()
    return article


def _rgb(color: RichColor | None, default: RichColor | None, theme: TerminalTheme,
         foreground: bool, system: ColorSystem) -> Color:
    color = color or default or RichColor.default()
    if system is ColorSystem.EIGHT_BIT and not color.is_default:
        return in_256_colours(Color(*color.get_truecolor(theme, foreground=foreground)))
    return Color(*color.get_truecolor(theme, foreground=foreground))


def _worst(app: ArticleHost, article: ArticleView,
           system: ColorSystem) -> tuple[float, str, int]:
    """The lowest contrast among styled cells: (ratio, the text of its run, cells checked)."""
    theme = app.ansi_theme
    plain = article.rich_style
    worst: tuple[float, str] = (21.0, "")
    cells = 0
    strips = article.render_lines(Region(0, 0, article.size.width, article.size.height))
    for strip in strips:
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
        for name in sorted(app.available_themes):
            app.theme = name
            await pilot.pause()
            article = _overlays(app)
            await pilot.pause()
            for system in (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT):
                ratio, text, cells = _worst(app, article, system)
                assert cells > 100, f"{name}: only {cells} highlighted cells rendered"
                if ratio < MINIMUM_CONTRAST:
                    failures.append(f"{name} ({system.name}): {ratio:.2f} on {text!r}")
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
            article = app.query_one(ArticleView)
            for chip in app.query(LegendChip):
                start, _ = _word(app, 5, chip.key)  # a paragraph with no overlays
                row = article.render_lines(Region(0, article.rows.row_of(start),
                                                  article.size.width, 1))[0]
                label = chip.render_lines(Region(0, 0, chip.size.width, 1))[0]
                assert _colours(list(label), chip.display_name) == _colours(
                    list(row), chip.key), f"{name}: {chip.key}"
