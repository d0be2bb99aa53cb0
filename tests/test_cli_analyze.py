"""``gloss analyze`` as a user runs it: a real subprocess, real files, real JSON lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tui.analysis.batch import BadLine, Record, parse_line

ROOT = Path(__file__).resolve().parent.parent

GOOD = [
    {"id": "merkel", "dct": "2025-08-07",
     "text": "German Chancellor Angela Merkel met Emmanuel Macron in Paris on Tuesday. "
             "Merkel said they would meet again next week."},
    {"id": 7, "date_order": "MDY",
     "text": "WASHINGTON, Aug. 7, 2025 (AP) — Talks must end by 8/12, officials said."},
    {"id": "unicode", "dct": "2024-01-10",
     "text": "Zoë 🙂 wrote that Angela Merkel visited Kyiv on Monday."},
]


def gloss(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "analyze", *args], input=stdin, capture_output=True,
        text=True, encoding="utf-8", cwd=cwd or ROOT, timeout=300, check=False,
    )


def lines_of(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def stream() -> str:
    bad = ['{"id": "broken", "text": ', '{"text": "no id"}', '{"id": "n", "text": 42}',
           '{"id": "d", "text": "x", "dct": "2025-02-30"}', '[1, 2]',
           '{"id": "o", "text": "x", "date_order": "DDD"}']
    rows = [json.dumps(GOOD[0]), bad[0], bad[1], json.dumps(GOOD[1]), bad[2], bad[3], "",
            json.dumps(GOOD[2]), bad[4], bad[5]]
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def jsonl(stream: str) -> list[dict[str, Any]]:
    result = gloss("--jsonl", "--batch-size", "2", stdin=stream)
    assert result.returncode == 0, result.stderr
    return lines_of(result)


def test_one_line_out_per_line_in_and_in_input_order(jsonl: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in jsonl] == ["merkel", None, None, 7, "n", "d", "unicode", None, "o"]
    assert [("error" in r) for r in jsonl] == [False, True, True, False, True, True, False,
                                               True, True]
    for record in jsonl:
        if "error" in record:
            assert set(record) == {"id", "error"}
            assert "\n" not in record["error"] and record["error"]


def test_offsets_are_code_points_into_the_text_as_given(jsonl: list[dict[str, Any]]) -> None:
    by_id = {r["id"]: r for r in jsonl if "error" not in r}
    for given in GOOD:
        record, text = by_id[given["id"]], given["text"]
        assert record["entities"], given["id"]
        for entity in record["entities"]:
            assert text[entity["start"]:entity["end"]] == entity["text"]
            assert record["clusters"][entity["cluster"]]["label"] == entity["label"]
        for start, end in record["sentences"]:
            assert text[start:end].strip()
        for timex in record["timexes"]:
            assert text[timex["start"]:timex["end"]] == timex["text"]
    people = [e for e in by_id["unicode"]["entities"] if e["label"] == "PERSON"]
    assert [e["text"] for e in people] == ["Angela Merkel"]


def test_records_carry_people_clusters_dates_and_model(jsonl: list[dict[str, Any]]) -> None:
    merkel = jsonl[0]
    clusters = {c["name"]: c for c in merkel["clusters"]}
    assert clusters["Angela Merkel"]["mentions"] == 2
    assert (merkel["dct"], merkel["dct_source"]) == ("2025-08-07", "metadata")
    assert {t["text"]: t["value"] for t in merkel["timexes"]}["next week"] == "2025-W33"
    assert merkel["timeline"] and merkel["model"] and merkel["model_version"]


def test_missing_dct_is_inferred_and_line_date_order_is_used(
    jsonl: list[dict[str, Any]]
) -> None:
    dateline = jsonl[3]
    assert (dateline["dct"], dateline["dct_source"]) == ("2025-08-07", "inferred")
    assert (dateline["date_order"], dateline["date_order_source"]) == ("MDY", "metadata")
    assert {t["text"]: t["value"] for t in dateline["timexes"]}["8/12"] == "2025-08-12"


def test_processes_give_the_same_output(stream: str, jsonl: list[dict[str, Any]]) -> None:
    result = gloss("--jsonl", "--processes", "2", "--batch-size", "1", stdin=stream)
    assert result.returncode == 0, result.stderr
    assert lines_of(result) == jsonl


def test_single_article_json_carries_its_text(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("US President Donald Trump spoke in Geneva.\n\nTrump left on Friday.\n",
                       encoding="utf-8")
    result = gloss(str(article), "--json", "--date", "2025-08-07")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    text = record["text"]
    assert record["meta"]["path"]
    assert record["dct_source"] == "flag"
    for entity in record["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    trump = [e for e in record["entities"] if "Trump" in e["text"]]
    assert [e["text"] for e in trump] == ["Donald Trump", "Trump"]
    assert {record["clusters"][e["cluster"]]["name"] for e in trump} == {"Donald Trump"}


def test_summary_lists_entities_by_cluster(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Russian President Vladimir Putin met Donald Trump in Alaska.\n\n"
                       "Putin spoke first, and Trump spoke after him on 15 August 2025.\n",
                       encoding="utf-8")
    result = gloss(str(article))
    assert result.returncode == 0, result.stderr
    assert "Vladimir Putin" in result.stdout and "President" not in result.stdout.split(
        "Entities")[1].split("Timeline")[0]
    assert "2025-08-15" in result.stdout


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b'{"id": "a", "text": "x", "dct": "2025-08-07", "date_order": "MDY"}',
         Record("a", "x", "2025-08-07", "MDY")),
        (b'{"id": 1, "text": "x", "extra": [1]}', Record(1, "x")),
        (b'\xff\xfe{"id": 1}', BadLine(None, "")),
        (b'{"id": true, "text": "x"}', BadLine(None, "")),
        (b'{"id": "a", "text": "x", "dct": "7 Aug 2025"}', BadLine("a", "")),
        (b'{"id": "a", "text": "x", "dct": "2025-08-07T10:00"}', BadLine("a", "")),
    ],
)
def test_lines_are_checked_before_analysis(line: bytes, expected: Record | BadLine) -> None:
    parsed = parse_line(line, 3)
    if isinstance(expected, Record):
        assert parsed == expected
    else:
        assert isinstance(parsed, BadLine) and parsed.id == expected.id
        assert parsed.error.startswith("line 3: ") and "\n" not in parsed.error


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/no/such/article.txt"], "article.txt"),
        (["--model", "no_such_pipeline_xyz"], "no_such_pipeline_xyz"),
        (["--jsonl", "--processes", "0"], "--processes"),
    ],
)
def test_user_errors_are_one_line_with_exit_2(tmp_path: Path, args: list[str],
                                              message: str) -> None:
    result = gloss(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
