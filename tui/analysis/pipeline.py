"""Document → Analysis: parse with spaCy, then entities, sentences, dates and the timeline.

Texts longer than a chunk are parsed paragraph-aligned chunk by chunk through ``nlp.pipe``
(spaCy refuses texts over ``nlp.max_length``, and a reader wants progress on a book); entity
labels and clusters are decided once over the whole document at the end.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from tui.analysis import entities
from tui.analysis.event_spans import RawEvent
from tui.analysis.model import Analysis, Entity, Event, Source, TimelineEntry, Timex
from tui.analysis.version import analysis_version
from tui.document.model import Document, Metadata

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Small enough for steady progress on a book, large enough that spaCy's per-call cost vanishes.
CHUNK_CHARS = 50_000
DEFAULT_DATE_ORDER = "DMY"

ProgressCallback = Callable[[int, int], None]

# spaCy's tokenizer strips prefixes and suffixes one character at a time, copying the rest of
# the run each time: 8,000 "*" take half a minute, 20,000 "[" minutes. A run without
# whitespace this long is no English word (a rule, a URL, base64, a CJK paragraph), so the
# pipeline is given blanks in its place: same length, so every offset still holds.
LONG_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def pipeline_text(text: str) -> str:
    """``text`` as spaCy is given it: each whitespace-free run longer than ``LONG_RUN``
    characters becomes as many spaces (the tagger then sees one whitespace token)."""
    if _LONG_RUN.search(text) is None:
        return text
    return _LONG_RUN.sub(lambda run: " " * (run.end() - run.start()), text)


def _long_runs_warning(text: str) -> str | None:
    runs = _LONG_RUN.findall(text)
    if not runs:
        return None
    return (f"{sum(map(len, runs))} characters in {len(runs)} run(s) without spaces longer "
            f"than {LONG_RUN} characters were not analysed")


@dataclass(frozen=True)
class Context:
    """What dates in a document are read against, and how each was obtained."""

    dct: date | None = None
    dct_source: Source = "assumed"
    date_order: str = DEFAULT_DATE_ORDER
    date_order_source: Source = "assumed"


@dataclass(frozen=True)
class Progress:
    """One step of a chunked analysis.

    ``partial`` covers the chunk just parsed (offsets into the whole text, clusters local to
    the chunk) so a viewer can highlight early; ``final`` is set on the last step only and is
    the whole document's analysis, whose labels and clusters may differ from the partials'.
    """

    done: int  # characters analysed so far
    total: int
    partial: Analysis
    final: Analysis | None = None


def model_info(nlp: Language) -> tuple[str, str]:
    """(pipeline name, version) as recorded in analyses, e.g. ("en_core_web_sm", "3.8.0")."""
    from tui.analysis.nlp import model_id

    return model_id(nlp)


# --- dates --------------------------------------------------------------------------------------


def resolve_context(meta: Metadata, text: str, doc: Doc | None, *, dct_flag: str | None = None,
                    date_order_flag: str | None = None,
                    user_settings: Mapping[str, Any] | None = None) -> Context:
    """DCT and numeric-date order for a text: the reader's saved choice ({"dct", "date_order"}
    in ``user_settings``) wins over the flags, the flags over metadata, metadata over the text.
    ``doc`` (the parsed text or its opening chunk) lets the date order be inferred from tense.
    """
    user = user_settings or {}
    dct, dct_source = document_dct(meta, text, dct_flag, _str_or_none(user.get("dct")))
    order, order_source = document_date_order(meta, doc, dct, date_order_flag,
                                              _str_or_none(user.get("date_order")))
    return Context(dct, dct_source, order, order_source)


def document_dct(meta: Metadata, text: str, flag: str | None = None,
                 user: str | None = None) -> tuple[date, Source]:
    """The date relative expressions resolve against; with nothing to go on, today, marked
    "assumed" so the reader knows to check it. A malformed ``flag`` raises ``GlossError``."""
    from tui.analysis.temporal.context import resolve_dct

    dct, source = resolve_dct(meta, text, flag, user)
    return (dct, source) if dct is not None else (date.today(), "assumed")


def document_date_order(meta: Metadata, doc: Doc | None, dct: date | None,
                        flag: str | None = None, user: str | None = None) -> tuple[str, Source]:
    """DMY or MDY for numeric dates such as 6/8, and how that was decided."""
    from tui.analysis.temporal.context import resolve_date_order

    return resolve_date_order(meta, doc, dct, flag, user)


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _timexes(doc: Doc, context: Context) -> list[Timex]:
    from tui.analysis.temporal import tag_timexes

    return list(tag_timexes(doc, context.dct, context.date_order))


def _timeline(doc: Doc, timexes: Sequence[Timex], context: Context) -> list[TimelineEntry]:
    from tui.analysis.timeline import build_timeline

    return list(build_timeline(doc, list(timexes), context.dct))


# --- one parsed text ----------------------------------------------------------------------------


def sentences_of(doc: Doc, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans without surrounding whitespace; blank "sentences" are dropped."""
    spans = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + len(text) - len(text.lstrip()) + offset
        spans.append((start, start + len(stripped)))
    return spans


