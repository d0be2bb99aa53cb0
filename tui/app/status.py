"""What the status line says about the cursor position: the span under it, or the sentence."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text

from tui.analysis.model import Analysis
from tui.app.highlights import CATEGORY_NAMES
from tui.app.widgets.article_view import ArticleView


def timeline_labels(analysis: Analysis) -> dict[int, str]:
    """Start of each timeline mention → its entry's human date, built once per analysis."""
    return {start: entry.label for entry in analysis.timeline for start, _ in entry.mentions}


def describe_position(analysis: Analysis | None, view: ArticleView, offset: int,
                      labels: Mapping[int, str] | None = None) -> Text:
    text = Text(no_wrap=True)
    selection = view.selection
    if selection:
        start, end = selection
        text.append(f"Selected {end - start} characters", style="bold")
        text.append("  a note · h highlight · 1-8 category · esc cancel", style="dim")
        return text
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
        text.append(f"  {cluster.name} · {cluster.mentions} mention"
                    f"{'s' if cluster.mentions != 1 else ''}", style="dim")
    text.append(f"  [{CATEGORY_NAMES.get(here.category, here.category)}]", style="dim")
    return text
