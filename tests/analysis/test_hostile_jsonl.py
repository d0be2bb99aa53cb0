"""``gloss analyze --jsonl``: a hostile line gets its error line and the stream goes on."""

from __future__ import annotations

import io
import json
from typing import Any

from tui.analysis.batch import run_jsonl


def test_one_deeply_nested_line_among_17_gives_17_answers(nlp: Any) -> None:
    lines = [json.dumps({"id": n, "text": f"Ana Lima spoke in Lisbon on day {n}."}).encode()
             for n in range(16)]
    lines.insert(7, b'{"id": "deep", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    out = io.BytesIO()
    run_jsonl(nlp, io.BytesIO(b"\n".join(lines) + b"\n"), out)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(answers) == 17
    assert answers[7] == {"id": None, "error": "line 8: not valid JSON (it is nested too deeply)"}
    assert [a["id"] for a in answers[:7] + answers[8:]] == list(range(16))


def test_odd_values_get_error_lines_and_lone_surrogates_are_answered(nlp: Any) -> None:
    lines = [
        b'{"id": ' + b"9" * 5000 + b', "text": "x"}',
        b'{"id": "s", "text": "Ana Lima\\ud800 met Bo in Paris."}',
        b'\xff\xfe{"id": 1}',
        b'{"id": 2, "text": "fine"}',
    ]
    out = io.BytesIO()
    run_jsonl(nlp, io.BytesIO(b"\n".join(lines)), out)
    answers = [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]
    assert [a.get("id") for a in answers] == [None, "s", None, 2]
    assert "unreadable value" in answers[0]["error"] and "not valid JSON" in answers[2]["error"]
    assert "error" not in answers[1] and "error" not in answers[3]
