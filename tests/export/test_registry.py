"""The format registry the export dialog and the CLI share."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.document.model import Document, Metadata
from tui.errors import GlossError
from tui.export import FORMATS, default_filename, needs_analysis, save_export
from tui.export.options import ExportOptions


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_every_format_is_offered_on_the_command_line(key: str) -> None:
    from tui.cli import build_parser

    assert build_parser().parse_args(["export", "--format", key]).format == key


def test_default_file_names(document: Document) -> None:
    assert default_filename(document, "md") == "harbour-bridge-reopens-after-repairs-notes.md"
    assert default_filename(document, "ics") == (
        "harbour-bridge-reopens-after-repairs-timeline.ics")
    untitled = Document("text", meta=Metadata(path="/tmp/Été à Paris!.txt"))
    assert default_filename(untitled, "json") == "ete-a-paris-notes.jsonld"
    assert default_filename(Document("text"), "csv") == "untitled-article-notes.csv"


def test_only_timeline_formats_and_markdown_sections_need_analysis() -> None:
    assert not needs_analysis("json") and not needs_analysis("csv")
    assert needs_analysis("ics") and needs_analysis("timeline-csv")
    assert needs_analysis("md")
    assert not needs_analysis("md", ExportOptions(timeline=False, entities=False))


def test_save_export_writes_the_named_format(tmp_path: Path, document: Document) -> None:
    target = save_export("md", document, [], None, tmp_path / default_filename(document, "md"),
                         options=ExportOptions(timeline=False, entities=False))
    assert target.read_text(encoding="utf-8").startswith("# Harbour bridge reopens")
    with pytest.raises(GlossError, match="already exists"):
        save_export("md", document, [], None, target)


def test_export_layer_loads_without_textual_or_spacy() -> None:
    import subprocess
    import sys

    code = ("import sys, tui.export, tui.export.cli, tui.export.importer\n"
            "for key, fmt in tui.export.FORMATS.items(): __import__('tui.export.' + fmt.module)\n"
            "print(sorted(m for m in ('textual', 'spacy', 'tui.app') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert run.stdout.strip() == "[]"
