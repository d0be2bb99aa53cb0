"""A notes database a command creates is announced once, so a mistyped --db is noticed."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tui.app.run import _open
from tui.cli import main
from tui.open_notes import open_store


def test_a_new_database_is_announced_once(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "no" / "such" / "folder" / "notes.json"
    with open_store(str(path)):
        pass
    assert capsys.readouterr().err == f"gloss: created a new notes database at {path}\n"
    with open_store(str(path)):
        pass
    assert capsys.readouterr().err == ""


def test_export_says_its_database_is_new(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The mayor of Leeds spoke on Monday.\n", encoding="utf-8")
    typo = tmp_path / "nots" / "notes.json"
    assert main(["export", "-f", "json", "--db", str(typo), str(article)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err.count(f"gloss: created a new notes database at {typo}") == 1


def test_the_reader_says_its_database_is_new(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The mayor of Leeds spoke on Monday.\n", encoding="utf-8")
    typo = tmp_path / "nots" / "notes.json"
    args = argparse.Namespace(path=str(article), db=str(typo), model=None, date=None,
                              date_order=None)
    _, store, _, _ = _open(args)
    store.close()
    assert capsys.readouterr().err == f"gloss: created a new notes database at {typo}\n"
