"""Export formats: notes and timelines as Markdown, W3C JSON-LD, CSV, iCalendar, TimelineJS.

Every format is a pure function ``render(document, notes, analysis, options) -> str`` in its own
module; ``FORMATS`` maps the command-line name to it, its file extension and whether it needs the
analysis. Modules load on first use, so listing formats costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path, PurePath

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export.common import document_title, slug
from tui.export.options import ExportOptions
from tui.store.model import Note

__all__ = ["FORMATS", "ExportFormat", "ExportOptions", "default_filename", "export",
           "needs_analysis", "save_export"]


@dataclass(frozen=True)
class ExportFormat:
    key: str  # the --format value
    label: str  # what the export dialog shows
    extension: str  # with the dot
    media_type: str
    module: str  # tui.export.<module> defines render()
    suffix: str  # file name tail after the title slug: "notes" or "timeline"
    needs_analysis: bool  # False: the notes alone are enough

    def render(self, document: Document, notes: Sequence[Note], analysis: Analysis | None,
               options: ExportOptions | None = None) -> str:
        renderer = import_module(f"tui.export.{self.module}").render
        text: str = renderer(document, notes, analysis, options or ExportOptions())
        return text


FORMATS: dict[str, ExportFormat] = {f.key: f for f in (
    ExportFormat("md", "Markdown (Obsidian, Logseq)", ".md", "text/markdown", "markdown",
                 "notes", needs_analysis=True),
    ExportFormat("json", "W3C Web Annotation (JSON-LD)", ".jsonld",
                 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"', "w3c",
                 "notes", needs_analysis=False),
    ExportFormat("csv", "CSV for Readwise", ".csv", "text/csv", "readwise_csv", "notes",
                 needs_analysis=False),
    ExportFormat("ics", "Timeline as calendar (iCalendar)", ".ics", "text/calendar", "ics",
                 "timeline", needs_analysis=True),
    ExportFormat("timelinejs", "Timeline for TimelineJS", ".json", "application/json",
                 "timelinejs", "timeline", needs_analysis=True),
    ExportFormat("timeline-csv", "Timeline as CSV", ".csv", "text/csv", "timeline_csv",
                 "timeline", needs_analysis=True),
)}


def needs_analysis(key: str, options: ExportOptions | None = None) -> bool:
    """Whether this export must analyse the text (Markdown only for its optional sections)."""
    options = options or ExportOptions()
    if key == "md":
        return options.timeline or options.entities
    return FORMATS[key].needs_analysis


def export(key: str, document: Document, notes: Sequence[Note], analysis: Analysis | None,
           options: ExportOptions | None = None) -> str:
    """Render one format by its key (``md``, ``json``, ``csv``, ``ics``, ...)."""
    return FORMATS[key].render(document, notes, analysis, options)


def save_export(key: str, document: Document, notes: Sequence[Note],
                analysis: Analysis | None, path: str | Path, *,
                options: ExportOptions | None = None, force: bool = False) -> Path:
    """Render and write one format atomically; ``GlossError`` if the file exists (no force)."""
    from tui.export.files import check_target, write_atomically

    target = Path(path).expanduser()
    check_target(target, force=force)
    data = export(key, document, notes, analysis, options).encode("utf-8")
    write_atomically(target, data, force=force)
    return target


def default_filename(document: Document, key: str) -> str:
    """A sensible file name for the export, e.g. ``talks-in-moscow-notes.md``."""
    fmt = FORMATS[key]
    base = slug(document_title(document))
    if not base and document.meta.path:
        base = slug(PurePath(document.meta.path).stem)
    base = base or document.id[:12]
    return f"{base}-{fmt.suffix}{fmt.extension}"
