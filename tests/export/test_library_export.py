"""``gloss export --all``: the library through the single-article renderers (real files)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from tui.document.load import parse_document
from tui.document.model import Document, Metadata
from tui.export import FORMATS
from tui.export.many import Item, gather, markdown_names, render_markdown
from tui.export.options import ExportOptions
from tui.store.db import Store
from tui.store.library import Library
from tui.store.model import Note

FERRY = "The ferry to Alder Island resumed on Wednesday after storm damage."
BRIDGE = "Engineers closed the swing bridge over the estuary on Monday."
AGAIN = "Engineers reopened the swing bridge on Friday, ahead of schedule."


def doc(text: str, title: str) -> Document:
    parsed = parse_document(text, "text")
    return Document(parsed.text, parsed.blocks, Metadata(title=title))


def make_library(tmp_path: Path) -> Path:
    """Three articles (two share a title) and a note on two of them."""
    db = tmp_path / "notes.json"
    store = Store.open(db)
    with Library.open(db) as library:
        for text, title in ((FERRY, "Ferry resumes"), (BRIDGE, "Bridge: closed?"),
                            (AGAIN, "Bridge: closed?")):
            document = doc(text, title)
            library.add(document)
            if text != AGAIN:
                start = text.index("on ")
                store.save(Note.on_passage(document.id, text, start, start + 10,
                                           body=f"note on {title}", tags=("t",)))
    store.close()
    return db


def gloss(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", "export", "--all", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=120,
                          stdin=subprocess.DEVNULL)


def test_markdown_is_one_file_per_article_with_unique_safe_names_never_overwritten(
    tmp_path: Path,
) -> None:
    db = make_library(tmp_path)
    result = gloss("--db", str(db), "-o", "vault", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "vault").iterdir())
    assert names == ["bridge-closed-notes-2.md", "bridge-closed-notes.md",
                     "ferry-resumes-notes.md"]
    ferry = (tmp_path / "vault" / "ferry-resumes-notes.md").read_text(encoding="utf-8")
    assert ferry.startswith("# Ferry resumes") and "note on Ferry resumes" in ferry
    assert "Wrote 2 notes from 3 articles to 3 files" in result.stderr
    (tmp_path / "vault" / "ferry-resumes-notes.md").write_text("mine", encoding="utf-8")
    refused = gloss("--db", str(db), "-o", "vault", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "--force" in refused.stderr
    assert (tmp_path / "vault" / "ferry-resumes-notes.md").read_text() == "mine"
    forced = gloss("--db", str(db), "-o", "vault", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "vault" / "ferry-resumes-notes.md").read_text() == ferry


def test_json_is_one_collection_and_csv_one_readwise_file(tmp_path: Path) -> None:
    db = make_library(tmp_path)
    result = gloss("--db", str(db), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    bodies = {b["value"] for a in data["first"]["items"] for b in a["body"]
              if b["purpose"] == "commenting"}
    assert bodies == {"note on Ferry resumes", "note on Bridge: closed?"}
    result = gloss("--db", str(db), "--format", "csv", "-o", "all.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "all.csv").read_text(encoding="utf-8"))))
    assert rows[0][:2] == ["Highlight", "Title"]
    assert sorted(r[1] for r in rows[1:]) == ["Bridge: closed?", "Ferry resumes"]


def test_bad_combinations_are_one_line(tmp_path: Path) -> None:
    db = make_library(tmp_path)
    for args in (("--format", "ics"), ("--format", "md"), ("article.txt",)):
        result = gloss("--db", str(db), *args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_the_markdown_of_an_article_is_the_single_article_export(tmp_path: Path) -> None:
    db = make_library(tmp_path)
    with Store.open(db) as store, Library.open(db) as library:
        items = gather(library, store)
    options = ExportOptions(timeline=False, entities=False)
    for item in items:
        assert render_markdown(item, ExportOptions()) == FORMATS["md"].render(
            item.document, item.notes, None, options)
    nameless = Item(doc("Text only.", ""), (), None)  # no title: a name all the same
    assert markdown_names([nameless, nameless]) == ["untitled-article-notes.md",
                                                    "untitled-article-notes-2.md"]
