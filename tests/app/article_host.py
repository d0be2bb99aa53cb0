"""The article view alone in a small app with the real stylesheet, on a made-up article.

Every block names each highlight category once (``person place org ...``), so a test can find
a category's word in any block and see how it renders, without the spaCy pipeline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult

from tui.app.highlights import CATEGORIES, Highlight
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.legend import Legend
from tui.document.model import Block, BlockKind, Document
from tui.resources import styles_dir

KEYS = [key for key, _, _ in CATEGORIES]
WORDS = [*KEYS, "plain", "words", "close", "the", "line."]


def made_up_article(paragraphs: int) -> tuple[Document, list[list[int]]]:
    """A heading, ``paragraphs`` paragraphs and a caption; and each block's word starts."""
    kinds: list[BlockKind] = ["heading", *["paragraph"] * paragraphs, "caption"]  # type: ignore[list-item]
    line = " ".join(WORDS)
    offsets = [sum(len(w) + 1 for w in WORDS[:i]) for i in range(len(WORDS))]
    blocks, word_starts = [], []
    for i, kind in enumerate(kinds):
        at = i * (len(line) + 2)
        blocks.append(Block(at, at + len(line), kind))
        word_starts.append([at + offset for offset in offsets])
    return Document("\n\n".join(line for _ in kinds), tuple(blocks)), word_starts


class ArticleHost(App[None]):
    """An ``ArticleView`` with every category highlighted in every block, and a legend."""

    CSS_PATH: ClassVar[Any] = [Path(styles_dir()) / "gloss.tcss"]

    def __init__(self, paragraphs: int = 6, theme: str = "textual-dark") -> None:
        super().__init__()
        self.document, self.words = made_up_article(paragraphs)
        self.theme = theme

    def compose(self) -> ComposeResult:
        yield ArticleView(self.document, id="article")
        yield Legend(id="legend")

    def on_mount(self) -> None:
        self.article.set_highlights(self.highlights(range(len(self.words))), [], [0])
        self.query_one(Legend).update_counts(self.article.counts, set())
        self.article.focus()

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def highlights(self, blocks: range) -> list[Highlight]:
        return [Highlight(self.words[b][i], self.words[b][i] + len(key), key, key.upper(), 0)
                for b in blocks for i, key in enumerate(KEYS)]

    def word(self, block: int, word: str) -> tuple[int, int]:
        start = self.words[block][WORDS.index(word)]
        return start, start + len(word)
