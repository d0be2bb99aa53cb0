"""``gloss analyze`` as a user runs it: a real subprocess, real files, real JSON lines."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from tui.analysis.jsonl import BadLine, Record, parse_line
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent

GOOD: list[dict[str, Any]] = [
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
    assert result.stderr == ""  # no progress bar where stderr is not a terminal
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


def test_worker_processes_write_the_same_bytes_in_input_order() -> None:
    """Many groups of lines across workers, a long article among short ones, bad and blank
    lines at group edges and at the end: the bytes are those of the single-process run."""
    rows = []
    for number in range(14):
        given = dict(GOOD[number % len(GOOD)], id=f"{GOOD[number % len(GOOD)]['id']}-{number}")
        rows.append(json.dumps(given, ensure_ascii=number % 2 == 0))
        if number % 4 == 1:
            rows.append(json.dumps({"id": f"bad-{number}", "text": None}))
        if number % 5 == 2:
            rows.append("   ")
    # A long article fills a worker's share on its own; the lines around it are grouped.
    long_text = " ".join(str(g["text"]) for g in GOOD) * 60
    rows.insert(5, json.dumps({"id": "long", "dct": "2024-01-10", "text": long_text}))
    rows += ['{"id": "cut", "text": "unfinished', '{"id": "last", "text": "On 3 May 2021."}',
             "[]"]
    stream = "\n".join(rows) + "\n"
    pairs = ("1,3", "2,3", "3,1", "2,16")  # processes,batch_size; the first runs in-process
    done = subprocess.run([sys.executable, "-m", "tests.jsonl_runs", *pairs], input=stream,
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    single, *pooled = json.loads(done.stdout)
    assert len(single.splitlines()) == len([r for r in rows if r.strip()])
    for pair, output in zip(pairs[1:], pooled, strict=True):
        assert output == single, pair


def test_worker_processes_answer_each_line_before_the_next_arrives() -> None:
    """A producer that waits for each answer before sending more is never left hanging."""
    command = [sys.executable, "-m", "tui", "analyze", "--jsonl", "--processes", "2",
               "--batch-size", "1"]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=ROOT, text=True,
                          encoding="utf-8") as gloss_process:
        assert gloss_process.stdin and gloss_process.stdout
        # Were an answer held back, readline would wait forever: end the run, fail the test.
        watchdog = threading.Timer(120, gloss_process.kill)
        watchdog.start()
        try:
            for given in GOOD:
                gloss_process.stdin.write(json.dumps(given) + "\n")
                gloss_process.stdin.flush()
                answer = json.loads(gloss_process.stdout.readline())
                assert answer["id"] == given["id"] and answer["entities"]
            gloss_process.stdin.close()
            assert gloss_process.stdout.read() == ""
            assert gloss_process.wait(timeout=60) == 0
        finally:
            watchdog.cancel()
            gloss_process.kill()


def test_single_article_json_carries_its_text(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("US President Donald Trump spoke in Geneva.\n\nTrump left on Friday.\n",
                       encoding="utf-8")
    result = gloss(str(article), "--json", "--date", "2025-08-07")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress bar where stderr is not a terminal
    record = json.loads(result.stdout)
    text = record["text"]
    assert record["meta"]["path"]
    assert record["dct_source"] == "flag"
    for entity in record["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    trump = [e for e in record["entities"] if "Trump" in e["text"]]
    assert [e["text"] for e in trump] == ["Donald Trump", "Trump"]
    assert {record["clusters"][e["cluster"]]["name"] for e in trump} == {"Donald Trump"}


def test_a_terminal_sees_progress_that_is_erased_before_the_result(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The council met in Leeds on Monday.\n\nIt meets again in May.\n",
                       encoding="utf-8")
    controller, terminal = pty.openpty()
    with subprocess.Popen([sys.executable, "-m", "tui", "analyze", str(article)], cwd=ROOT,
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=terminal) as process:
        os.close(terminal)
        seen = b""
        while chunk := _read(controller):
            seen += chunk
        stdout = process.stdout.read() if process.stdout else b""
    os.close(controller)
    assert process.returncode == 0
    drawn = seen.decode("utf-8")
    assert "loading the spaCy pipeline" in drawn
    assert "analysing ████████████████████████ 100%  " in drawn
    assert drawn.endswith("\r\x1b[K")  # the last thing drawn erases the line
    assert b"Leeds" in stdout and b"analysing" not in stdout


def _read(fd: int) -> bytes:
    """The next output of a pty, or b"" once the other side has closed it."""
    try:
        return os.read(fd, 4096)
    except OSError:  # EIO: the child closed the terminal
        return b""


def test_summary_lists_entities_by_cluster(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Russian President Vladimir Putin met Donald Trump in Alaska.\n\n"
                       "Putin spoke first, and Trump spoke after him on 15 August 2025.\n",
                       encoding="utf-8")
    assert main(["analyze", str(article)]) == 0  # in this process: the pipeline is loaded
    summary = capsys.readouterr().out
    assert "Vladimir Putin" in summary and "President" not in summary.split(
        "Entities")[1].split("Timeline")[0]
    assert "2025-08-15" in summary


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
