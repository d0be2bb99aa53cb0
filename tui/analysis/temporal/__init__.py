"""Temporal expressions: finding them, normalizing them to TIMEX3, anchoring them in time.

Importing this package does not import spaCy; only the parsed ``Doc`` passed in needs it.
"""

from tui.analysis.temporal.tagger import tag_timexes

__all__ = ["tag_timexes"]
