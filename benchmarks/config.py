"""How big and how often: the full run (``make bench``), the ``--quick`` run, and the
``--smoke`` run the test suite uses to prove every figure is still produced."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Config:
    home: Path  # scratch directory for books, databases and results (deleted afterwards)
    repeat: int  # runs per start-up figure; the median is reported
    book_words: int
    analysis_timeout: float  # seconds to wait for the book's analysis
    pages: int  # page-downs per scrolling series
    burst_gap: float  # seconds between bursts of scrolling while the book is analysed
    batch_words: int  # words of the dev set fed to the batch benchmark
    batch_repeat: int
    store_sizes: tuple[int, ...]
    store_repeat: int
    tmux: bool
    quit_after: float  # seconds after first paint before quitting during the book's analysis
    library_articles: int  # articles in the library searched
    library_added: int  # articles added with gloss add against the analysis alone
    kind: str = "full"  # full, quick or smoke: sections with their own sizes key on it


def full(home: Path) -> Config:
    return Config(home, repeat=5, book_words=1_000_000, analysis_timeout=300.0, pages=30,
                  burst_gap=3.0, batch_words=20_000, batch_repeat=2, store_sizes=(100, 10_000),
                  store_repeat=15, tmux=True, quit_after=8.0, library_articles=10_000,
                  library_added=100)


def quick(home: Path) -> Config:
    return Config(home, repeat=1, book_words=5_000, analysis_timeout=15.0, pages=5,
                  burst_gap=1.0, batch_words=1_500, batch_repeat=1, store_sizes=(100, 1_000),
                  store_repeat=3, tmux=True, quit_after=3.0, library_articles=500,
                  library_added=10, kind="quick")


def smoke(home: Path) -> Config:
    """The smallest inputs that still exercise every figure: its numbers mean nothing."""
    return Config(home, repeat=1, book_words=600, analysis_timeout=15.0, pages=2,
                  burst_gap=0.2, batch_words=200, batch_repeat=1, store_sizes=(100, 1_000),
                  store_repeat=1, tmux=True, quit_after=1.0, library_articles=100,
                  library_added=3, kind="smoke")
