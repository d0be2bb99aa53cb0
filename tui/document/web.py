"""Articles from the web: a page URL, a feed URL or a feed file, as ``Document``s.

Each article comes with its own outcome, so one bad entry of a feed costs only that entry.
A feed entry that links a page is read from the page (the full article); when the page cannot
be fetched or has no text, the entry's own content is used if the feed carries it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from tui.document.errors import DocumentError
from tui.document.feed import Entry, Feed, looks_like_feed, parse_feed
from tui.document.fetch import TIMEOUT, Fetched, fetch
from tui.document.load import MAX_BYTES, parse_document
from tui.document.model import Document

Outcome = tuple[str, Document | DocumentError]  # what was read (a URL or path), and the result
_TEXT_TYPES = ("text/plain", "text/markdown")


def from_url(url: str, *, timeout: float = TIMEOUT) -> Iterator[Outcome]:
    """The article at ``url``, or every entry of the feed there."""
    try:
        fetched = fetch(url, timeout=timeout)
    except DocumentError as error:
        yield url, error
        return
    if looks_like_feed(fetched.content, fetched.content_type):
        feed = parse_feed(fetched.content)
        if feed is not None:
            yield from _entries(feed, timeout)
            return
        if fetched.content_type not in ("text/html", "application/xhtml+xml"):
            yield url, DocumentError(f"cannot read {url}: not a feed (no RSS or Atom entries) "
                                     "and not a web page", "unsupported")
            return
    yield url, _page(fetched)


def from_feed_file(path: Path, *, timeout: float = TIMEOUT) -> Iterator[Outcome]:
    """Every entry of a feed saved as a file."""
    where = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DocumentError(f"cannot open {where}: it is too large", "too-large")
        content = path.read_bytes()
    except OSError as error:
        from tui.document.load import os_error

        yield where, os_error(where, error)
        return
    except DocumentError as error:
        yield where, error
        return
    feed = parse_feed(content)
    if feed is None:
        yield where, DocumentError(f"cannot read {where}: not a feed (no RSS or Atom entries)",
                                   "unsupported")
        return
    yield from _entries(feed, timeout)


def _page(fetched: Fetched) -> Document | DocumentError:
    url = fetched.url
    kind = fetched.content_type
    if kind and not (kind.startswith("text/") or "html" in kind or "xml" in kind):
        return DocumentError(f"cannot read {url}: it is {kind}, not a web page", "unsupported")
    try:
        document = parse_document(fetched.content, "text" if kind in _TEXT_TYPES else "html",
                                  where=url)
    except DocumentError as error:
        return error
    return _with(document, url=url)


def _entries(feed: Feed, timeout: float) -> Iterator[Outcome]:
    for number, entry in enumerate(feed.entries, 1):
        where = entry.link or f"entry {number} of {feed.title or 'the feed'}"
        yield where, _entry(entry, feed, where, timeout)


def _entry(entry: Entry, feed: Feed, where: str, timeout: float) -> Document | DocumentError:
    problem: DocumentError | None = None
    if entry.link:
        try:
            document = _page(fetch(entry.link, timeout=timeout))
        except DocumentError as error:
            document = error
        if isinstance(document, Document):
            return _with(document, title=entry.title, published=entry.published,
                         source=feed.title)
        problem = document
    if entry.content:
        try:
            document = parse_document(entry.content, "html", where=where)
        except DocumentError as error:
            return problem or error
        return _with(document, title=entry.title, published=entry.published,
                     source=feed.title, url=entry.link)
    return problem or DocumentError(f"cannot read {where}: the entry has no link and no "
                                    "content", "empty")


def _with(document: Document, *, title: str | None = None, published: str | None = None,
          source: str | None = None, url: str | None = None) -> Document:
    """Fill the gaps in the page's own metadata with what the feed or fetch knew."""
    meta = document.meta
    dated = meta.published or published
    filled = replace(meta, title=meta.title or title, source=meta.source or source,
                     url=meta.url or url, published=dated,
                     published_from=meta.published_from if meta.published else
                     ("metadata" if dated else None))
    return document if filled == meta else Document(document.text, document.blocks, filled)
