"""``gloss analyze``: one article as a readable summary or JSON, or a JSON-lines stream.

The stream mode is a public contract (see README): one output line per input line, in input
order, flushed as soon as it is known; a bad line costs only its own record. The per-line work
is in ``tui.analysis.jsonl``, its worker processes in ``tui.analysis.batch_workers``.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO, TextIO

from tui.analysis.batch_workers import pooled_results
from tui.analysis.jsonl import numbered_lines, results
from tui.analysis.pipeline import analyze_document, document_dct
from tui.analysis.progress_bar import ProgressBar
from tui.analysis.summary import summary
from tui.document.model import Metadata
from tui.errors import GlossError

if TYPE_CHECKING:
    from spacy.language import Language


def main_analyze(args: argparse.Namespace) -> int:
    """Entry for ``gloss analyze``; user errors raise ``GlossError`` (one line, exit 2)."""
    if args.processes < 1:
        raise GlossError(f"--processes must be at least 1, got {args.processes}")
    if args.batch_size < 1:
        raise GlossError(f"--batch-size must be at least 1, got {args.batch_size}")
    if args.scheduler is not None and not args.jsonl:
        raise GlossError("--scheduler runs --jsonl streams; add --jsonl")
    if args.scheduler is not None and args.processes != 1:
        raise GlossError("--processes and --scheduler do not mix: the cluster has the workers")
    try:
        with ProgressBar(sys.stderr) as progress:
            if not args.jsonl:
                return _analyze_one(args, progress)
            if args.path not in (None, "-"):
                raise GlossError("--jsonl reads standard input; drop the PATH argument")
            if args.scheduler is not None:
                return _analyze_on_cluster(args, progress)
            nlp = _load(args.model, progress)
            progress.close()
            # Results written to this same terminal show the progress themselves.
            run_jsonl(nlp, sys.stdin.buffer, sys.stdout.buffer, batch_size=args.batch_size,
                      processes=args.processes, dct_flag=args.date,
                      date_order_flag=args.date_order,
                      progress=None if sys.stdout.isatty() else progress)
            return 0
    except BrokenPipeError:
        # The reader went away (`gloss analyze --jsonl | head`): not an error worth a trace.
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _analyze_on_cluster(args: argparse.Namespace, progress: ProgressBar) -> int:
    """``--jsonl --scheduler``: this process reads and writes; the cluster loads spaCy."""
    from tui.cluster.analyze import AnalyzeJob, run_jsonl_on_cluster  # imports Dask

    progress.status(f"connecting to {args.scheduler}…")
    job = AnalyzeJob(args.model, args.batch_size, args.date, args.date_order)
    progress.close()
    run_jsonl_on_cluster(args.scheduler, sys.stdin.buffer, sys.stdout.buffer, job,
                         progress=None if sys.stdout.isatty() else progress)
    return 0


def _load(model: str | None, progress: ProgressBar) -> Language:
    from tui.analysis.nlp import ModelNotFound, load_pipeline

    progress.status(f"loading the spaCy pipeline {model}…" if model
                    else "loading the spaCy pipeline…")
    try:
        return load_pipeline(model)
    except ModelNotFound as error:
        raise GlossError(str(error)) from error


# --- one article --------------------------------------------------------------------------------


def _analyze_one(args: argparse.Namespace, progress: ProgressBar) -> int:
    from tui.document.load import load_document

    progress.status("reading the article…")
    document = load_document(args.path)
    nlp = _load(args.model, progress)
    progress.update(0, len(document.text))
    analysis = analyze_document(document, nlp, dct_flag=args.date,
                                date_order_flag=args.date_order, on_progress=progress.update)
    progress.close()
    if args.json:
        record = analysis.to_json()
        record["text"] = document.text
        record["meta"] = document.meta.to_json()
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(summary(document, analysis))
    sys.stdout.flush()
    return 0


def run_jsonl(nlp: Language, stdin: BinaryIO | TextIO, stdout: BinaryIO, *, batch_size: int = 16,
              processes: int = 1, dct_flag: str | None = None,
              date_order_flag: str | None = None, progress: ProgressBar | None = None) -> None:
    """Analyse JSON lines from ``stdin`` and write one JSON line per input line to ``stdout``.

    With ``processes`` > 1, worker processes parse *and* analyse batches of lines (the
    per-document analysis would otherwise make this process the bottleneck); either way each
    result is written and flushed as soon as it and everything before it are done.
    ``progress`` counts the lines written, against the input's size when it is a file.
    """
    if dct_flag is not None:
        document_dct(Metadata(), "", dct_flag)  # a malformed --date fails once, up front
    lines = numbered_lines(stdin)
    if processes == 1:
        out = results(nlp, lines, batch_size=batch_size, dct_flag=dct_flag,
                      date_order_flag=date_order_flag)
    else:
        out = pooled_results(nlp, lines, processes=processes, batch_size=batch_size,
                             dct_flag=dct_flag, date_order_flag=date_order_flag)
    write_results(out, stdin, stdout, progress)


def write_results(out: Iterable[str], stdin: BinaryIO | TextIO, stdout: BinaryIO,
                  progress: ProgressBar | None = None) -> None:
    """Write and flush each JSON result as one line, counting progress against ``stdin``."""
    size = _file_size(stdin)
    for written, text in enumerate(out, 1):
        stdout.write(text.encode("utf-8") + b"\n")
        stdout.flush()
        if progress is not None:
            if size:
                progress.update(_file_position(stdin), size, "bytes read")
            else:
                progress.update(written, None, "lines")


def _file_size(stream: BinaryIO | TextIO) -> int | None:
    """The size of standard input when it is a regular file (not a pipe or a terminal)."""
    try:
        info = os.fstat(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _file_position(stream: BinaryIO | TextIO) -> int:
    """How far the input file has been read (by this process or the feeder thread)."""
    try:
        return os.lseek(stream.fileno(), 0, os.SEEK_CUR)
    except (AttributeError, OSError, ValueError):
        return 0
