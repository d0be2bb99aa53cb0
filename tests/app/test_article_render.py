"""How the article view draws and what it keeps: theme switches, bounded caches, span lookups."""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st
from textual.geometry import Region

from tests.app.article_host import ArticleHost
from tui.app.highlights import Highlight, Intervals, SpanIndex, category_counts
from tui.app.widgets.article_view import ROW_CACHE_SIZE

SIZE = (90, 24)


def _backgrounds(app: ArticleHost) -> set[str]:
    article = app.article
    strips = article.render_lines(Region(0, 0, article.size.width, article.size.height))
    return {str(style.bgcolor.triplet) for strip in strips for _, style, _ in strip
            if style and style.bgcolor and style.bgcolor.triplet}


async def test_a_theme_switch_redraws_every_row_in_the_new_colours() -> None:
    app = ArticleHost(theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dark_plain = app.article.rich_style.bgcolor
        dark = _backgrounds(app)
        app.theme = "textual-light"
        await pilot.pause()
        light = _backgrounds(app)
        assert dark_plain is not None and str(dark_plain.triplet) in dark
        assert not dark & light, f"rows keep the old theme's backgrounds: {dark & light}"


async def test_the_row_cache_stays_bounded_on_a_long_article() -> None:
    app = ArticleHost(paragraphs=1200)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.article
        height = article.size.height
        assert len(article.rows) > 2 * ROW_CACHE_SIZE
        first = article.render_lines(Region(0, 0, article.size.width, 1))[0].text
        for top in range(0, len(article.rows), height):
            article.scroll_to(y=top, animate=False, immediate=True)
            article.render_lines(Region(0, 0, article.size.width, height))
        assert len(article._cache) <= ROW_CACHE_SIZE
        article.scroll_to(y=0, animate=False, immediate=True)
        assert article.render_lines(Region(0, 0, article.size.width, 1))[0].text == first


async def test_counts_follow_the_highlights_as_chunks_arrive() -> None:
    app = ArticleHost(paragraphs=9)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.article
        article.set_highlights([], [], [])
        assert article.counts == Counter()
        blocks = len(app.words)
        chunks = [app.highlights(range(b, min(b + 2, blocks))) for b in range(0, blocks, 2)]
        random.Random(7).shuffle(chunks)
        for chunk in chunks:
            article.add_highlights(chunk, [])
        every = app.highlights(range(blocks))
        assert article.counts == category_counts(every)
        assert article.highlights.spans == SpanIndex(every).spans


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)).map(
    lambda p: (p[0], p[0] + p[1])), max_size=30)


@given(spans, st.integers(0, 70), st.integers(0, 12))
def test_intervals_find_exactly_the_spans_a_range_meets(
        found: list[tuple[int, int]], start: int, length: int) -> None:
    end = start + length
    wanted = sorted(s for s in found if s[0] < max(end, start + 1) and s[1] > start)
    assert Intervals(found).overlapping(start, end) == wanted


@given(st.lists(st.integers(1, 6), min_size=1, max_size=40), st.randoms())
def test_span_index_extended_in_any_order_matches_one_built_at_once(
        gaps: list[int], rng: random.Random) -> None:
    at, every = 0, []
    for i, gap in enumerate(gaps):
        every.append(Highlight(at, at + gap, "person", "PERSON", i))
        at += gap + (i % 3)
    chunks = [every[i:i + 4] for i in range(0, len(every), 4)]
    rng.shuffle(chunks)
    index = SpanIndex(())
    for chunk in chunks:
        index.extend(chunk)
    assert index.spans == SpanIndex(every).spans
    for offset in range(at + 1):
        assert index.at(offset) == SpanIndex(every).at(offset)
