"""The plain-text report ``gloss analyze`` prints for one article."""

from __future__ import annotations

from collections import defaultdict

from tui.analysis.model import Analysis
from tui.document.model import Document


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
    named, mentions = len(analysis.clusters), len(analysis.entities)
    lines.append(f"Entities: {named} {'entity' if named == 1 else 'entities'}, "
                 f"{mentions} mention{'' if mentions == 1 else 's'}")
    for label in sorted(by_label, key=lambda lb: (-sum(c.mentions for c in by_label[lb]), lb)):
        clusters = sorted(by_label[label], key=lambda c: (-c.mentions, c.id))
        lines.append(f"  {label} ({sum(c.mentions for c in clusters)})")
        lines.extend(f"    {c.mentions:>4}  {c.name}" for c in clusters)

    lines.append("")
    entries = len(analysis.timeline)
    lines.append(f"Timeline: {entries} {'entry' if entries == 1 else 'entries'}")
    for entry in analysis.timeline:
        value = entry.value + (f" {entry.mod}" if entry.mod else "")
        said = ", ".join(f"“{e}”" for e in dict.fromkeys(entry.expressions))
        lines.append(f"  {entry.label:<20} {value:<16} {entry.relation:<7} {entry.event}")
        if said:
            lines.append(f"  {'':<20} {said}")
    return "\n".join(lines) + "\n"
