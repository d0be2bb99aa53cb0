"""What the status line says about the cursor position: the span under it, or the sentence."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text

from tui.analysis.model import Analysis
from tui.app.highlights import CATEGORY_NAMES
from tui.app.widgets.article_view import ArticleView
from tui.store.model import Note

NOTE_CHARS = 80  # of a note's first line in the status line


def plural(count: int, word: str) -> str:
    """``1 character``, ``2 characters``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def note_line(note: Note) -> Text:
    """``✎ question: Who sent him?``: the note on the passage under the cursor."""
    from tui.app.notes_filter import shorten
    from tui.document.controls import show_controls

    first = next((line for line in note.body.splitlines() if line.strip()), "")
    text = Text(no_wrap=True)
    text.append(f"✎ {note.category}", style="bold")
    if first:
        text.append(": " + show_controls(shorten(first, NOTE_CHARS)))
    if note.tags:
        text.append("  " + show_controls(" ".join(f"#{t}" for t in note.tags)), style="dim")
    return text


def timeline_labels(analysis: Analysis) -> dict[int, str]:
    """Start of each timeline mention → its entry's human date, built once per analysis."""
    return {start: entry.label for entry in analysis.timeline for start, _ in entry.mentions}


def describe_position(analysis: Analysis | None, view: ArticleView, offset: int,
                      labels: Mapping[int, str] | None = None, note: Note | None = None) -> Text:
    """The selection, else the note under the cursor, else the entity or date, else the line."""
    text = Text(no_wrap=True)
    selection = view.selection
    if selection:
        start, end = selection
        text.append(f"Selected {plural(end - start, 'character')}", style="bold")
        text.append("  a note · h highlight · 1-8 category · esc cancel", style="dim")
        return text
    if note is not None:
        return note_line(note)
    here = view.highlights.at(offset)
    if here is None or analysis is None:
        row = view.rows.row_of(offset) + 1
        text.append(f"Line {row} of {len(view.rows)}", style="dim")
        return text
    if here.is_timex:
        timex = analysis.timexes[here.ref]
        text.append(f"{timex.type} ", style="bold")
        text.append(f"“{timex.text}” → {timex.value}")
        if timex.mod:
            text.append(f" ({timex.mod})")
        label = (labels or {}).get(timex.start)
        if label:
            text.append(f"  {label}", style="italic")
        return text
    entity = analysis.entities[here.ref]
    cluster = analysis.clusters[entity.cluster] if entity.cluster < len(analysis.clusters) else None
    text.append(f"{entity.label} ", style="bold")
    text.append(f"“{entity.text}”")
    if cluster is not None:
        text.append(f"  {cluster.name} · {plural(cluster.mentions, 'mention')}", style="dim")
    text.append(f"  [{CATEGORY_NAMES.get(here.category, here.category)}]", style="dim")
    return text
