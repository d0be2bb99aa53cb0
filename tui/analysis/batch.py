"""``gloss analyze``: one article as a readable summary or JSON, or a JSON-lines stream.

The stream mode is a public contract (see README): one output line per input line, in input
order, flushed as soon as it is known; a bad line costs only its own record.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO, cast

from tui.analysis.model import Analysis, Source
from tui.analysis.pipeline import (
    CHUNK_CHARS,
    analyze_doc,
    analyze_document,
    document_date_order,
    document_dct,
    model_info,
    pipeline_text,
)
from tui.document.model import DateOrder, Document, Metadata
from tui.document.untrusted_json import BadJSON, parse_json
from tui.errors import GlossError

if TYPE_CHECKING:
    from spacy.language import Language

DATE_ORDERS = ("DMY", "MDY", "YMD")


def main_analyze(args: argparse.Namespace) -> int:
    """Entry for ``gloss analyze``; user errors raise ``GlossError`` (one line, exit 2)."""
    if args.processes < 1:
        raise GlossError(f"--processes must be at least 1, got {args.processes}")
    if args.batch_size < 1:
        raise GlossError(f"--batch-size must be at least 1, got {args.batch_size}")
    try:
        if args.jsonl:
            if args.path not in (None, "-"):
                raise GlossError("--jsonl reads standard input; drop the PATH argument")
            nlp = _load(args.model)
            run_jsonl(nlp, sys.stdin.buffer, sys.stdout.buffer, batch_size=args.batch_size,
                      processes=args.processes, dct_flag=args.date,
                      date_order_flag=args.date_order)
            return 0
        return _analyze_one(args)
    except BrokenPipeError:
        # The reader went away (`gloss analyze --jsonl | head`): not an error worth a trace.
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _load(model: str | None) -> Language:
    from tui.analysis.nlp import ModelNotFound, load_pipeline

    try:
        return load_pipeline(model)
    except ModelNotFound as error:
        raise GlossError(str(error)) from error


# --- one article --------------------------------------------------------------------------------


def _analyze_one(args: argparse.Namespace) -> int:
    from tui.document.load import load_document

    document = load_document(args.path)
    nlp = _load(args.model)
    analysis = analyze_document(document, nlp, dct_flag=args.date,
                                date_order_flag=args.date_order,
                                on_progress=_progress if sys.stderr.isatty() else None)
    if args.json:
        record = analysis.to_json()
        record["text"] = document.text
        record["meta"] = document.meta.to_json()
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(summary(document, analysis))
    sys.stdout.flush()
    return 0


def _progress(done: int, total: int) -> None:
    """A percentage on the terminal while a long text is analysed, erased at the end."""
    if done < total:
        sys.stderr.write(f"\ranalysing… {100 * done // total}%")
    elif done and total > CHUNK_CHARS:
        sys.stderr.write("\r" + " " * 16 + "\r")
    sys.stderr.flush()


def summary(document: Document, analysis: Analysis) -> str:
    """A plain-text report: where the dates come from, entities by type, the timeline."""
    meta = document.meta
    lines = []
    if meta.title:
        lines.append(meta.title)
    about = [part for part in (meta.source, meta.published, meta.author) if part]
    if about:
        lines.append(" · ".join(about))
    lines.append(
        f"Dates read against {analysis.dct or 'today'} ({analysis.dct_source}); "
        f"numeric dates as {analysis.date_order} ({analysis.date_order_source})"
    )
    lines.append(f"Model {analysis.model} {analysis.model_version}")
    lines.extend(f"Warning: {warning}" for warning in (*meta.warnings, *analysis.warnings))

    by_label = defaultdict(list)
    for cluster in analysis.clusters:
        by_label[cluster.label].append(cluster)
    lines.append("")
    lines.append(f"Entities: {len(analysis.clusters)} entities, "
                 f"{len(analysis.entities)} mentions")
    for label in sorted(by_label, key=lambda lb: (-sum(c.mentions for c in by_label[lb]), lb)):
        clusters = sorted(by_label[label], key=lambda c: (-c.mentions, c.id))
        lines.append(f"  {label} ({sum(c.mentions for c in clusters)})")
        lines.extend(f"    {c.mentions:>4}  {c.name}" for c in clusters)

    lines.append("")
    lines.append(f"Timeline: {len(analysis.timeline)} entries")
    for entry in analysis.timeline:
        value = entry.value + (f" {entry.mod}" if entry.mod else "")
        said = ", ".join(f"“{e}”" for e in dict.fromkeys(entry.expressions))
        lines.append(f"  {entry.label:<20} {value:<16} {entry.relation:<7} {entry.event}")
        if said:
            lines.append(f"  {'':<20} {said}")
    return "\n".join(lines) + "\n"


# --- JSON lines ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One valid input line: analysed exactly as given."""

    id: str | int
    text: str
    dct: str | None = None
    date_order: str | None = None


@dataclass(frozen=True)
class BadLine:
    id: str | int | None
    error: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error}


