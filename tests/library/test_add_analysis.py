"""Added articles are analysed with the app's analysis and cached under the app's key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.library.pages import BRIDGE, FERRY, MARKET
from tui.analysis.cache_key import key_for, usable_analysis
from tui.cli import main
from tui.store.db import Store
from tui.store.library import Library


@pytest.mark.parametrize("processes", [1, 2])
def test_added_articles_are_analysed_and_cached_for_the_reader(
    tmp_path: Path, nlp: object, processes: int, capsys: pytest.CaptureFixture[str],
) -> None:
    for name, paragraphs in (("ferry", FERRY), ("bridge", BRIDGE), ("market", MARKET)):
        (tmp_path / f"{name}.txt").write_text("\n\n".join(paragraphs))
    db = tmp_path / "notes.json"
    code = main(["add", str(tmp_path / "ferry.txt"), str(tmp_path / "bridge.txt"),
                 str(tmp_path / "market.txt"), "--db", str(db), "--processes", str(processes)])
    assert code == 0
    assert capsys.readouterr().out == "3 articles added, 3 analysed.\n"
    with Library.open(db) as library, Store.open(db) as store:
        articles = library.articles()
        for article in articles:
            key = key_for(None, None, None, store.settings(article.id))
            assert key is not None
            cached = usable_analysis(store.cached_analysis(article.id, key))
            assert cached is not None and cached.doc_id == article.id
            assert article.analysed
        market = next(a for a in articles if a.title.startswith("Stallholders"))
    assert "Priya Nair" in market.entities


def test_adding_again_does_not_analyse_again(tmp_path: Path, nlp: object,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "market.txt"
    story.write_text("\n\n".join(MARKET))
    args = ["add", str(story), "--db", str(tmp_path / "notes.json")]
    assert main(args) == 0
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1 article added, 1 analysed.", "0 articles added, 1 already in the library."]
