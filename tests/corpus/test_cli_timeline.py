"""``gloss timeline --jsonl`` as a user runs it: a real subprocess on the invented story."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.corpus.articles import ARTICLES

ROOT = Path(__file__).resolve().parents[2]
TEXTS = {doc: text for doc, _, _, text in ARTICLES}


def gloss(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "timeline", *args], input=stdin, capture_output=True,
        text=True, encoding="utf-8", cwd=ROOT, timeout=300, check=False)


def _stream(extra: tuple[str, ...] = ()) -> str:
    lines = [json.dumps({"id": doc, "text": text, "dct": dct, "date_order": order})
             for doc, dct, order, text in ARTICLES]
    return "\n".join([*lines, *extra]) + "\n"


@pytest.fixture(scope="module")
def named() -> list[dict[str, Any]]:
    result = gloss("--jsonl", "--entity", "petrak", "--entity", "Nobody Atall",
                   "--entity", "Mara Voss", stdin=_stream())
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_one_line_per_named_entity_in_the_order_asked(named: list[dict[str, Any]]) -> None:
    assert [r["entity"] for r in named] == ["petrak", "Nobody Atall", "Mara Voss"]
    petrak, nobody, mara = named
    assert petrak["label"] == "PERSON" and "Ivo Petrak" in petrak["aliases"]
    assert nobody == {"entity": "Nobody Atall", "label": None, "aliases": [], "mentions": [],
                      "events": []}
    assert "Voss" in mara["aliases"]


def test_offsets_are_code_points_into_each_line_text(named: list[dict[str, Any]]) -> None:
    petrak = named[0]
    assert {TEXTS[doc][a:b] for doc, a, b in petrak["mentions"]} == {"Ivo Petrak", "Petrak"}
    for event in petrak["events"]:
        assert TEXTS[event["doc"]][event["start"]:event["end"]] == event["text"]
        assert "Ivo Petrak" in event["participants"]


def test_events_are_ranked_by_anchor(named: list[dict[str, Any]]) -> None:
    events = named[0]["events"]
    placed = [e for e in events if e["order"]]
    assert [e["order"] for e in placed] == sorted(e["order"] for e in placed)
    by_anchor: dict[str, set[int]] = {}
    for e in placed:
        by_anchor.setdefault(e["anchor"], set()).add(e["order"])
    assert all(len(orders) == 1 for orders in by_anchor.values())  # same date, same rank
    assert sorted(by_anchor, key=lambda a: next(iter(by_anchor[a]))) == sorted(by_anchor)
    summits = {e["doc"]: e["anchor"] for e in events if e["text"] == "summit"}
    assert summits["postponed"] == "2025-03-14" and summits["contradiction"] == "2025-03-13"
    assert all(e["anchor"] is None or e["order"] == 0 for e in events
               if e["anchor"] in (None, "FUTURE_REF", "PAST_REF"))


def test_every_entity_without_entity_flags_and_the_same_with_processes() -> None:
    one = gloss("--jsonl", stdin=_stream())
    two = gloss("--jsonl", "--processes", "2", "--batch-size", "1", stdin=_stream())
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout
    names = [json.loads(line)["entity"] for line in one.stdout.splitlines()]
    assert {"Ivo Petrak", "Mara Voss", "Henrik Voss", "Geneva"} <= set(names)
    assert len(names) == len(set(names))


def test_a_bad_line_costs_its_article_one_line_and_the_exit_code() -> None:
    result = gloss("--jsonl", "--entity", "Ivo Petrak",
                   stdin=_stream(('{"id": "x", "text": 3}', "not json")))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 2
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["entity"] == "Ivo Petrak"


def test_usage_errors_are_one_line() -> None:
    result = gloss("--jsonl", "--processes", "0", stdin="")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["gloss: --processes must be at least 1, got 0"]


def test_an_integer_id_comes_back_an_integer() -> None:
    line = json.dumps({"id": 7, "dct": "2025-03-03",
                       "text": "Mara Voss met Ivo Petrak in Geneva on Monday."})
    result = gloss("--jsonl", "--entity", "Ivo Petrak", stdin=line + "\n")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["mentions"] == [[7, 14, 24]]
    assert [(e["doc"], e["text"], e["anchor"], e["order"]) for e in record["events"]] == [
        (7, "met", "2025-03-03", 1)]
