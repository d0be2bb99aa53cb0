"""The article's title, source, date and byline above the text."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.document.controls import one_line
from tui.document.model import Metadata


def header_text(meta: Metadata) -> Text:
    """Plain strings only: titles and bylines come from outside and are never markup."""
    text = Text()
    text.append(meta.title or (one_line(meta.path or "") or "Untitled article"), style="bold")
    details = [part for part in (meta.source, meta.published) if part]
    byline = meta.author or ""
    if meta.sources:
        byline = f"{byline} ({', '.join(meta.sources)})".strip()
    if byline:
        details.append(f"by {byline}" if meta.author else byline)
    if details:
        text.append("\n" + " · ".join(details), style="dim")
    if meta.encoding_assumed:
        text.append(f"\nDecoded as {meta.encoding} (assumed)", style="italic dim")
    for warning in meta.warnings:
        text.append(f"\n{warning}", style="italic dim")
    return text


class ArticleHeader(Static):
    """Title line, then source · published date · byline."""

    def __init__(self, meta: Metadata, *, id: str | None = None) -> None:
        super().__init__(header_text(meta), id=id, markup=False)
