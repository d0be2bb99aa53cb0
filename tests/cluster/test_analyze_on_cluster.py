"""``gloss analyze --jsonl --scheduler``: a real ``LocalCluster`` of two worker processes, made
here, against the single-process output, byte for byte."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import cloudpickle
from distributed import Client, LocalCluster, WorkerPlugin

from tui.analysis.batch import run_jsonl
from tui.cluster.analyze import AnalyzeJob, run_jsonl_on_cluster

ROOT = Path(__file__).resolve().parents[2]
# Workers unpickle this module's plugin by value: they need not import the tests package.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

PEOPLE = ("Angela Merkel", "Tim Cook", "Ada Lovelace", "Nelson Mandela", "Marie Curie")
PLACES = ("Paris", "Kyiv", "Nairobi", "Lima", "Osaka")
WHEN = ("on Monday", "on 3 May 2021", "next week", "in June 1998", "yesterday")


def documents(count: int) -> list[str]:
    """Short varied articles as JSON lines, some with their own dct or date order."""
    lines = []
    for n in range(count):
        record: dict[str, Any] = {
            "id": f"doc-{n}" if n % 3 else n,
            "text": f"{PEOPLE[n % 5]} arrived in {PLACES[(n // 5) % 5]} {WHEN[(n // 2) % 5]}. "
                    f"Officials said talks would resume by 8/{n % 12 + 1}.",
        }
        if n % 4 == 0:
            record["dct"] = f"2024-0{n % 9 + 1}-1{n % 10}"
        if n % 7 == 0:
            record["date_order"] = "MDY"
        lines.append(json.dumps(record))
    return lines


def single_process(nlp: Any, data: bytes) -> bytes:
    out = io.BytesIO()
    run_jsonl(nlp, io.BytesIO(data), out)
    return out.getvalue()


def on_cluster(address: str, data: bytes, group_lines: int) -> bytes:
    out = io.BytesIO()
    job = AnalyzeJob(batch_size=2, group_lines=group_lines)
    run_jsonl_on_cluster(address, io.BytesIO(data), out, job)
    return out.getvalue()


def test_cli_local_two_gives_the_single_process_bytes(nlp: Any) -> None:
    data = ("\n".join(documents(200)) + "\n").encode("utf-8")
    done = subprocess.run([sys.executable, "-m", "tui", "analyze", "--jsonl",
                           "--scheduler", "local:2"], input=data, capture_output=True,
                          cwd=ROOT, timeout=600, check=False)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert done.stdout == single_process(nlp, data)
    assert len(done.stdout.splitlines()) == 200


def test_a_scheduler_address_gives_the_same_bytes_and_each_worker_loads_spacy_once(
        nlp: Any, cluster: LocalCluster, client: Client) -> None:
    data = ("\n".join(documents(40)) + "\n").encode("utf-8")
    assert on_cluster(cluster.scheduler_address, data, group_lines=4) == single_process(nlp, data)

    def loads() -> int:
        from tui.analysis.nlp import _load_pipeline

        return _load_pipeline.cache_info().misses

    # 10 groups, and no worker process loaded the pipeline more than once.
    assert max(client.run(loads).values()) == 1


def test_bad_lines_keep_their_error_lines_in_place(nlp: Any, cluster: LocalCluster) -> None:
    good = documents(6)
    lines = [good[0], "not json", good[1], '{"id": "n", "text": 42}', "", good[2],
             '{"id": 3, "text": "x", "dct": "yesterday"}', *good[3:], "[1, 2]"]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    out = on_cluster(cluster.scheduler_address, data, group_lines=2)
    assert out == single_process(nlp, data)
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.get("error", "").split(":")[0] for r in records] == [
        "", "line 2", "", "line 4", "", "line 7", "", "", "", "line 11"]
    assert records[3] == {"id": "n", "error": 'line 4: "text" must be a string'}


class KillOnce(WorkerPlugin):
    """Kills the worker process running its ``nth`` task, once across the cluster: the marker
    file says a worker has already died for this test."""

    def __init__(self, marker: Path, nth: int) -> None:
        self.marker, self.nth, self.started = str(marker), nth, 0

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish != "executing":
            return
        self.started += 1
        if self.started < self.nth:
            return
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        os._exit(1)  # mid-task, as a crash or an out-of-memory kill would


def test_a_worker_killed_mid_run_still_yields_every_line(
        nlp: Any, cluster: LocalCluster, client: Client, tmp_path: Path) -> None:
    data = ("\n".join(documents(60)) + "\n").encode("utf-8")
    marker = tmp_path / "killed"
    # 15 groups over two workers: one of them starts its third.
    client.register_plugin(KillOnce(marker, nth=3), name="kill-once")
    try:
        out = on_cluster(cluster.scheduler_address, data, group_lines=4)
    finally:
        client.unregister_worker_plugin("kill-once")  # type: ignore[no-untyped-call]
    assert marker.exists()
    assert out == single_process(nlp, data)
    assert len(out.splitlines()) == 60
