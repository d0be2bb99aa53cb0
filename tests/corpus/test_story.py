"""The story timeline and the cast over the invented summit story (tests/corpus/articles.py)."""

from __future__ import annotations

import pytest

from tests.corpus.articles import ARTICLES
from tui.analysis.model import Analysis
from tui.corpus.cast import Cast, Merge, Split, build_cast
from tui.corpus.story import StoryEntry, compatible, ranks, story


@pytest.fixture
def cast(story_analyses: list[Analysis]) -> Cast:
    return build_cast(story_analyses)


def _summit(entries: list[StoryEntry]) -> StoryEntry:
    summits = [e for e in entries if e.lemma == "summit"]
    assert len(summits) == 1, summits
    return summits[0]


def test_the_summit_is_one_entry_listing_every_article_that_tells_it(cast: Cast) -> None:
    summit = _summit(story(cast))
    assert set(summit.docs) == {"announced", "postponed", "held", "contradiction"}
    by_doc = {t.doc: t.event.anchor for t in summit.sources}
    # 12/3 read day first, 3/14 month first, as each article's date order says.
    assert by_doc["announced"] == "2025-03-12"
    assert by_doc["postponed"] == "2025-03-14"
    assert {"person/mara voss", "person/ivo petrak"} <= set(summit.participants)


def test_a_postponement_replaces_the_earlier_date_and_a_contradiction_is_flagged(
        cast: Cast) -> None:
    summit = _summit(story(cast))
    assert summit.superseded == ("2025-03-12",)
    assert summit.conflict
    assert set(summit.dates) == {"2025-03-14", "2025-03-13"}
    assert summit.anchor == "2025-03-14"  # two articles against one, not an average
    assert summit.group == "dated" and summit.order > 0


def test_the_story_is_in_time_order_with_the_vague_entries_after(cast: Cast) -> None:
    entries = story(cast)
    dated = [e for e in entries if e.group == "dated"]
    assert [e.order for e in dated] == sorted(e.order for e in dated)
    assert all(e.order == 0 for e in entries[len(dated):])
    meet = next(e for e in entries if e.lemma == "meet")
    assert meet.group == "after" and meet.anchor == "FUTURE_REF"  # "will meet", undated


def test_one_person_across_articles_and_a_namesake_kept_apart(cast: Cast) -> None:
    petrak = cast.find("Petrak")
    assert petrak is not None and petrak.name == "Ivo Petrak"
    assert {doc for doc, _ in cast.articles(petrak.id)} == {
        "announced", "postponed", "held", "contradiction"}
    mara, henrik = cast.find("Mara Voss"), cast.find("Henrik Voss")
    assert mara is not None and henrik is not None and mara.id != henrik.id
    # "Voss" alone, beside Petrak, is the prime minister, not the footballer.
    assert "contradiction" in {doc for doc, _ in cast.articles(mara.id)}
    assert {doc for doc, _ in cast.articles(henrik.id)} == {"football"}


def test_manual_decisions_win_over_the_rules(story_analyses: list[Analysis]) -> None:
    cast = build_cast(story_analyses)
    mara = cast.find("Mara Voss")
    assert mara is not None
    lone = next(ref for ref in mara.members if ref[0] == "contradiction")
    split = build_cast(story_analyses, [Split(mara.id, lone)])
    assert split.entity_of(*lone) != mara.id
    assert "contradiction" not in {d for d, _ in split.articles(mara.id)}
    merged = build_cast(story_analyses, [Merge("person/mara voss", "person/henrik voss")])
    assert merged.entity_of("football", 0) == "person/mara voss"
    assert {d for d, _ in merged.articles("person/mara voss")} >= {"football", "announced"}


def test_adding_an_article_updates_the_cast_without_regrouping(
        story_analyses: list[Analysis]) -> None:
    cast = Cast()
    for analysis in story_analyses[:-1]:
        cast.add(analysis)
    before = {e.id: e.members for e in cast.entities().values()}
    cast.add(story_analyses[-1])
    after = cast.entities()
    for entity_id, members in before.items():
        assert set(members) <= set(after[entity_id].members)
    assert "contradiction" in {d for d, _ in cast.articles("person/ivo petrak")}
    cast.add(story_analyses[-1])  # the same article again replaces, not doubles, it
    assert cast.articles("person/ivo petrak") == build_cast(story_analyses).articles(
        "person/ivo petrak")


def test_events_round_trip_and_are_ordered_by_anchor_then_text(
        story_analyses: list[Analysis]) -> None:
    for analysis in story_analyses:
        assert Analysis.from_json(analysis.to_json()) == analysis
        assert analysis.events
    held = next(a for a in story_analyses if a.doc_id == "held")
    words = [(e.text, e.anchor) for e in held.events]
    # "held the summit": the light verb leaves the event to its noun.
    assert words[:3] == [("summit", "2025-03-14"), ("signed", "2025-03-14"),
                         ("deal", "2025-03-14")]
    text = next(t for doc, _, _, t in ARTICLES if doc == "held")
    assert all(text[e.start:e.end] == e.text for e in held.events)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("2025-03", "2025-03-14", True), ("2025-03-14", "2025-03-13", False),
    ("2025", "2025-W11", True), ("PAST_REF", "PAST_REF", True), ("PAST_REF", "2025", False),
])
def test_dates_agree_when_one_lies_within_the_other(a: str, b: str, expected: bool) -> None:
    assert compatible(a, b) is expected


def test_ranks_share_a_rank_for_the_same_time_and_leave_the_vague_unranked() -> None:
    assert ranks(["2025-03-14", "2025-03-12", None, "2025-03-14", "FUTURE_REF", "2025-03"]) \
        == [3, 2, 0, 3, 0, 1]
