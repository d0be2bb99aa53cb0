"""A plain-text headline is found when a byline block follows it; other first lines stay prose."""

from __future__ import annotations

import pytest

from tui.document.byline import parse_agency_line
from tui.document.load import parse_document
from tui.document.model import Document

BODY = ("Talks between the port authority and three dock unions collapsed on Tuesday after a "
        "night of negotiations, leaving a dozen container ships idle in the harbour.\n\n"
        "The unions said they would strike from Friday unless the offer improved.\n")


def blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


@pytest.mark.parametrize(("head", "author", "sources"), [
    ("Port talks collapse as unions walk out\n\nBy Marcus Chen\nReuters\n\n",
     "Marcus Chen", ("Reuters",)),
    ("Port talks collapse as unions walk out\n\nBy Marcus Chen\n\nReuters\n\n",
     "Marcus Chen", ("Reuters",)),
    ("Port talks collapse as unions walk out\n\n(AP)\n\nBy Marcus Chen and Ana Lima\n\n",
     "Marcus Chen, Ana Lima", ("AP",)),
    ("Port talks collapse as unions walk out\nBy Marcus Chen\nAssociated Press staff\n",
     "Marcus Chen", ("Associated Press",)),
    ("Port talks collapse as unions walk out\n\nBy Marcus Chen\n\n", "Marcus Chen", ()),
    ("‘We will not move’: port talks collapse\n\nBy Marcus Chen | 7 August 2025\nAFP\n\n",
     "Marcus Chen", ("AFP",)),
])
def test_headline_over_a_byline_block(head: str, author: str, sources: tuple[str, ...]) -> None:
    doc = parse_document(head + BODY)
    title = head.split("\n", 1)[0]
    assert doc.meta.title == title
    assert (doc.meta.author, doc.meta.sources) == (author, sources)
    assert blocks(doc)[0] == ("heading", title)
    assert [kind for kind, _ in blocks(doc)[1:]] == ["paragraph", "paragraph"]
    assert "Reuters" not in doc.text and "By " not in doc.text


def test_a_headline_over_a_byline_may_be_longer_than_the_first_paragraph() -> None:
    doc = parse_document("Mayor of Leeds resigns after months of pressure over the bridge\n\n"
                         "By Ana Lima\nReuters\n\nShe quit on Monday.\n\n"
                         "The council will choose an interim mayor next week.\n")
    assert doc.meta.title == "Mayor of Leeds resigns after months of pressure over the bridge"
    assert blocks(doc)[1] == ("paragraph", "She quit on Monday.")


@pytest.mark.parametrize("text", [
    # A first sentence, not a title: it ends with a full stop.
    "Talks collapsed on Tuesday.\n\nBy Marcus Chen\nReuters\n\n" + BODY,
    # A name, then a byline: not a headline.
    "Marcus Chen\n\nBy Ana Lima\nReuters\n\n" + BODY,
    # A long first paragraph is prose whatever follows.
    BODY.split("\n\n")[0] + "\n\nBy Marcus Chen\n\n" + BODY.split("\n\n")[1],
])
def test_first_lines_that_are_not_headlines(text: str) -> None:
    doc = parse_document(text)
    assert doc.meta.title is None
    assert blocks(doc)[0][0] == "paragraph"
    assert "By " not in doc.text and "\nReuters" not in doc.text


def test_an_agency_line_far_from_a_byline_stays_in_the_text() -> None:
    text = ("Port talks collapse as unions walk out\n\n" + BODY
            + "\nReuters\n\nShips waited outside the harbour for a third day.\n")
    doc = parse_document(text)
    assert doc.meta.sources == ()
    assert ("paragraph", "Reuters") in blocks(doc)


def test_a_byline_and_agency_at_the_end_are_both_credits() -> None:
    doc = parse_document("Port talks collapse as unions walk out\n\n" + BODY
                         + "\nBy Marcus Chen\nReuters\n")
    assert (doc.meta.author, doc.meta.sources) == ("Marcus Chen", ("Reuters",))
    assert doc.text.endswith("unless the offer improved.")


@pytest.mark.parametrize(("line", "agency"), [
    ("Reuters", "Reuters"), ("(AP)", "AP"), ("[AFP]", "AFP"),
    ("Associated Press staff", "Associated Press"),
    ("Reuters reported the talks had failed", None), ("Marcus Chen", None), ("Port", None),
])
def test_agency_lines(line: str, agency: str | None) -> None:
    found = parse_agency_line(line)
    assert (found.sources[0] if found else None) == agency
