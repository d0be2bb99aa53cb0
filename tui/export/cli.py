"""``gloss export`` and ``gloss import``: the command-line side of the export formats.

Export loads the article, reads its notes (re-anchored against the current text, plus imported
notes not yet tied to a document that belong to it), analyses the text only when the format needs
the timeline or entity index (reusing the app's analysis cache), and writes to stdout or ``-o``.
A file is written atomically and never replaces an existing one without ``--force``.
Import reads W3C or Hypothesis JSON and saves the notes, keeping a local note that was edited
after the imported copy. Every user error is a ``GlossError``: one line, exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.errors import GlossError
from tui.export import FORMATS, needs_analysis
from tui.export.files import check_target, write_atomically
from tui.export.importer import ImportResult, read_annotations
from tui.export.options import ExportOptions
from tui.open_notes import open_store
from tui.store.model import Note

if TYPE_CHECKING:
    from tui.store.db import Store

MAX_IMPORT_BYTES = 64 * 1024 * 1024


# --- export ----------------------------------------------------------------------------------


def main_export(args: argparse.Namespace) -> int:
    """Entry for ``gloss export [PATH] --format F [-o FILE] [--force]``."""
    from tui.document.load import load_document

    if getattr(args, "all", False):  # callers that build the arguments may leave it out
        return _export_all(args)
    fmt = FORMATS[args.format]
    target = Path(args.output) if args.output else None
    if target is not None:
        check_target(target, force=args.force)
    document = load_document(args.path)
    for warning in document.meta.warnings:
        print(f"gloss: warning: {warning}", file=sys.stderr)
    options = ExportOptions()
    with open_store(args.db) as store:
        meta = document.meta
        notes = store.document_notes(document.id, document.text, (meta.path, meta.url))
        analysis = (_analysis(document, store, args)
                    if needs_analysis(fmt.key, options) else None)
    text = fmt.render(document, notes, analysis, options)
    if target is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    write_atomically(target, text.encode("utf-8"), force=args.force)
    entries = len(analysis.timeline) if analysis is not None else 0
    what = (f"{entries} timeline {'entry' if entries == 1 else 'entries'}"
            if fmt.suffix == "timeline" and analysis is not None else _count(len(notes), "note"))
    print(f"Wrote {what} to {target}", file=sys.stderr)
    return 0


def _export_all(args: argparse.Namespace) -> int:
    """``gloss export --all``: the whole library, through the single-article renderers."""
    from tui.export.many import LIBRARY_FORMATS, gather, render_collection, write_all
    from tui.store.library import Library

    if args.path:
        raise GlossError("--all exports the whole library: leave out the article path")
    if args.format not in LIBRARY_FORMATS:
        raise GlossError(f"--all exports {', '.join(LIBRARY_FORMATS)}, not {args.format}")
    if args.format == "md" and not args.output:
        raise GlossError("--all --format md writes one file per article: give a folder "
                         "with -o DIR")
    with open_store(args.db) as store, Library.open(args.db) as library:
        items = gather(library, store, (args.model, args.date, args.date_order))
    if not args.output:
        sys.stdout.buffer.write(
            render_collection(args.format, items, ExportOptions()).encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    written = write_all(args.format, items, Path(args.output), force=args.force)
    where = (f"{_count(len(written.paths), 'file')} in {args.output}" if args.format == "md"
             else args.output)
    print(f"Wrote {_count(written.notes, 'note')} from {_count(len(items), 'article')} "
          f"to {where}", file=sys.stderr)
    if written.without_analysis:
        print(f"gloss: {_count(written.without_analysis, 'article')} not analysed yet: "
              "written without timeline and entity sections (open them, or gloss add, "
              "to analyse)", file=sys.stderr)
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _analysis(document: Document, store: Store, args: argparse.Namespace) -> Analysis:
    """The cached analysis when the app (or an earlier export) made one, else a fresh one."""
    from tui.analysis.cache_key import key_for, usable_analysis

    settings = store.settings(document.id)
    key = key_for(args.model, args.date, args.date_order, settings)
    if key is not None and (cached := usable_analysis(store.cached_analysis(document.id, key))):
        return cached
    from tui.analysis.nlp import ModelNotFound, load_pipeline
    from tui.analysis.pipeline import analyze_document

    try:
        nlp = load_pipeline(args.model)
    except ModelNotFound as error:
        raise GlossError(str(error)) from error
    analysis = analyze_document(document, nlp, dct_flag=args.date,
                                date_order_flag=args.date_order, user_settings=settings)
    if key is not None:
        store.cache_analysis(document.id, key, analysis.to_json())
    return analysis


# --- import ----------------------------------------------------------------------------------


def main_import(args: argparse.Namespace) -> int:
    """Entry for ``gloss import FILE``: save the file's annotations as notes."""
    result = read_annotations(_read_import(args.file))
    with open_store(args.db) as store:
        counts = save_imported(store, result.notes)
    print(_import_summary(result, counts))
    return 0


def _read_import(name: str) -> str:
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
        else:
            with open(name, "rb") as file:
                data = file.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise GlossError(f"cannot read {name}: {error.strerror or error}") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise GlossError(f"{name} is larger than {MAX_IMPORT_BYTES // 2**20} MB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GlossError(f"{name} is not UTF-8 text") from None


def save_imported(store: Store, notes: Sequence[Note]) -> dict[str, int]:
    """Save new notes and newer versions; a local note edited later than the import wins.

    Returns counts for ``new``, ``updated``, ``unchanged`` and ``kept`` (local copy newer).
    One locked read-merge-write in the store, so an edit made meanwhile is not overwritten.
    """
    return store.merge_imported(notes).as_dict()


def _import_summary(result: ImportResult, counts: dict[str, Any]) -> str:
    parts = [f"{counts['new']} new", f"{counts['updated']} updated"]
    if counts["unchanged"]:
        parts.append(f"{counts['unchanged']} unchanged")
    if counts["kept"]:
        parts.append(f"{counts['kept']} kept (edited here after the export)")
    line = f"Imported {_count(len(result.notes), 'note')}: " + ", ".join(parts)
    unbound = sum(1 for n in result.notes if not n.doc_id)
    if unbound:
        line += (f"; {unbound} not tied to an article yet (they attach when an article with "
                 "their quote or URL is opened)")
    if result.skipped:
        line += "; " + result.skipped_summary()
    return line
