"""The entity page's data: articles with counts, mentions in context, the entity's events."""

from __future__ import annotations

import pytest

from tests.corpus.articles import ARTICLES
from tui.analysis.model import Analysis
from tui.corpus.cast import build_cast
from tui.corpus.pages import context_line, entity_page

TEXTS = {doc: text for doc, _, _, text in ARTICLES}


def test_the_page_of_a_person_across_articles(story_analyses: list[Analysis]) -> None:
    cast = build_cast(story_analyses)
    page = entity_page(cast, "person/ivo petrak", TEXTS.get)
    assert page is not None
    assert page.entity.name == "Ivo Petrak"
    assert {doc for doc, _ in page.articles} == {"announced", "postponed", "held",
                                                 "contradiction"}
    assert sum(count for _, count in page.articles) == len(page.mentions)
    for mention in page.mentions:
        assert TEXTS[mention.doc][mention.start:mention.end] == mention.text
        assert mention.text in ("Ivo Petrak", "Petrak")
    assert any(e.lemma == "summit" and e.conflict for e in page.events)


def test_a_missing_article_or_entity_costs_only_itself(story_analyses: list[Analysis]) -> None:
    cast = build_cast(story_analyses)
    page = entity_page(cast, "person/ivo petrak",
                       lambda doc: None if doc == "held" else TEXTS[doc])
    assert page is not None and all(m.doc != "held" for m in page.mentions)
    assert entity_page(cast, "person/nobody", TEXTS.get) is None


@pytest.mark.parametrize(("text", "span", "width", "expected"), [
    ("Voss met Petrak.", (9, 15), 40, ("Voss met ", "Petrak", ".")),
    ("Headline\nThe summit with Petrak was\nput off.", (25, 31), 40,
     ("The summit with ", "Petrak", " was")),
    ("one two three four Petrak five six seven", (19, 25), 9,
     ("…four ", "Petrak", " five…")),
    ("a\tlot   of  space Petrak", (18, 24), 40, ("a lot of space ", "Petrak", "")),
])
def test_context_is_one_line_around_the_mention(
        text: str, span: tuple[int, int], width: int, expected: tuple[str, str, str]) -> None:
    assert context_line(text, *span, width) == expected
