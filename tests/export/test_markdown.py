"""Markdown export: user text renders literally, notes in text order, sections on request."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.export.conftest import TRICKY_BODY
from tui.analysis.model import Analysis
from tui.document.model import Document, Metadata
from tui.export import markdown
from tui.export.markdown_text import blockquote, paragraphs, tag
from tui.export.options import ExportOptions
from tui.store.model import Note


class _TextContent(HTMLParser):
    """Text content of rendered HTML, one line per block element, plus the tags seen."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "blockquote", "pre", "br"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def render(md: str) -> _TextContent:
    parser = _TextContent()
    parser.feed(MarkdownIt("commonmark").render(md))
    return parser


def lines(text: str) -> list[str]:
    """Non-blank lines, stripped: what survives Markdown's paragraph and whitespace rules."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_tricky_note_body_renders_as_its_literal_text() -> None:
    rendered = render("\n".join(paragraphs(TRICKY_BODY)))
    assert lines("".join(rendered.parts)) == lines(TRICKY_BODY)
    assert set(rendered.tags) == {"p"}  # no emphasis, code, links, lists, quotes or HTML


def test_quote_with_newlines_stays_inside_one_blockquote() -> None:
    quote = "First *line* | a\n\n# not a heading\n2. not a list\n`tick`"
    rendered = render(blockquote(quote))
    assert rendered.tags.count("blockquote") == 1
    assert set(rendered.tags) == {"blockquote", "p"}
    assert lines("".join(rendered.parts)) == lines(quote)


_ALPHABET = st.sampled_from(list("ab1 .)*_#|`[]()<>!&;-+=~$%^{}:\\\n\"'é—"))


@given(st.text(_ALPHABET, max_size=40))
def test_any_text_renders_literally(text: str) -> None:
    rendered = render(blockquote(text) + "\n\n" + "\n".join(paragraphs(text)))
    assert set(rendered.tags) <= {"blockquote", "p"}
    assert lines("".join(rendered.parts)) == lines(text) * 2


def test_tags_become_single_obsidian_tags() -> None:
    assert tag("fact check") == "#fact-check"
    assert tag("bridge/infra") == "#bridge/infra"
    assert tag("C++ & *rust*") == "#C-rust"
    assert tag("2025") == "#_2025"  # Obsidian ignores all-digit tags
    assert tag("  ###  ") == ""
    assert re.fullmatch(r"#[\w/-]+", tag("été: über#alles"))


def test_export_lists_header_then_notes_in_text_order(
        document: Document, notes: list[Note], analysis: Analysis,
        options: ExportOptions) -> None:
    md = markdown.render(document, notes, analysis, options)
    assert md.startswith("# Harbour bridge reopens after repairs\n\n- Source: The Harbour Gazette\n"
                         "- Published: 2025-08-06\n- Author: Jo Banks\n")
    order = [md.index(s) for s in ("Whole article", "> reopened on 6 August 2025",
                                   "> Ana Lima", "> September 2025", "> Castell")]
    assert order == sorted(order)
    assert "#fact-check · #_2025 · #bridge/infra · Category: question · [↗ 67–92](gloss://doc/" \
        f"{document.id}#char=67,92)" in md


def test_back_reference_offsets_point_at_the_quote(
        document: Document, notes: list[Note], options: ExportOptions) -> None:
    md = markdown.render(document, notes, None, options)
    for start, end in re.findall(r"#char=(\d+),(\d+)\)", md):
        assert f"> {document.text[int(start):int(end)]}".replace("&", "\\&") in md


def test_sections_follow_the_options(document: Document, notes: list[Note], analysis: Analysis
                                     ) -> None:
    full = markdown.render(document, notes, analysis, ExportOptions())
    assert "## Timeline" in full and "## Entities" in full
    assert "- **September 2025** — work on the eastern ramp would continue" in full
    assert "    - \\=SUM(A1) ramp schedule" in full  # the timeline note, under its entry
    assert "three months" not in full.split("## Entities")[1]  # dates are not entities
    bare = markdown.render(document, notes, analysis,
                           ExportOptions(timeline=False, entities=False, highlights=False))
    assert "## Timeline" not in bare and "## Entities" not in bare
    assert "Castell" not in bare  # the plain highlight was left out


def test_orphaned_notes_are_listed_apart(document: Document, notes: list[Note]) -> None:
    lost = replace(notes[1], anchor="orphaned")
    md = markdown.render(document, [notes[0], lost], None, ExportOptions())
    assert md.index("## Notes not found") < md.index("> Castell")


def test_title_and_metadata_stay_on_their_lines(options: ExportOptions) -> None:
    meta = Metadata(title="Breaking:\n# *Not* a [heading]", author="A <b>B</b>\nC",
                    url="javascript:alert(1)")
    md = markdown.render(Document("Body text.", meta=meta), [], None, options)
    rendered = render(md)
    assert "".join(rendered.parts).split("\n")[1] == "Breaking: # *Not* a [heading]"
    assert rendered.tags.count("h1") == 1 and "a" not in rendered.tags  # no link, no HTML
    assert "- Author: A \\<b\\>B\\</b\\> C\n" in md
