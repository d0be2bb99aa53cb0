"""The library's filter line: words for full-text search, and ``key:value`` filters.

    storm tag:ukraine source:"Coast Daily" after:2025-08 before:2025-09-15
    is:unread has:notes entity:"Vladimir Putin"

Values may be quoted; a key may repeat (every one must hold). ``before:``/``after:`` take a
year, a month or a day and compare at that precision (``after:2025-08`` is September 2025 on).
A filter that cannot be read is reported in ``problems`` and ignored, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from tui.store.library import Article

_TOKEN = re.compile(r'(?:(?P<key>[A-Za-z]+):)?(?:"(?P<quoted>[^"]*)"?|(?P<bare>\S+))')
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
KEYS = ("tag", "source", "before", "after", "is", "has", "entity")


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    before: str | None = None
    after: str | None = None
    read: bool | None = None  # is:read → True, is:unread → False
    has_notes: bool = False
    problems: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The words for the full-text index."""
        return " ".join(self.words)

    @property
    def filters(self) -> bool:
        return bool(self.tags or self.sources or self.entities or self.before or self.after
                    or self.read is not None or self.has_notes)


def parse_query(line: str) -> Query:
    words: list[str] = []
    lists: dict[str, list[str]] = {"tag": [], "source": [], "entity": []}
    dates: dict[str, str | None] = {"before": None, "after": None}
    read: bool | None = None
    has_notes = False
    problems: list[str] = []
    for match in _TOKEN.finditer(line):
        key = (match["key"] or "").lower()
        value = match["quoted"] if match["quoted"] is not None else match["bare"]
        value = value.strip()
        if not key or key not in KEYS:
            if key:  # "foo:bar" with an unknown key: its words are search words
                value = f"{match['key']} {value}"
            words.extend(value.split())
            continue
        if not value:
            problems.append(f"{key}: needs a value")
        elif key in lists:
            lists[key].append(value)
        elif key in dates:
            if _DATE.match(value):
                dates[key] = value
            else:
                problems.append(f"{key}: needs a date like 2025, 2025-08 or 2025-08-07")
        elif key == "is" and value.lower() in ("read", "unread"):
            read = value.lower() == "read"
        elif key == "has" and value.lower() in ("notes", "note"):
            has_notes = True
        else:
            problems.append(f"{key}:{value} is not a filter (try is:unread, has:notes)")
    return Query(tuple(words), tuple(lists["tag"]), tuple(lists["source"]),
                 tuple(lists["entity"]), dates["before"], dates["after"], read, has_notes,
                 tuple(problems))


def matches(article: Article, query: Query, notes: Mapping[str, int]) -> bool:
    """Whether ``article`` passes the query's filters (the words are the index's job)."""
    if query.read is not None and article.read != query.read:
        return False
    if query.has_notes and not notes.get(article.id):
        return False
    tags = {t.casefold() for t in article.tags}
    if any(t.casefold() not in tags for t in query.tags):
        return False
    source = " ".join(filter(None, (article.source, article.canonical))).casefold()
    if any(s.casefold() not in source for s in query.sources):
        return False
    names = [n.casefold() for n in article.entities]
    if any(not any(e.casefold() in n for n in names) for e in query.entities):
        return False
    day = article.published or article.added[:10]
    if query.before and not day[: len(query.before)] < query.before:
        return False
    return not (query.after and not day[: len(query.after)] > query.after)
