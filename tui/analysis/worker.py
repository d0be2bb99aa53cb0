"""Functions run in the analysis process (or thread): plain data in, plain data out.

They return JSON-ready dicts, or ``{"error": message}``, so nothing unpicklable or
Textual-specific crosses the process boundary.
"""

from __future__ import annotations

from typing import Any

from tui.errors import GlossError


def preload(model: str | None) -> dict[str, Any]:
    """Import spaCy and load the pipeline while the app paints the text."""
    from tui.analysis.nlp import ModelNotFound, load_pipeline, model_id

    try:
        name, version = model_id(load_pipeline(model))
    except ModelNotFound as error:
        return {"error": str(error)}
    return {"model": name, "version": version}


def analyze(document_json: dict[str, Any], model: str | None, dct_flag: str | None,
            date_order_flag: str | None, settings: dict[str, Any]) -> dict[str, Any]:
    from tui.analysis.nlp import ModelNotFound, load_pipeline
    from tui.analysis.pipeline import analyze_document
    from tui.document.model import Document

    try:
        nlp = load_pipeline(model)
        analysis = analyze_document(
            Document.from_json(document_json), nlp, dct_flag=dct_flag,
            date_order_flag=date_order_flag, user_settings=settings)
    except (ModelNotFound, GlossError) as error:
        return {"error": str(error)}
    return analysis.to_json()
