"""What an export includes: one options record shared by every format."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ExportOptions:
    """Choices from the export dialog or the command line; formats ignore what they cannot use.

    ``now`` stamps the output (iCalendar DTSTAMP, the collection's ``generated`` time); tests pin
    it so the output is byte-for-byte reproducible. ``None`` means the current time (UTC).
    """

    notes: bool = True  # notes that have a body
    highlights: bool = True  # plain highlights (no body)
    timeline: bool = True  # the timeline section of the Markdown export
    entities: bool = True  # the entity index of the Markdown export
    now: datetime | None = None
