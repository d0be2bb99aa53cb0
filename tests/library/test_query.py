"""The filter line's language, parsed and applied (pure functions, table-driven)."""

from __future__ import annotations

import pytest

from tui.library.query import Query, matches, parse_query
from tui.store.library import Article


@pytest.mark.parametrize(("line", "expected"), [
    ("", Query()),
    ("ferry storm", Query(words=("ferry", "storm"))),
    ("tag:ukraine tag:war", Query(tags=("ukraine", "war"))),
    ('source:"Coast Daily" pier', Query(words=("pier",), sources=("Coast Daily",))),
    ('entity:"Vladimir Putin"', Query(entities=("Vladimir Putin",))),
    ("before:2025-09 after:2025", Query(before="2025-09", after="2025")),
    ("is:unread has:notes", Query(read=False, has_notes=True)),
    ("is:read", Query(read=True)),
    ("IS:Unread", Query(read=False)),
    ('entity:"Open quote', Query(entities=("Open quote",))),
    ("http://example.org", Query(words=("http", "//example.org"))),
    ("before:yesterday",
     Query(problems=("before: needs a date like 2025, 2025-08 or 2025-08-07",))),
    ("is:open", Query(problems=("is:open is not a filter (try is:unread, has:notes)",))),
    ('tag:""', Query(problems=("tag: needs a value",))),
])
def test_parse(line: str, expected: Query) -> None:
    assert parse_query(line) == expected


ARTICLE = Article(id="a1", title="Ferry resumes", added="2025-08-10T09:00:00+00:00", words=300,
                  source="Coast Daily", canonical="https://coast.example/ferry",
                  published="2025-08-06", tags=("Islands",), entities=("Maria Keane", "Alder"))


@pytest.mark.parametrize(("line", "notes", "wanted"), [
    ("", {}, True),
    ("tag:islands", {}, True),
    ("tag:ukraine", {}, False),
    ("source:coast", {}, True),
    ("source:coast.example", {}, True),
    ("source:herald", {}, False),
    ('entity:"maria keane"', {}, True),
    ("entity:Putin", {}, False),
    ("is:unread", {}, True),
    ("is:read", {}, False),
    ("has:notes", {}, False),
    ("has:notes", {"a1": 2}, True),
    ("after:2025-08-05", {}, True),
    ("after:2025-08-06", {}, False),
    ("after:2025-07", {}, True),
    ("after:2025-08", {}, False),
    ("before:2025-08-07", {}, True),
    ("before:2025-08", {}, False),
    ("before:2026", {}, True),
    ("words are not filters", {}, True),
])
def test_matches(line: str, notes: dict[str, int], wanted: bool) -> None:
    assert matches(ARTICLE, parse_query(line), notes) is wanted


def test_an_undated_article_is_filtered_by_the_day_it_was_added() -> None:
    undated = Article(id="b", title="Undated", added="2025-08-10T09:00:00+00:00", words=1)
    assert matches(undated, parse_query("after:2025-08-09"), {})
