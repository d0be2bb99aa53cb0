"""``gloss export`` and ``gloss import`` run as a user runs them: real files, real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.export.conftest import TEXT, build_notes
from tests.export.test_importer import HYPOTHESIS_EXPORT
from tui.cli import main
from tui.document.load import load_document
from tui.store.db import Store
from tui.store.model import Note

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = TEXT + "\n"


def gloss(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GLOSS_DB"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def db_with_notes(tmp_path: Path, article: Path) -> tuple[Path, list[Note]]:
    document = load_document(article)
    assert document.text == TEXT  # so the shared notes' offsets hold
    notes = build_notes(document)
    db = tmp_path / "notes.json"
    with Store.open(db) as store:
        for note in notes:
            store.save(note)
    return db, notes


def test_export_json_to_stdout(tmp_path: Path, article: Path,
                               db_with_notes: tuple[Path, list[Note]]) -> None:
    db, notes = db_with_notes
    run = gloss("export", str(article), "--db", str(db), "--format", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["total"] == len(notes)
    assert {a["id"] for a in data["first"]["items"]} == {f"urn:uuid:{n.id}" for n in notes}


def test_export_to_file_refuses_to_overwrite_without_force(
        tmp_path: Path, article: Path, db_with_notes: tuple[Path, list[Note]]) -> None:
    db, notes = db_with_notes
    out = tmp_path / "notes.csv"
    first = gloss("export", str(article), "--db", str(db), "-f", "csv", "-o", str(out),
                  cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stderr.strip() == f"Wrote {len(notes)} notes to {out}"
    assert out.read_text(encoding="utf-8").startswith("Highlight,Title,Author,URL,Note")
    out.write_text("mine", encoding="utf-8")
    again = gloss("export", str(article), "--db", str(db), "-f", "csv", "-o", str(out),
                  cwd=tmp_path)
    assert again.returncode == 2
    assert again.stderr == f"gloss: {out} already exists; use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "mine"
    forced = gloss("export", str(article), "--db", str(db), "-f", "csv", "-o", str(out),
                   "--force", cwd=tmp_path)
    assert forced.returncode == 0 and out.read_text(encoding="utf-8") != "mine"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_round_trip_through_an_empty_database(
        tmp_path: Path, article: Path, db_with_notes: tuple[Path, list[Note]]) -> None:
    db, notes = db_with_notes
    exported = tmp_path / "notes.jsonld"
    assert gloss("export", str(article), "--db", str(db), "-f", "json", "-o", str(exported),
                 cwd=tmp_path).returncode == 0
    fresh = tmp_path / "fresh.json"
    run = gloss("import", str(exported), "--db", str(fresh), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"Imported {len(notes)} notes: {len(notes)} new, 0 updated")
    with Store.open(db) as old, Store.open(fresh) as new:
        assert new.all_notes() == old.all_notes()
    again = gloss("import", str(exported), "--db", str(fresh), cwd=tmp_path)
    assert f"0 new, 0 updated, {len(notes)} unchanged" in again.stdout


def test_hypothesis_notes_attach_to_their_article_on_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "bridge.html"
    page.write_text("<html><head><title>Harbour bridge reopens</title>"
                    '<link rel="canonical" href="https://news.example/harbour-bridge"></head>'
                    "<body><p>" + ARTICLE.split("\n\n", 1)[1].replace("\n\n", "</p><p>")
                    + "</p></body></html>", encoding="utf-8")
    source = tmp_path / "hypothesis.json"
    source.write_text(json.dumps(HYPOTHESIS_EXPORT), encoding="utf-8")
    db = tmp_path / "notes.json"
    run = gloss("import", str(source), "--db", str(db), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "2 new" in run.stdout and "1 not tied to an article yet" in run.stdout
    assert "skipped 1" in run.stdout  # the reply
    # In this process: the analysis reuses the session's loaded pipeline.
    assert main(["export", str(page), "--db", str(db), "-f", "md", "--date", "2025-08-06"]) == 0
    exported = capsys.readouterr().out
    assert "> after three months of repairs" in exported
    assert "Was it really \\*\\*three\\*\\* months?" in exported


def test_timeline_export_as_calendar(tmp_path: Path, article: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from icalendar import Calendar

    assert main(["export", str(article), "--db", str(tmp_path / "db.json"), "-f", "ics",
                 "--date", "2025-08-06"]) == 0
    calendar = capsys.readouterr().out
    days = {e.decoded("DTSTART").isoformat()
            for e in Calendar.from_ical(calendar).walk("VEVENT")}
    assert {"2025-08-06", "2025-09-01"} <= days


@pytest.mark.parametrize("args, message", [
    (["export", "missing.txt", "-f", "json"], "missing.txt"),
    (["import", "missing.json"], "cannot read missing.json"),
    (["import", "bad.json"], "not JSON"),
])
def test_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    run = gloss(*args, "--db", str(tmp_path / "db.json"), cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.startswith("gloss: ") and run.stderr.count("\n") == 1
    assert message in run.stderr
