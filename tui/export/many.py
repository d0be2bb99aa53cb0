"""Export across the library: a Markdown file per article, or one W3C / Readwise file of all.

The single-article renderers do the writing of each format; this module only gathers the
articles (the library's snapshots, their re-anchored notes, a cached analysis when there is
one) and decides the file names. Markdown files go into a folder (an Obsidian vault takes them
as they are) under names made from the titles, unique within the export. Nothing is written
until every target is known to be writable, and no existing file is replaced without
``force``: a refusal leaves the folder as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tui.analysis.cache_key import key_for, usable_analysis
from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.errors import GlossError
from tui.export import FORMATS, default_filename
from tui.export.csv_safe import write_csv
from tui.export.files import check_target, write_atomically
from tui.export.options import ExportOptions
from tui.store.db import Store
from tui.store.library import Library
from tui.store.model import Note

LIBRARY_FORMATS = ("md", "json", "csv")
Flags = tuple[str | None, str | None, str | None]  # model, --date, --date-order


@dataclass(frozen=True)
class Item:
    """One article as exported: its text, its notes and (when cached) its analysis."""

    document: Document
    notes: tuple[Note, ...]
    analysis: Analysis | None


def gather(library: Library, store: Store, flags: Flags = (None, None, None)) -> list[Item]:
    """Every article in the library (the latest version of each), oldest added first."""
    model, dct, order = flags
    items: list[Item] = []
    for article in reversed(library.articles()):
        document = library.document(article.id)
        if document is None:
            continue  # a damaged snapshot: the library screen reports it when opened
        meta = document.meta
        notes = store.document_notes(document.id, document.text, (meta.path, meta.url))
        key = key_for(model, dct, order, store.settings(document.id))
        analysis = None if key is None else usable_analysis(
            store.cached_analysis(document.id, key))
        items.append(Item(document, tuple(notes), analysis))
    return items


def markdown_names(items: Sequence[Item]) -> list[str]:
    """A file name per article from its title (``talks-in-moscow-notes.md``), unique here."""
    names: list[str] = []
    taken: set[str] = set()
    for item in items:
        name = default_filename(item.document, "md")
        stem, suffix = name.removesuffix(".md"), ".md"
        number = 2
        while name.casefold() in taken:  # case-insensitive file systems too
            name = f"{stem}-{number}{suffix}"
            number += 1
        taken.add(name.casefold())
        names.append(name)
    return names


def render_markdown(item: Item, options: ExportOptions) -> str:
    """The single-article Markdown; without a cached analysis, without its sections."""
    if item.analysis is None:
        options = replace(options, timeline=False, entities=False)
    return FORMATS["md"].render(item.document, item.notes, item.analysis, options)


def render_collection(key: str, items: Sequence[Item], options: ExportOptions) -> str:
    """``json``: one W3C collection of every note; ``csv``: one Readwise file."""
    if key == "json":
        from tui.export.w3c import library_collection

        data = library_collection([(i.document, i.notes) for i in items], options)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if key == "csv":
        from tui.export.readwise_csv import HEADER, rows

        return write_csv(HEADER, [r for i in items for r in rows(i.document, i.notes, options)])
    raise GlossError(f"--all exports {', '.join(LIBRARY_FORMATS)}, not {key}")


@dataclass(frozen=True)
class Written:
    paths: tuple[Path, ...]
    notes: int
    without_analysis: int  # Markdown files written without timeline and entity sections


def write_all(key: str, items: Sequence[Item], target: Path, *, force: bool = False,
              options: ExportOptions | None = None,
              progress: Callable[[int, int], None] | None = None) -> Written:
    """Write the export of ``items`` to ``target`` (a folder for ``md``, else a file)."""
    options = options or ExportOptions()
    notes = sum(len(i.notes) for i in items)
    if key != "md":
        text = render_collection(key, items, options)
        check_target(target, force=force)
        write_atomically(target, text.encode("utf-8"), force=force)
        return Written((target,), notes, 0)
    if target.exists() and not target.is_dir():
        raise GlossError(f"{target} is not a folder: Markdown goes one file per article "
                         "into a folder")
    if not target.parent.is_dir():
        raise GlossError(f"cannot write into {target}: the folder {target.parent} "
                         "does not exist")
    paths = [target / name for name in markdown_names(items)]
    if target.is_dir():
        for path in paths:  # refuse before writing anything
            check_target(path, force=force)
    try:
        target.mkdir(exist_ok=True)
    except OSError as error:
        raise GlossError(f"cannot create {target}: {error.strerror or error}") from None
    for done, (item, path) in enumerate(zip(items, paths, strict=True)):
        write_atomically(path, render_markdown(item, options).encode("utf-8"), force=force)
        if progress is not None:
            progress(done + 1, len(items))
    return Written(tuple(paths), notes, sum(1 for i in items if i.analysis is None))
