"""``gloss timeline --story FILTER``: a story timeline of library articles, as a file.

FILTER is the library screen's filter line (``tag:summit``, ``entity:"Mara Voss"``, words);
the merged timeline of the matching analysed articles is written as Markdown, iCalendar,
TimelineJS or CSV to stdout or ``--output``, by the same renderers as the app's ``ctrl+e``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from tui.corpus.story import story
from tui.errors import GlossError
from tui.export.files import check_target, write_atomically
from tui.export.story_items import render_story, story_items
from tui.library.cast_source import LibraryCast
from tui.library.query import matches, parse_query
from tui.store.library import Library

HIT_LIMIT = 10_000  # articles a word filter may match


def main_story(args: argparse.Namespace) -> int:
    """Entry for ``gloss timeline --story``; user errors raise ``GlossError``."""
    from tui.open_notes import open_store

    query = parse_query(args.story)
    if query.problems:
        raise GlossError(f"--story: {query.problems[0]}")
    if args.output:
        check_target(Path(args.output), force=args.force)
    store = open_store(args.db)
    with Library.open(store.path) as library:
        notes = Counter(n.doc_id for n in store.all_notes())
        articles = [a for a in library.articles() if matches(a, query, notes)]
        if query.words:
            found = {h.doc_id for h in library.search(query.text, HIT_LIMIT,
                                                      {a.id for a in articles})}
            articles = [a for a in articles if a.id in found]
        if not articles:
            raise GlossError(f"no article in the library matches {args.story!r}")
        corpus = LibraryCast(library, store, args.model)
        cast = corpus.refresh()
        docs = [a.id for a in articles if a.id in cast.analyses]
        if not docs:
            raise GlossError("none of the matching articles is analysed yet (gloss add analyses)")
        urls = {a.id: a.url for a in articles}
        names = {e.id: e.name for e in cast.entities().values()}
        items = story_items(story(cast, docs), names, corpus.title_of, store.all_notes(),
                            urls.get)
        text = render_story(args.format, args.story.strip() or "the library", items)
    if args.output:
        write_atomically(Path(args.output), text.encode("utf-8"), force=args.force)
    else:
        sys.stdout.write(text)
    return 0
