"""Temporal expressions: finding them, normalizing them to TIMEX3, anchoring them in time.

Importing this package does not import spaCy; only the parsed ``Doc`` passed in needs it.
"""

from tui.analysis.temporal.tagger import tag_timexes

# Bump when the tagger's output for the same text and context changes, so caches recompute.
TAGGER_VERSION = "1"

__all__ = ["TAGGER_VERSION", "tag_timexes"]