def _shift_timex(timex: Timex, offset: int) -> Timex:
    return dataclasses.replace(timex, start=timex.start + offset, end=timex.end + offset)


def _shift_entry(entry: TimelineEntry, offset: int) -> TimelineEntry:
    return dataclasses.replace(
        entry,
        mentions=tuple((a + offset, b + offset) for a, b in entry.mentions),
        sentence=(entry.sentence[0] + offset, entry.sentence[1] + offset),
    )


@dataclass
class _Parts:
    """What one parsed chunk contributes, in whole-document offsets."""

    mentions: list[entities.Mention]
    sentences: list[tuple[int, int]]
    timexes: list[Timex]
    timeline: list[TimelineEntry]
    warnings: list[str]
    events: list[RawEvent] = dataclasses.field(default_factory=list)


def _parts(doc: Doc, offset: int, context: Context, original: str | None = None) -> _Parts:
    """``original`` is the text as loaded when spaCy was given ``pipeline_text`` of it."""
    warnings: list[str] = []
    if original is not None and original != doc.text:
        _drop_blanked(doc, original)
    try:
        timexes = _timexes(doc, context)
        if original is not None:
            timexes = [t for t in timexes if original[t.start:t.end] == t.text]
        timeline = _timeline(doc, timexes, context)
    except Exception as error:  # a date rule failing must not cost the reader the entities
        warnings.append(f"dates could not be analysed: {type(error).__name__}: {error}")
        timexes, timeline = [], []
    try:
        from tui.analysis.event_spans import read_events

        events = read_events(doc, timexes, context.dct)
    except Exception as error:  # nor may an event rule
        warnings.append(f"events could not be analysed: {type(error).__name__}: {error}")
        events = []
    return _Parts(
        entities.mentions_from_doc(doc, offset),
        sentences_of(doc, offset),
        [_shift_timex(t, offset) for t in timexes] if offset else timexes,
        [_shift_entry(e, offset) for e in timeline] if offset else timeline,
        warnings,
        [e.shifted(offset) for e in events] if offset else events,
    )


def _drop_blanked(doc: Doc, original: str) -> None:
    """Entities reaching into a blanked run (the tagger may join "The" and "Doe" across one)
    would name text the reader never sees; they go."""
    doc.ents = [e for e in doc.ents if original[e.start_char:e.end_char] == e.text]


def _assemble(doc_id: str, parts: Sequence[_Parts], context: Context,
              model: tuple[str, str]) -> Analysis:
    mentions = [m for p in parts for m in p.mentions]
    found, clusters = entities.resolve(mentions)
    timeline = parts[0].timeline if len(parts) == 1 else _merge_timelines(
        [p.timeline for p in parts])
    return Analysis(
        doc_id=doc_id,
        entities=found,
        clusters=clusters,
        sentences=tuple(s for p in parts for s in p.sentences),
        timexes=tuple(t for p in parts for t in p.timexes),
        timeline=tuple(timeline),
        dct=context.dct.isoformat() if context.dct else None,
        dct_source=context.dct_source,
        date_order=context.date_order,
        date_order_source=context.date_order_source,
        model=model[0],
        model_version=model[1],
        analysis_version=analysis_version(),
        warnings=tuple(dict.fromkeys(w for p in parts for w in p.warnings)),
        events=_events(parts, found),
    )


def _events(parts: Sequence[_Parts], found: Sequence[Entity]) -> tuple[Event, ...]:
    """Each chunk's events with their participant mentions turned into cluster ids, in the
    order of anchor then text (``event_order``) over the whole document."""
    from bisect import bisect_right

    from tui.analysis.event_spans import event_order

    starts = [e.start for e in found]
    by_text = {e.text: e.cluster for e in reversed(found)}

    def cluster_at(start: int, end: int, text: str) -> int | None:
        # The entity inside the mention span (a person's is the name without its title);
        # a name the tagger missed there is the cluster of the same name elsewhere.
        i = bisect_right(starts, end - 1) - 1
        while i >= 0 and found[i].end > start:
            if found[i].start >= start or found[i].end <= end:
                return found[i].cluster
            i -= 1
        return by_text.get(text)

    raw = sorted((e for p in parts for e in p.events), key=event_order)
    events = []
    for event in raw:
        ids = (cluster_at(a, b, text) for a, b, text in event.participants)
        events.append(Event(event.start, event.end, event.text, event.lemma,
                            "noun" if event.kind == "noun" else "verb",
                            tuple(sorted({c for c in ids if c is not None})),
                            event.anchor, event.placement, event.timex))
    return tuple(events)


