"""Temporal expressions: finding them, normalizing them to TIMEX3, anchoring them in time."""

from tui.analysis.temporal.tagger import tag_timexes

__all__ = ["tag_timexes"]
