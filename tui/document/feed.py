"""RSS and Atom feeds (parsed with feedparser): the entries, each a link and/or its content.

feedparser is imported on first use only. An entry's date keeps the calendar day as written in
the feed's own time zone (feedparser's ``*_parsed`` fields are UTC, which would move a US
evening story to the next day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from tui.document.sidecar import iso_date

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+json")
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".rdf"})


@dataclass(frozen=True)
class Entry:
    title: str | None
    link: str | None
    content: str | None  # HTML of the entry's content (or summary), when the feed carries it
    published: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: tuple[Entry, ...]


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    """Worth trying as a feed: served as one, or XML whose root is rss/feed/RDF."""
    if content_type in _FEED_TYPES:
        return True
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


def parse_feed(content: bytes) -> Feed | None:
    """The feed in ``content``, or None when it is not an RSS/Atom feed with entries."""
    import feedparser

    parsed: Any = feedparser.parse(content)
    if not parsed.get("version") or not parsed.entries:
        return None
    feed_title = _text(parsed.feed.get("title"))
    return Feed(feed_title, tuple(_entry(e) for e in parsed.entries))


def _entry(entry: Any) -> Entry:
    content = None
    for part in entry.get("content") or ():
        if _text(part.get("value")):
            content = str(part["value"])
            break
    if content is None and _text(entry.get("summary")):
        content = str(entry["summary"])
    link = _text(entry.get("link"))
    raw = entry.get("published") or entry.get("updated") or entry.get("dc_date")
    return Entry(_text(entry.get("title")), link if link and link.startswith(("http://", "https://"))
                 else None, content, day_as_written(raw) if isinstance(raw, str) else None)


def day_as_written(value: str) -> str | None:
    """The calendar day of an RFC 822 or ISO 8601 date, in the zone it was written in."""
    day = iso_date(value)
    if day:
        return day
    try:
        moment: dt.datetime = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return moment.date().isoformat()


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
