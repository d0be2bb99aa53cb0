"""A note re-attached to an edited article exports the passage as it is now.

The quote and position selectors must describe the same characters of the current text; the
words the note was written on survive in ``gloss:originalExact`` (and in Markdown).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from tests.export.conftest import FIXED_NOW, TEXT, build_document
from tui.document.model import Document
from tui.export import FORMATS
from tui.export.options import ExportOptions
from tui.store.anchoring import reanchor_all
from tui.store.model import Note

OPTIONS = ExportOptions(now=FIXED_NOW)
# A sentence added at the top and a typo fixed inside the noted passage.
TYPO_TEXT = TEXT.replace("three months of repairs", "three monhts of repairs")
EDITED_TEXT = "Updated at 9am with a statement from the council.\n\n" + TEXT


def _on(text: str, phrase: str, number: int, **kw: Any) -> Note:
    start = text.index(phrase)
    return Note.on_passage(Document(text).id, text, start, start + len(phrase),
                           id=f"00000000-0000-4000-8000-{number:012d}",
                           created="2025-08-01T09:00:00+00:00",
                           modified="2025-08-01T09:00:00+00:00", **kw)


def _notes_on_edited_article() -> tuple[Document, list[Note]]:
    typo = _on(TYPO_TEXT, "after three monhts", 1, body="typo")
    kept = _on(TYPO_TEXT, "Ana Lima", 2)
    cut = _on(TYPO_TEXT.replace("Residents", "Ratepayers"), "Ratepayers had complained", 3)
    document = Document(EDITED_TEXT, meta=build_document().meta)
    return document, reanchor_all([typo, kept, cut], document.text)


def _annotations() -> dict[str, dict[str, Any]]:
    document, notes = _notes_on_edited_article()
    data = json.loads(FORMATS["json"].render(document, notes, None, OPTIONS))
    return {item["id"][-1]: item for item in data["first"]["items"]}


def _selectors(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["type"]: s for s in item["target"]["selector"]}


def test_both_selectors_describe_the_current_text() -> None:
    fuzzy = _annotations()["1"]
    selectors = _selectors(fuzzy)
    start = selectors["TextPositionSelector"]["start"]
    end = selectors["TextPositionSelector"]["end"]
    quote = selectors["TextQuoteSelector"]
    assert quote["exact"] == EDITED_TEXT[start:end] == "after three months"
    assert quote["prefix"] == EDITED_TEXT[max(0, start - 32):start]
    assert quote["suffix"] == EDITED_TEXT[end:end + 32]
    assert fuzzy["gloss:originalExact"] == "after three monhts"


def test_a_moved_passage_has_the_new_context_and_no_original() -> None:
    moved = _annotations()["2"]
    selectors = _selectors(moved)
    start = selectors["TextPositionSelector"]["start"]
    assert EDITED_TEXT[start:start + 8] == "Ana Lima"
    assert selectors["TextQuoteSelector"]["prefix"] == EDITED_TEXT[start - 32:start]
    assert "gloss:originalExact" not in moved


def test_an_orphan_keeps_its_quote_and_gives_no_position() -> None:
    orphan = _annotations()["3"]
    assert list(_selectors(orphan)) == ["TextQuoteSelector"]
    assert _selectors(orphan)["TextQuoteSelector"]["exact"] == "Ratepayers had complained"
    assert orphan["gloss:anchor"] == "orphaned"


def test_markdown_and_csv_quote_the_current_text() -> None:
    document, notes = _notes_on_edited_article()
    markdown = FORMATS["md"].render(document, notes, None, OPTIONS)
    assert "> after three months" in markdown
    assert "*Written on:* “after three monhts”" in markdown
    rows = list(csv.DictReader(io.StringIO(FORMATS["csv"].render(document, notes, None,
                                                                  OPTIONS))))
    assert "after three months" in [row["Highlight"] for row in rows]
    assert "after three monhts" not in [row["Highlight"] for row in rows]
