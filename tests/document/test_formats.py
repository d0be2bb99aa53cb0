"""Each input format opens as prose with headings and captions where the reader expects them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tui.document.load import load_document
from tui.document.model import Document


def blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_plain_text_has_one_block_per_line(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt",
                 "The mayor opened the new bridge on Monday, officials said.\r\n"
                 "Crowds lined both banks of the river to watch the ceremony.\r\n")
    doc = load_document(path)
    assert blocks(doc) == [
        ("paragraph", "The mayor opened the new bridge on Monday, officials said."),
        ("paragraph", "Crowds lined both banks of the river to watch the ceremony."),
    ]
    assert doc.text == "\n\n".join(text for _, text in blocks(doc))
    assert doc.meta.path == str(path)


def test_hard_wrapped_paragraphs_are_rejoined(tmp_path: Path) -> None:
    path = write(tmp_path, "book.txt",
                 "It was a bright cold day in April, and the clocks were striking\n"
                 "thirteen. Winston Smith, his chin nuzzled into his breast in an\n"
                 "effort to escape the vile wind, slipped quickly through the doors.\n"
                 "\n"
                 "The hallway smelt of boiled cabbage and old rag mats.\n")
    doc = load_document(path)
    assert [text for _, text in blocks(doc)] == [
        "It was a bright cold day in April, and the clocks were striking thirteen. Winston "
        "Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped "
        "quickly through the doors.",
        "The hallway smelt of boiled cabbage and old rag mats.",
    ]


def test_short_unpunctuated_first_line_is_the_title(tmp_path: Path) -> None:
    path = write(tmp_path, "news.txt",
                 "Bridge reopens after two years of repairs\n"
                 "The city's oldest bridge reopened to traffic on Monday after a long closure.\n")
    doc = load_document(path)
    assert doc.blocks[0].kind == "heading"
    assert doc.meta.title == "Bridge reopens after two years of repairs"


def test_markdown_keeps_prose_and_headings_without_markup(tmp_path: Path) -> None:
    path = write(tmp_path, "post.md",
                 "# Harbour *festival* returns\n\n"
                 "The **annual** festival drew [thousands](https://example.org) of visitors,\n"
                 "organisers said on `Sunday`.\n\n"
                 "## Boats\n\n"
                 "- Tall ships\n- Rowing races\n")
    doc = load_document(path)
    assert blocks(doc) == [
        ("heading", "Harbour festival returns"),
        ("paragraph", "The annual festival drew thousands of visitors, organisers said on Sunday."),
        ("heading", "Boats"),
        ("paragraph", "\u2022 Tall ships"),
        ("paragraph", "\u2022 Rowing races"),
    ]
    assert doc.meta.title == "Harbour festival returns"


def test_markdown_front_matter_is_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "post.md",
                 "---\ntitle: Festival report\ndate: 2024-05-02\nauthor: Mai Tran\n---\n"
                 "Visitors came from across the region.\n")
    doc = load_document(path)
    assert doc.text == "Visitors came from across the region."
    assert (doc.meta.title, doc.meta.published, doc.meta.author) == (
        "Festival report", "2024-05-02", "Mai Tran")
    assert doc.meta.published_from == "metadata"


HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Ferry service resumes | Coast Daily</title>
<meta property="og:title" content="Ferry service resumes after storm">
<meta property="og:site_name" content="Coast Daily">
<meta property="article:published_time" content="2024-03-09T07:30:00+01:00">
<meta name="author" content="Lena Berg">
<link rel="canonical" href="https://coast.example/ferry">
<style>p { color: red }</style>
<script>document.title = "hijacked";</script>
</head><body>
<header><nav><a href="/">Home</a> | <a href="/news">News</a></nav></header>
<article>
  <h1>Ferry service resumes after storm</h1>
  <p>Ferries to the islands <b>resumed</b> on Saturday, the operator said.</p>
  <figure><img src="ferry.jpg" alt="">
    <figcaption>A ferry leaves the harbour. Photo: Lena Berg</figcaption></figure>
  <aside>Read more: storm damage in pictures</aside>
  <p>Passengers were asked to <a href="/times">check times</a> before travelling.</p>
  <form><input name="q"><button>Subscribe</button></form>
</article>
<footer>&copy; Coast Daily</footer>
</body></html>
"""


