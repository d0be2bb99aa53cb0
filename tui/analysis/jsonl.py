"""JSON lines in, JSON lines out, in this process: the per-line work of ``gloss analyze --jsonl``.

A line is checked before it is analysed (``parse_line``); a bad line yields its own error
record in its place, so the output keeps one line per input line, in input order. Worker
processes run the same ``results`` on groups of lines (``tui.analysis.batch_workers``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO, cast

from tui.analysis.model import Source
from tui.analysis.pipeline import (
    analyze_doc,
    document_date_order,
    document_dct,
    model_info,
    pipeline_text,
)
from tui.document.model import DateOrder, Metadata
from tui.document.untrusted_json import BadJSON, parse_json
from tui.errors import GlossError

if TYPE_CHECKING:
    from spacy.language import Language

DATE_ORDERS = ("DMY", "MDY", "YMD")


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


def numbered_lines(stream: BinaryIO | TextIO) -> Iterator[tuple[int, bytes]]:
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
    as it and everything before it are known. Worker processes run it on their share of the
    lines (``tui.analysis.batch_workers``), so both give the same bytes.
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

