"""``gloss [PATH]``: load the article (or open the library), the store, start analysis, run
the app. ``gloss`` alone opens the library, which holds the bundled sample from the first run;
``gloss PATH`` opens the reader and keeps the article in the library."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tui.analysis.cache_key import key_for, usable_analysis
from tui.analysis.model import Analysis
from tui.document.load import load_document
from tui.document.model import Document
from tui.errors import GlossError

if TYPE_CHECKING:
    from tui.store.db import Store
    from tui.store.library import Library

SAMPLE_FLAG = "sample"  # the library's mark that the sample was added once (not again)


def cached(store: Store, document: Document, key: str | None) -> Analysis | None:
    """A cached analysis for this document and key, if present and still valid."""
    return None if key is None else usable_analysis(store.cached_analysis(document.id, key))


def main_open(args: argparse.Namespace) -> int:
    from tui.app.runner import AnalysisRunner

    if args.path is None:
        return main_library(args)
    # The analysis process starts first, loading spaCy while we read the article and the
    # store; it is stopped at once if a cached analysis makes it unnecessary.
    runner: AnalysisRunner | None = AnalysisRunner(args.model)
    try:
        document, store, analysis, settings = _open(args)
    except BaseException:
        assert runner is not None
        runner.shutdown()
        raise
    if analysis is not None:
        assert runner is not None
        runner.shutdown()
        runner = None
    from tui.app.app import GlossApp

    library = keep_in_library(args.db, document)
    app = GlossApp(document, runner=runner, analysis=analysis, store=store, model=args.model,
                   dct_flag=args.date, date_order_flag=args.date_order, settings=settings,
                   library=library)
    try:
        app.run()
    finally:
        if library is not None:
            library.close()
    return 0


def main_library(args: argparse.Namespace) -> int:
    """The library, with the analysis process made now: added articles are analysed in it."""
    from tui.app.runner import AnalysisRunner
    from tui.open_notes import open_store
    from tui.store.library import Library

    store = open_store(args.db)
    library = Library.open(args.db)
    try:
        library.add_once(load_document(None), SAMPLE_FLAG)
        runner = AnalysisRunner(args.model)
        from tui.app.app import GlossApp

        app = GlossApp(None, runner=runner, store=store, library=library, model=args.model,
                       dct_flag=args.date, date_order_flag=args.date_order)
        app.run()
    finally:
        library.close()
    return 0


def keep_in_library(db: str | None, document: Document) -> Library | None:
    """``gloss PATH`` keeps the article in the library; a library in trouble only warns."""
    from tui.store.library import Library

    try:
        library = Library.open(db)
        library.add(document)
    except GlossError as error:
        print(f"gloss: the article is not kept in the library: {error}", file=sys.stderr)
        return None
    return library


def _open(args: argparse.Namespace) -> tuple[Document, Store, Analysis | None, dict[str, Any]]:
    """The article, the notes store, a usable cached analysis, and the article's settings."""
    from tui.open_notes import open_store

    document = load_document(args.path, stdin=sys.stdin.buffer if args.path == "-" else None)
    if args.path == "-":
        _reattach_terminal()
    store = open_store(args.db)
    settings = store.settings(document.id)
    key = key_for(args.model, args.date, args.date_order, settings)
    return document, store, cached(store, document, key), settings


def _reattach_terminal() -> None:
    """After reading the article from a pipe, read keys from the terminal."""
    import os

    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError as error:
        raise GlossError("stdin was the article and no terminal is available for keys") \
            from error
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115
