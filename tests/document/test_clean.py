"""Web debris becomes structure: one caption block per picture, credit lines become metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.document.byline import Byline, parse_byline
from tui.document.load import load_document
from tui.document.model import Document


def blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


def load_text(tmp_path: Path, text: str, name: str = "story.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path)


PICTURE_STORY = """The storm reached the coast early on Tuesday, forecasters said.
![]() |
Waves break over the sea wall in the old port. Photo: Reuters |
Waves break over the sea wall in the old port. Photo: Reuters
Schools in three districts stayed closed as a precaution.
Mai Tran (According to Reuters, AP)"""


def test_picture_debris_becomes_one_caption_block(tmp_path: Path) -> None:
    doc = load_text(tmp_path, PICTURE_STORY)
    assert blocks(doc) == [
        ("paragraph", "The storm reached the coast early on Tuesday, forecasters said."),
        ("caption", "Waves break over the sea wall in the old port. Photo: Reuters"),
        ("paragraph", "Schools in three districts stayed closed as a precaution."),
    ]
    assert "|" not in doc.text and "![" not in doc.text


def test_trailing_byline_becomes_author_and_sources(tmp_path: Path) -> None:
    doc = load_text(tmp_path, PICTURE_STORY)
    assert doc.meta.author == "Mai Tran"
    assert doc.meta.sources == ("Reuters", "AP")
    assert "Mai Tran" not in doc.text


def test_caption_after_picture_with_alt_text_and_link(tmp_path: Path) -> None:
    doc = load_text(tmp_path,
                    "The vote was held on Sunday across the whole country.\n"
                    "[![A polling station](https://img.example/1.jpg)](https://example.org/p)\n"
                    "Voters queue outside a polling station in the capital.\n"
                    "Turnout was higher than at the last election, officials said.\n")
    assert [kind for kind, _ in blocks(doc)] == ["paragraph", "caption", "paragraph"]


def test_caption_without_picture_line_is_recognized_by_its_credit(tmp_path: Path) -> None:
    doc = load_text(tmp_path,
                    "Rescue teams worked through the night to reach the village.\n"
                    "Rescuers carry supplies across a flooded road. Photo by Anna Holm\n"
                    "Power was restored to most homes by morning.\n")
    assert blocks(doc)[1] == ("caption", "Rescuers carry supplies across a flooded road. "
                                         "Photo by Anna Holm")


def test_markdown_picture_and_caption(tmp_path: Path) -> None:
    doc = load_text(tmp_path,
                    "Talks resumed in the afternoon.\n\n"
                    "![]() |\nDelegates arrive for the talks. Photo: AFP |\n"
                    "Delegates arrive for the talks. Photo: AFP\n\n"
                    "No agreement was reached.\n", name="talks.md")
    assert blocks(doc) == [
        ("paragraph", "Talks resumed in the afternoon."),
        ("caption", "Delegates arrive for the talks. Photo: AFP"),
        ("paragraph", "No agreement was reached."),
    ]


def test_table_rows_are_not_captions(tmp_path: Path) -> None:
    doc = load_text(tmp_path, "Results by region follow.\n| North | 12 |\n| South | 9 |\n")
    assert all(kind == "paragraph" for kind, _ in blocks(doc))


def test_leading_by_line(tmp_path: Path) -> None:
    doc = load_text(tmp_path,
                    "By Jane Okafor and Tom Reyes, Reuters\n"
                    "Negotiators met for a second day in the capital on Wednesday.\n"
                    "Both sides described the talks as constructive.\n")
    assert doc.meta.author == "Jane Okafor, Tom Reyes"
    assert doc.meta.sources == ("Reuters",)
    assert not doc.text.startswith("By")


def test_reuters_style_reporting_credit(tmp_path: Path) -> None:
    doc = load_text(tmp_path,
                    "Oil prices rose two percent on supply worries.\n"
                    "Traders expect further gains this week.\n"
                    "(Reporting by Sara Lind in Oslo; Additional reporting by Ken Mori; "
                    "Editing by Paul Grant)\n")
    assert doc.meta.author == "Sara Lind, Ken Mori"
    assert doc.text.endswith("Traders expect further gains this week.")


def test_sidecar_wins_over_byline_but_byline_still_leaves_the_text(tmp_path: Path) -> None:
    (tmp_path / "story.meta.json").write_text('{"author": "Desk Editor", "sources": ["AFP"]}')
    doc = load_text(tmp_path, PICTURE_STORY)
    assert (doc.meta.author, doc.meta.sources) == ("Desk Editor", ("AFP",))
    assert "Mai Tran" not in doc.text


def test_a_lone_byline_like_line_is_kept_as_text(tmp_path: Path) -> None:
    doc = load_text(tmp_path, "By Jane Okafor")
    assert doc.text == "By Jane Okafor"


@pytest.mark.parametrize(("line", "expected"), [
    ("Huyen Le (According to AFP, Reuters)", Byline("Huyen Le", ("AFP", "Reuters"))),
    ("Ngoc Anh (Theo VnExpress)", Byline("Ngoc Anh", ("VnExpress",))),
    ("(According to AP)", Byline(None, ("AP",))),
    ("By Ana de la Cruz", Byline("Ana de la Cruz")),
    ("By Jane Okafor | 7 August 2025", Byline("Jane Okafor")),
    ("Sources: AFP, Reuters.", Byline(None, ("AFP", "Reuters"))),
    ("Reporting by Sara Lind and Ken Mori; Editing by Paul Grant",
     Byline("Sara Lind, Ken Mori")),
])
def test_bylines(line: str, expected: Byline) -> None:
    assert parse_byline(line) == expected


@pytest.mark.parametrize("line", [
    "By the numbers",
    "By Monday, the troops had left the city.",
    "By 2030 the plan should be complete.",
    "The minister spoke (according to officials) for an hour.",
    "Trump met Putin (According to several sources familiar with the talks, who asked not "
    "to be named because they were not authorised to speak publicly about the plans)",
])
def test_prose_is_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


def test_prose_mentioning_an_image_is_not_a_caption(tmp_path: Path) -> None:
    doc = load_text(tmp_path,
                    "The council unveiled its plan for the waterfront on Thursday evening.\n"
                    "Residents were shown the image: a bright future.\n")
    assert [kind for kind, _ in blocks(doc)] == ["paragraph", "paragraph"]


def test_headline_ending_in_a_quotation_is_still_the_title(tmp_path: Path) -> None:
    doc = load_text(tmp_path,
                    "Minister says deal could come 'within days'\n"
                    "The trade minister said on Friday that negotiators were close to a deal.\n")
    assert doc.meta.title == "Minister says deal could come 'within days'"
    assert doc.blocks[0].kind == "heading"