def test_html_article_body_and_page_metadata(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "ferry.html", HTML_PAGE))
    assert blocks(doc) == [
        ("heading", "Ferry service resumes after storm"),
        ("paragraph", "Ferries to the islands resumed on Saturday, the operator said."),
        ("caption", "A ferry leaves the harbour. Photo: Lena Berg"),
        ("paragraph", "Passengers were asked to check times before travelling."),
    ]
    meta = doc.meta
    assert meta.title == "Ferry service resumes after storm"
    assert meta.source == "Coast Daily"
    assert (meta.published, meta.published_from) == ("2024-03-09", "metadata")
    assert meta.author == "Lena Berg"
    assert meta.url == "https://coast.example/ferry"
    for debris in ("hijacked", "Home", "Subscribe", "Read more", "color"):
        assert debris not in doc.text


def test_html_without_meta_uses_title_and_time_element(tmp_path: Path) -> None:
    page = ("<html><head><title>Market day</title></head><body><main>"
            "<p>Stalls opened at dawn.</p><time datetime=\"2023-11-04\">4 Nov</time>"
            "</main></body></html>")
    doc = load_document(write(tmp_path, "market.htm", page))
    assert doc.meta.title == "Market day"
    assert doc.meta.published == "2023-11-04"
    assert doc.text.startswith("Stalls opened at dawn.")


def test_html_entities_cannot_smuggle_control_characters(tmp_path: Path) -> None:
    page = "<html><body><p>Alarm&#7; and &#27;]0;pwned&#7; title</p></body></html>"
    doc = load_document(write(tmp_path, "trap.html", page))
    assert doc.text == "Alarm\u2407 and \u241b]0;pwned\u2407 title"


def test_deeply_nested_html_loads(tmp_path: Path) -> None:
    page = "<div>" * 3000 + "<p>Deep inside the page.</p>" + "</div>" * 3000
    doc = load_document(write(tmp_path, "deep.html", page))
    assert doc.text == "Deep inside the page."


def test_html_lists_keep_markers_and_title_loses_site_name(tmp_path: Path) -> None:
    page = ("<html><head><title>Budget vote | City Herald</title>"
            "<meta property=\"og:site_name\" content=\"City Herald\"></head><body>"
            "<p>The council approved:</p><ol><li>a new library</li><li>two parks</li></ol>"
            "<ul><li>Opposition: against</li></ul></body></html>")
    doc = load_document(write(tmp_path, "vote.html", page))
    assert doc.meta.title == "Budget vote"
    assert [text for _, text in blocks(doc)] == [
        "The council approved:", "1. a new library", "2. two parks", "\u2022 Opposition: against",
    ]


def test_stdin_bytes_and_text(tmp_path: Path) -> None:
    from_bytes = load_document("-", stdin=io.BytesIO("Caf\u00e9 owners met on Friday.\n".encode()))
    assert from_bytes.text == "Caf\u00e9 owners met on Friday."
    assert from_bytes.meta.path is None
    from_text = load_document("-", stdin=io.StringIO("Plain words from a pipe.\n"))
    assert from_text.text == "Plain words from a pipe."


def test_stdin_html_is_recognized() -> None:
    doc = load_document("-", stdin=io.BytesIO(b"<!doctype html><p>Hello from HTML.</p>"))
    assert doc.text == "Hello from HTML."


def test_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "notes.log", "A line of plain prose."))
    assert doc.text == "A line of plain prose."


@pytest.mark.parametrize("content", ["Same words.\n", "Same words.\r\n", "\ufeffSame words.\n"])
def test_same_article_gets_same_id(tmp_path: Path, content: str) -> None:
    doc = load_document(write(tmp_path, "a.txt", content))
    assert doc.id == load_document(write(tmp_path, "b.txt", "Same words.")).id


def test_decomposed_accents_are_normalized(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "nfd.txt", "Cafe\u0301 reopened."))
    assert doc.text == "Caf\u00e9 reopened."


def test_date_in_file_name_is_the_publication_date(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "2024-05-02-harbour.txt", "Boats returned to port."))
    assert (doc.meta.published, doc.meta.published_from) == ("2024-05-02", "filename")


def test_impossible_date_in_file_name_is_ignored(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "2024-13-45-notes.txt", "Boats returned to port."))
    assert doc.meta.published is None


def test_sidecar_beats_file_name_and_may_name_the_full_file(tmp_path: Path) -> None:
    path = write(tmp_path, "2024-05-02-harbour.txt", "Boats returned to port.")
    (tmp_path / "2024-05-02-harbour.txt.meta.json").write_text(
        '{"published": "2024-05-01", "date_order": "MDY", "byline": "Ola Nordmann",'
        ' "url": "https://example.org/harbour"}')
    meta = load_document(path).meta
    assert (meta.published, meta.published_from, meta.date_order) == (
        "2024-05-01", "metadata", "MDY")
    assert (meta.author, meta.url) == ("Ola Nordmann", "https://example.org/harbour")
