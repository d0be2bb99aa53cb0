"""A story's timeline through the article renderers: every entry cites its articles."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from icalendar import Calendar

from tests.corpus.articles import ARTICLES
from tui.analysis.pipeline import analyze_doc
from tui.corpus.cast import Cast, build_cast
from tui.corpus.story import story
from tui.export.options import ExportOptions
from tui.export.story_items import render_story, story_items
from tui.export.timeline_csv import STORY_HEADER
from tui.export.timeline_items import TimelineItem
from tui.store.model import Note

TITLES = {doc: f"=Title of {doc}" for doc, *_ in ARTICLES}  # a formula prefix, for CSV
NOW = ExportOptions(now=datetime(2025, 4, 1, tzinfo=UTC))


@pytest.fixture(scope="module")
def cast(nlp: Any) -> Cast:
    return build_cast(analyze_doc(nlp(text), doc, date.fromisoformat(dct), "metadata", order,
                                  "metadata") for doc, dct, order, text in ARTICLES)


@pytest.fixture(scope="module")
def items(cast: Cast) -> list[TimelineItem]:
    held = next(text for doc, _, _, text in ARTICLES if doc == "held")
    at = held.index("summit")
    note = Note.on_passage("held", held, at, at + 6, body="which *day*?")
    names = {e.id: e.name for e in cast.entities().values()}
    return story_items(story(cast, [d for d, *_ in ARTICLES if d != "football"]), names,
                       TITLES.__getitem__, [note])


def summit(items: list[TimelineItem]) -> TimelineItem:
    return next(i for i in items if i.event.startswith("summit"))


def test_an_entry_cites_every_article_that_tells_it(items: list[TimelineItem]) -> None:
    entry = summit(items)
    assert {s.doc_id for s in entry.sources} == {"announced", "postponed", "held",
                                                 "contradiction"}
    assert entry.conflict and entry.notes == ("which *day*?",)
    assert all(s.backref.startswith(f"gloss://doc/{s.doc_id}#char=") for s in entry.sources)


def test_calendar_events_name_their_sources_and_the_disagreement(
        items: list[TimelineItem]) -> None:
    calendar = Calendar.from_ical(render_story("ics", "Tessel summit", items, NOW))
    events = {str(e["summary"]): str(e["description"]) for e in calendar.walk("VEVENT")}
    described = next(d for s, d in events.items() if s.startswith("summit"))
    assert "Dates disagree" in described
    assert described.count("From: =Title of ") == 4 and "gloss://doc/held#char=" in described
    assert "Undated in the story" in str(calendar["description"])


def test_timelinejs_and_csv_and_markdown(items: list[TimelineItem]) -> None:
    slides = json.loads(render_story("timelinejs", "Tessel <summit>", items))
    assert slides["title"]["text"]["headline"] == "Tessel &lt;summit&gt;"
    slide = next(s for s in slides["events"] if s["text"]["headline"].startswith("summit"))
    assert slide["text"]["text"].count('<a href="gloss://doc/') == 4
    rows = list(csv.reader(io.StringIO(render_story("csv", "t", items))))
    assert tuple(rows[0]) == STORY_HEADER
    row = next(r for r in rows[1:] if r[6].startswith("summit"))
    assert row[-2].startswith("'=") and row[-2].count("=Title of") == 4  # no formula
    assert len(rows) == len(items) + 1
    text = render_story("md", "Tessel summit", items)
    assert text.startswith("# Tessel summit\n")
    assert "[↗ =Title of held](gloss://doc/held#char=" in text
    assert "≠ dates disagree" in text and "    - which \\*day\\*?" in text


def test_an_unknown_format_is_refused(items: list[TimelineItem]) -> None:
    with pytest.raises(ValueError, match="unknown story format"):
        render_story("pdf", "t", items)
