"""News pages as the web serves them: trafilatura picks the story, our walker keeps its blocks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.document.load import load_document, parse_document
from tui.document.model import Document

STORY = [
    "The ferry between Alder Island and the mainland resumed service on Wednesday after a "
    "three-week suspension caused by storm damage to the northern pier.",
    "Harbour officials said the crossing would run every hour until the end of the month, "
    "then return to its winter timetable of six sailings a day.",
    "Commuters who had relied on a replacement bus through the causeway welcomed the news. "
    "\u201cIt has been a long three weeks,\u201d said Maria Keane, a nurse who works in town.",
    "Repairs to the southern pier are expected to begin in October and to cost about "
    "two million euros, according to the island council.",
]
CAPTION = "The repaired northern pier on Tuesday evening."
FURNITURE = [
    "Home", "World", "Sport", "Share on Facebook", "Share on X", "Copy link",
    "We use cookies to improve your experience. Accept all cookies",
    "Related: Council approves new harbour budget", "Related: Storm closes schools",
    "Subscribe to our newsletter", "Most read this week",
]
COMMENT = "Reader comment: this ferry is always late and nobody in charge ever cares about it."


def story_html() -> str:
    paragraphs = [f"<p>{text}</p>" for text in STORY]
    figure = (f'<figure><img src="pier.jpg" alt="Pier"><figcaption>{CAPTION}</figcaption>'
              "</figure>")
    return "".join(paragraphs[:2]) + figure + "".join(paragraphs[2:])


def page(body: str, head: str = "") -> str:
    return (
        "<!doctype html><html><head><title>Ferry resumes | Island Times</title>"
        '<meta property="og:site_name" content="Island Times">'
        f"{head}</head><body>"
        '<div class="cookie-banner"><p>We use cookies to improve your experience. '
        "<button>Accept all cookies</button></p></div>"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
        '<li><a href="/sport">Sport</a></li></ul></nav>'
        f"{body}"
        '<div class="related"><h3>Most read this week</h3><ul>'
        '<li><a href="/a">Related: Council approves new harbour budget</a></li>'
        '<li><a href="/b">Related: Storm closes schools</a></li></ul></div>'
        "<footer><p>Subscribe to our newsletter</p><p>\u00a9 Island Times</p></footer>"
        "</body></html>"
    )


def share_bar() -> str:
    return ('<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> '
            '<a href="#">Copy link</a></div>')


def load(tmp_path: Path, html: str, name: str = "story.html") -> Document:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return load_document(path)


def assert_story(doc: Document) -> None:
    for text in STORY:
        assert text in doc.text
    for debris in FURNITURE:
        assert debris not in doc.text, debris


def test_article_page_drops_menus_share_bars_related_lists_and_cookie_notices(
    tmp_path: Path,
) -> None:
    body = f"<article><h1>Ferry resumes</h1>{share_bar()}{story_html()}{share_bar()}</article>"
    doc = load(tmp_path, page(body))
    assert_story(doc)
    assert doc.meta.title == "Ferry resumes"
    assert doc.meta.source == "Island Times"


def test_caption_is_kept_as_a_caption_between_the_paragraphs_it_stood_between(
    tmp_path: Path,
) -> None:
    doc = load(tmp_path, page(f"<article>{story_html()}</article>"))
    kinds = [(block.kind, doc.text[block.start:block.end]) for block in doc.blocks]
    assert kinds.index(("caption", CAPTION)) == kinds.index(("paragraph", STORY[1])) + 1


def test_page_wrapped_in_a_form_still_yields_the_story(tmp_path: Path) -> None:
    html = page(f'<form action="/postback" method="post"><div id="content">{story_html()}'
                f"{share_bar()}</div></form>")
    assert_story(load(tmp_path, html))


def test_two_mains_the_story_is_found_in_the_second(tmp_path: Path) -> None:
    teaser = '<main class="promo"><p><a href="/sub">Subscribe to our newsletter</a></p></main>'
    html = page(f"{teaser}<main>{story_html()}</main>")
    assert_story(load(tmp_path, html))


def test_reader_comment_in_an_article_element_is_not_the_story(tmp_path: Path) -> None:
    comments = ('<section id="comments"><h2>Comments</h2>'
                f'<article class="comment"><p>{COMMENT}</p></article></section>')
    html = page(f"<article>{story_html()}</article>{comments}")
    doc = load(tmp_path, html)
    assert_story(doc)
    assert COMMENT not in doc.text


def test_byline_in_the_page_names_the_author(tmp_path: Path) -> None:
    body = (f'<article><h1>Ferry resumes</h1><p class="byline">By Ana Ruiz</p>{story_html()}'
            "</article>")
    doc = load(tmp_path, page(body))
    assert doc.meta.author == "Ana Ruiz"
    assert "By Ana Ruiz" not in doc.text


def test_extractor_author_fills_in_when_no_byline(tmp_path: Path) -> None:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", '
          '"@type": "NewsArticle", "author": {"@type": "Person", "name": "Tomas Berg"}}</script>')
    doc = load(tmp_path, page(f"<article>{story_html()}</article>", ld))
    assert doc.meta.author == "Tomas Berg"


def test_author_link_without_a_by_is_found_by_the_extractor(tmp_path: Path) -> None:
    body = f'<article><a rel="author" href="/staff/berg">Tomas Berg</a>{story_html()}</article>'
    doc = load(tmp_path, page(body))
    assert doc.meta.author == "Tomas Berg"


@pytest.mark.parametrize(("stamp", "day"), [
    ("2025-08-06T21:00:00-04:00", "2025-08-06"),  # a US evening story: 01:00 UTC on the 7th
    ("2025-08-07T00:30:00+09:00", "2025-08-07"),  # a Tokyo morning: the 6th in UTC
    ("2025-08-06T23:59:00Z", "2025-08-06"),
])
def test_publication_day_is_the_day_as_written(tmp_path: Path, stamp: str, day: str) -> None:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", '
          f'"@type": "NewsArticle", "datePublished": "{stamp}"}}</script>')
    doc = load(tmp_path, page(f"<article>{story_html()}</article>", ld))
    assert (doc.meta.published, doc.meta.published_from) == (day, "metadata")


def test_publication_date_from_a_visible_dateline(tmp_path: Path) -> None:
    body = f'<article><p class="date">Published 6 August 2025</p>{story_html()}</article>'
    doc = load(tmp_path, page(body))
    assert doc.meta.published == "2025-08-06"


def test_page_with_no_article_text_is_one_clear_error(tmp_path: Path) -> None:
    from tui.document.errors import DocumentError

    shell = ('<!doctype html><html><head><title>Island Times</title>'
             '<script src="/app.js"></script></head><body><nav><a href="/">Home</a> '
             '<a href="/world">World</a></nav><div id="app"></div>'
             "<footer>\u00a9 Island Times</footer></body></html>")
    with pytest.raises(DocumentError, match="no article text"):
        load(tmp_path, shell)


def test_same_page_gives_the_same_document_id() -> None:
    html = page(f"<article>{story_html()}</article>")
    assert parse_document(html, "html").id == parse_document(html, "html").id


def test_opening_a_text_article_does_not_import_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(STORY[0], encoding="utf-8")
    html = tmp_path / "page.html"
    html.write_text(page(f"<article>{story_html()}</article>"), encoding="utf-8")
    probe = (
        "import sys\n"
        "from tui.document.load import load_document\n"
        f"load_document({str(path)!r})\n"
        "print('trafilatura' in sys.modules)\n"
        f"load_document({str(html)!r})\n"
        "print('trafilatura' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "True"]
