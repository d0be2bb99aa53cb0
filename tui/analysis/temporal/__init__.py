"""Temporal expressions: finding them, normalizing them to TIMEX3, anchoring them in time.

Importing this package does not import spaCy; only the parsed ``Doc`` passed in needs it.
"""

from tui.analysis.temporal.tagger import tag_timexes

# A change to the tagger's output bumps tui.analysis.model.ANALYSIS_VERSION (caches recompute).

__all__ = ["tag_timexes"]
