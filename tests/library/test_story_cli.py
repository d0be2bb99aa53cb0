"""``gloss timeline --story``: the real command over a real library of analysed articles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.app.story_library import StoryLibrary, analyse_all, make_story_library, story_documents
from tui.analysis.model import Analysis
from tui.document.model import Document


@pytest.fixture(scope="module")
def analysed(nlp: Any) -> tuple[dict[str, Document], dict[str, Analysis]]:
    documents = story_documents()
    return documents, analyse_all(nlp, documents)


@pytest.fixture
def lib(tmp_path: Path, analysed: tuple[dict[str, Document], dict[str, Analysis]]
        ) -> StoryLibrary:
    return make_story_library(tmp_path, *analysed)


def gloss(lib: StoryLibrary, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    return subprocess.run([sys.executable, "-m", "tui", "timeline", "--db",
                           str(lib.store.path), *args], capture_output=True, text=True,
                          timeout=300, env=env, check=False)


def test_the_story_of_a_word_filter_cites_every_article(lib: StoryLibrary) -> None:
    done = gloss(lib, "--story", "summit")
    assert done.returncode == 0, done.stderr
    summit = next(line for line in done.stdout.splitlines() if "— summit" in line)
    assert summit.count("](gloss://doc/") == 4 and "≠ dates disagree" in summit
    assert lib.id("football") not in done.stdout  # no summit in the football report


def test_a_file_is_written_once_and_replaced_only_with_force(
        lib: StoryLibrary, tmp_path: Path) -> None:
    target = tmp_path / "story.ics"
    assert gloss(lib, "--story", "", "--format", "ics", "-o", str(target)).returncode == 0
    assert target.read_text().startswith("BEGIN:VCALENDAR")
    again = gloss(lib, "--story", "", "--format", "ics", "-o", str(target))
    assert again.returncode == 2 and again.stderr.count("\n") == 1
    assert "--force" in again.stderr
    assert gloss(lib, "--story", "", "--format", "csv", "-o", str(target),
                 "--force").returncode == 0
    assert target.read_text().startswith("Value,Date")


@pytest.mark.parametrize(("filter_line", "said"), [
    ("tag:nothing", "no article in the library matches"),
    ("before:soon", "before: needs a date"),
])
def test_a_bad_filter_is_one_line_and_exit_2(lib: StoryLibrary, filter_line: str,
                                             said: str) -> None:
    done = gloss(lib, "--story", filter_line)
    assert done.returncode == 2 and said in done.stderr and done.stderr.count("\n") == 1
