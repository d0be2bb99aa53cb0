"""CSV exports open with the csv module, carry Readwise's header and cannot run formulas."""

from __future__ import annotations

import csv
import io

import pytest

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export import readwise_csv, timeline_csv
from tui.export.csv_safe import neutralize
from tui.export.options import ExportOptions
from tui.store.model import Note


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("cell, safe", [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1 555", "'+1 555"), ("-2", "'-2"), ("@mayor", "'@mayor"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("a=b", "a=b"), ("", ""),
])
def test_formula_cells_are_neutralized(cell: str, safe: str) -> None:
    assert neutralize(cell) == safe


def test_readwise_csv_has_the_import_header_and_one_row_per_note(
        document: Document, notes: list[Note], options: ExportOptions) -> None:
    text = readwise_csv.render(document, notes, None, options)
    assert text.startswith("Highlight,Title,Author,URL,Note,Location,Date\r\n")
    table = rows(text)
    assert len(table) == len(notes)
    first = table[1]
    assert first["Highlight"] == "reopened on 6 August 2025"
    assert first["Title"] == "Harbour bridge reopens after repairs"
    assert first["Author"] == "Jo Banks"
    assert first["URL"] == "https://news.example/harbour-bridge"
    assert first["Location"] == "67" and first["Date"] == "2025-08-01 09:00:00"
    assert first["Note"].startswith(".fact-check .2025 .bridge/infra Check *this* date")
    assert "\n\n> not a quote" in first["Note"]  # multi-line notes survive quoting


def test_readwise_csv_guards_against_formula_injection(
        document: Document, notes: list[Note], options: ExportOptions) -> None:
    notes_cells = [r["Note"] for r in rows(readwise_csv.render(document, notes, None, options))]
    assert "'@mayor since 2021" in notes_cells
    assert "'=SUM(A1) ramp schedule" in notes_cells
    for row in rows(readwise_csv.render(document, notes, None, options)):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row.values())


def test_timeline_csv_lists_every_entry_with_its_first_day(
        document: Document, notes: list[Note], analysis: Analysis,
        options: ExportOptions) -> None:
    table = rows(timeline_csv.render(document, notes, analysis, options))
    assert [r["Value"] for r in table] == [e.value for e in analysis.timeline]
    by_value = {r["Value"]: r for r in table}
    assert by_value["2025-09"]["Date"] == "2025-09-01"
    assert by_value["2025-09"]["Granularity"] == "month"
    assert by_value["2025-09"]["Notes"] == "'=SUM(A1) ramp schedule"
    assert by_value["2026-SP"]["Date"] == "2026-03-01"
    assert (by_value["FUTURE_REF"]["Date"], by_value["FUTURE_REF"]["Vague"]) == ("", "yes")
    assert by_value["2024"]["Mod"] == "AFTER"
