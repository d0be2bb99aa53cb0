"""``python -m tests.jsonl_runs P,B ...``: JSON lines on stdin analysed once per ``processes,
batch_size`` pair, the outputs printed as one JSON list.

One fresh process loads the pipeline once for all the runs (each ``gloss analyze`` would load
it again), and its worker pools fork from a process with no other threads, as the CLI's do.
"""

from __future__ import annotations

import io
import json
import sys

from tui.analysis.batch import run_jsonl
from tui.analysis.nlp import load_pipeline


def main(pairs: list[str]) -> None:
    data = sys.stdin.buffer.read()
    nlp = load_pipeline()
    outputs = []
    for pair in pairs:
        processes, batch_size = (int(n) for n in pair.split(","))
        out = io.BytesIO()
        run_jsonl(nlp, io.BytesIO(data), out, batch_size=batch_size, processes=processes)
        outputs.append(out.getvalue().decode("utf-8"))
    json.dump(outputs, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