def parse_line(line: bytes, number: int) -> Record | BadLine:
    """A JSON line as a ``Record``, or the one-line reason it cannot be analysed."""
    try:
        data = parse_json(line)
    except BadJSON as error:
        return BadLine(None, f"line {number}: not valid JSON ({error})")
    if not isinstance(data, dict):
        return BadLine(None, f"line {number}: expected a JSON object")
    ident = data.get("id")
    if isinstance(ident, bool) or not isinstance(ident, str | int):
        return BadLine(None, f"line {number}: \"id\" must be a string or an integer")
    text = data.get("text")
    if not isinstance(text, str):
        return BadLine(ident, f"line {number}: \"text\" must be a string")
    dct = data.get("dct")
    if dct is not None and not (isinstance(dct, str) and _is_iso_day(dct)):
        return BadLine(ident, f"line {number}: \"dct\" must be a date YYYY-MM-DD, got {dct!r}")
    order = data.get("date_order")
    if order is not None and order not in DATE_ORDERS:
        return BadLine(ident, f"line {number}: \"date_order\" must be DMY, MDY or YMD, "
                              f"got {order!r}")
    return Record(ident, text, dct, order)


def _is_iso_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _lines(stream: BinaryIO | TextIO) -> Iterator[tuple[int, bytes]]:
    """Input lines with their 1-based line numbers (error messages cite them)."""
    try:
        for number, line in enumerate(cast(Iterable[bytes | str], stream), 1):
            yield number, (line.encode("utf-8", "surrogateescape") if isinstance(line, str)
                           else line)
    except OSError as error:
        raise GlossError(f"cannot read standard input: {error}") from error


@dataclass
class _Slot:
    """What a text's result needs besides its parse: the record, its DCT, and the bad lines
    that came before it (they are written just before its result, keeping input order)."""

    record: Record
    before: list[BadLine]
    dct: date | None
    dct_source: Source


def _meta(record: Record) -> Metadata:
    """A line's own ``dct``/``date_order`` are its metadata."""
    return Metadata(published=record.dct, published_from="metadata" if record.dct else None,
                    date_order=cast(DateOrder | None, record.date_order))


def _slots(lines: Iterable[tuple[int, bytes]], slots: dict[int, _Slot], trailing: list[BadLine],
           max_length: int, dct_flag: str | None) -> Iterator[tuple[str, int]]:
    """Texts for ``nlp.pipe``, each with the key of its ``_Slot`` in ``slots`` (the line
    number): the pipe carries only the key alongside each text."""
    pending: list[BadLine] = []
    for number, raw in lines:
        if not raw.strip():
            continue
        item = parse_line(raw, number)
        if isinstance(item, Record) and len(item.text) > max_length:
            item = BadLine(item.id, f"line {number}: text has {len(item.text)} characters, "
                                    f"more than the pipeline's limit of {max_length}")
        if isinstance(item, BadLine):
            pending.append(item)
            continue
        # A date given on the line belongs to that document: it wins over --date.
        dct, source = document_dct(_meta(item), item.text, None if item.dct else dct_flag)
        slots[number] = _Slot(item, pending, dct, source)
        yield pipeline_text(item.text), number
        pending = []
    trailing.extend(pending)


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def results(nlp: Language, lines: Iterable[tuple[int, bytes]], *, batch_size: int = 16,
            dct_flag: str | None = None, date_order_flag: str | None = None) -> Iterator[str]:
    """One JSON text per non-blank numbered input line, in input order, each yielded as soon
    as it and everything before it are known. Runs in this process; worker processes run it
    on their share of the lines (``tui.analysis.batch_workers``), so both give the same bytes.
    """
    model = model_info(nlp)
    trailing: list[BadLine] = []
    slots: dict[int, _Slot] = {}
    texts = _slots(lines, slots, trailing, nlp.max_length, dct_flag)
    for doc, key in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        slot = slots.pop(key)
        for bad in slot.before:
            yield _dumps(bad.to_json())
        record = slot.record
        order, order_source = document_date_order(
            _meta(record), doc, slot.dct, None if record.date_order else date_order_flag)
        analysis = analyze_doc(doc, str(record.id), slot.dct, slot.dct_source, order,
                               order_source, model, original=record.text)
        out: dict[str, Any] = {"id": record.id}
        out.update(analysis.to_json())
        del out["doc_id"]
        yield _dumps(out)
    for bad in trailing:
        yield _dumps(bad.to_json())


def run_jsonl(nlp: Language, stdin: BinaryIO | TextIO, stdout: BinaryIO, *, batch_size: int = 16,
              processes: int = 1, dct_flag: str | None = None,
              date_order_flag: str | None = None) -> None:
    """Analyse JSON lines from ``stdin`` and write one JSON line per input line to ``stdout``.

    With ``processes`` > 1, worker processes parse *and* analyse batches of lines (the
    per-document analysis would otherwise make this process the bottleneck); either way each
    result is written and flushed as soon as it and everything before it are done.
    """
    if dct_flag is not None:
        document_dct(Metadata(), "", dct_flag)  # a malformed --date fails once, up front
    lines = _lines(stdin)
    if processes == 1:
        out = results(nlp, lines, batch_size=batch_size, dct_flag=dct_flag,
                      date_order_flag=date_order_flag)
    else:
        from tui.analysis.batch_workers import pooled_results

        out = pooled_results(nlp, lines, processes=processes, batch_size=batch_size,
                             dct_flag=dct_flag, date_order_flag=date_order_flag)
    for text in out:
        stdout.write(text.encode("utf-8") + b"\n")
        stdout.flush()