def _merge_timelines(timelines: Sequence[Sequence[TimelineEntry]]) -> list[TimelineEntry]:
    """Entries with the same value and mod from several chunks become one, in time order."""
    merged: dict[tuple[str, str | None], TimelineEntry] = {}
    for timeline in timelines:
        for entry in timeline:
            key = (entry.value, entry.mod)
            if (seen := merged.get(key)) is None:
                merged[key] = entry
                continue
            merged[key] = dataclasses.replace(
                seen,
                mentions=seen.mentions + entry.mentions,
                expressions=seen.expressions + entry.expressions,
                events=tuple(dict.fromkeys(seen.events + entry.events)),
            )
    from tui.analysis.timeline import timeline_order

    return sorted(merged.values(), key=timeline_order)


def analyze_doc(
    spacy_doc: Doc,
    doc_id: str,
    dct: date | None = None,
    dct_source: Source = "assumed",
    date_order: str = DEFAULT_DATE_ORDER,
    date_order_source: Source = "assumed",
    model: tuple[str, str] = ("", ""),
    original: str | None = None,
) -> Analysis:
    """The analysis of one parsed text (for example an ``nlp.pipe`` result), offsets into
    ``spacy_doc.text``; dates are read against ``dct`` with ``date_order``. ``original`` is
    the text as given when spaCy parsed its ``pipeline_text``."""
    context = Context(dct, dct_source, date_order, date_order_source)
    return _assemble(doc_id, [_parts(spacy_doc, 0, context, original)], context, model)


# --- whole documents ----------------------------------------------------------------------------


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces of at most ``limit`` characters covering ``text``, cut
    after a line break where there is one (whole paragraphs), else after a sentence or a space.
    """
    bounds = []
    start, size = 0, len(text)
    while size - start > limit:
        window = text[start:start + limit]
        cut = -1
        for separator in ("\n", ". ", " "):
            at = window.rfind(separator, limit // 4)
            if at >= 0:
                cut = at + len(separator)
                break
        end = start + cut if cut > 0 else start + limit
        bounds.append((start, end))
        start = end
    if start < size or not bounds:
        bounds.append((start, size))
    return bounds


def analyze_document_chunks(
    document: Document,
    nlp: Language | None = None,
    *,
    dct_flag: str | None = None,
    date_order_flag: str | None = None,
    user_settings: Mapping[str, Any] | None = None,
    chunk_chars: int = CHUNK_CHARS,
    batch_size: int = 1,
) -> Iterator[Progress]:
    """Analyse ``document`` chunk by chunk, yielding a ``Progress`` after each chunk; the last
    one carries the whole analysis in ``final``."""
    if nlp is None:
        from tui.analysis.nlp import load_pipeline

        nlp = load_pipeline()
    model = model_info(nlp)
    text = document.text
    parsed = pipeline_text(text)
    bounds = chunk_bounds(parsed, min(chunk_chars, nlp.max_length))
    context: Context | None = None
    parts: list[_Parts] = []
    pieces = ((parsed[a:b], a) for a, b in bounds)
    for doc, offset in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        if context is None:
            # The DCT comes from the whole text; the date order is inferred from the opening
            # chunk, and both hold for every chunk.
            context = resolve_context(document.meta, text, doc, dct_flag=dct_flag,
                                      date_order_flag=date_order_flag,
                                      user_settings=user_settings)
        part = _parts(doc, offset, context,
                      None if parsed is text else text[offset:offset + len(doc.text)])
        parts.append(part)
        done = offset + len(doc.text)
        partial = _assemble(document.id, [part], context, model)
        if done < len(text):
            yield Progress(done, len(text), partial)
    assert context is not None  # chunk_bounds always yields at least one piece
    if parsed is not text and (warning := _long_runs_warning(text)):
        parts[0].warnings.append(warning)
    yield Progress(len(text), len(text), partial,
                   final=_assemble(document.id, parts, context, model))


def analyze_document(
    document: Document,
    nlp: Language | None = None,
    *,
    dct_flag: str | None = None,
    date_order_flag: str | None = None,
    user_settings: Mapping[str, Any] | None = None,
    on_progress: ProgressCallback | None = None,
    chunk_chars: int = CHUNK_CHARS,
) -> Analysis:
    """The whole analysis of a loaded document; ``on_progress(done, total)`` after each chunk.

    ``dct_flag``/``date_order_flag`` are the command-line values; ``user_settings`` holds the
    reader's saved choices ({"dct": "YYYY-MM-DD", "date_order": "DMY"}), which win over both.
    """
    for step in analyze_document_chunks(
        document, nlp, dct_flag=dct_flag, date_order_flag=date_order_flag,
        user_settings=user_settings, chunk_chars=chunk_chars,
    ):
        if on_progress is not None:
            on_progress(step.done, step.total)
        if step.final is not None:
            return step.final
    raise AssertionError("analyze_document_chunks ended without a final analysis")
