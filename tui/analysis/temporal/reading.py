"""What a rule reads against, what it gives back, and what every rule family shares.

The normalizer is assembled from one mixin per family of expressions; they all resolve relative
words against the same :class:`Context` through :meth:`RuleBase._base`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tui.analysis.temporal.periods import Period


@dataclass(frozen=True)
class Context:
    """What a relative expression may be resolved against."""

    dct: date | None
    previous: Period | None  # the last specific date mentioned before this expression
    direction: int = 0  # tense of the governing verb: -1 past, +1 future, 0 unknown/present
    date_order: str = "DMY"
    narrative: bool = False  # resolve deictic words against the previous date, not the DCT


@dataclass(frozen=True)
class Reading:
    """The TIMEX3 type, value and mod of one expression, and how it was anchored."""

    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None
    anchor: str | None = None  # "dct", "previous" or None for absolute values
    period: Period | None = None  # the calendar period, for later anaphora


class RuleBase:
    """The context and the helpers that every family of rules uses."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def _base(self, deictic: bool = True) -> tuple[Period | None, str | None]:
        """The period relative words count from, and its name for Timex.anchor.

        Deictic words ("yesterday", "next week") count from the DCT whenever there is one;
        anaphoric ones ("the following day") and, in a narrative, bare calendar names
        ("in March") count from the date mentioned last.
        """
        ctx = self.ctx
        if deictic and ctx.dct is not None:
            return Period(ctx.dct, "day"), "dct"
        if ctx.previous is not None:
            return ctx.previous, "previous"
        if ctx.dct is not None:
            return Period(ctx.dct, "day"), "dct"
        return None, None

    def _date(self, p: Period, type_: str = "DATE", anchor: str | None = None,
              mod: str | None = None, suffix: str = "") -> Reading:
        return Reading(type_, p.value + suffix, mod, anchor, p)

    def read(self, text: str) -> Reading | None:
        """The reading of a whole expression; the normalizer orders the rule families."""
        raise NotImplementedError
