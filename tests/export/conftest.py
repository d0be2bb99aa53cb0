"""A small hand-written article with notes and an analysis, shared by the export tests."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.analysis.model import Analysis, Cluster, Entity, TimelineEntry
from tui.document.model import Block, Document, Metadata
from tui.export.options import ExportOptions
from tui.store.model import Note

PARAGRAPHS = (
    "Harbour bridge reopens after repairs",
    "The Riverside Harbour Bridge reopened on 6 August 2025 after three months of repairs, "
    "the city council said on Tuesday.",
    "Mayor Ana Lima said work on the eastern ramp would continue in September 2025. Engineers "
    "from Castell & Partners will inspect the cables again in the spring of 2026.",
    "Residents had complained since 2024 that the detours added *an hour* to their commute; "
    "the council says traffic will improve in the future.",
)
TEXT = "\n\n".join(PARAGRAPHS)
FIXED_NOW = datetime(2025, 8, 10, 12, 0, tzinfo=UTC)


def span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def sentence_of(phrase: str) -> tuple[int, int]:
    start, end = span(phrase)
    left = max(TEXT.rfind(". ", 0, start) + 2, TEXT.rfind("\n", 0, start) + 1)
    right = min(i for i in (TEXT.find(". ", end) + 1, TEXT.find("\n", end), len(TEXT)) if i > 0)
    return left, right


def build_document() -> Document:
    blocks: list[Block] = []
    offset = 0
    for index, paragraph in enumerate(PARAGRAPHS):
        blocks.append(Block(offset, offset + len(paragraph), "heading" if index == 0 else
                            "paragraph"))
        offset += len(paragraph) + 2
    meta = Metadata(title=PARAGRAPHS[0], source="The Harbour Gazette", published="2025-08-06",
                    author="Jo Banks", url="https://news.example/harbour-bridge",
                    path="/articles/harbour-bridge.txt")
    return Document(TEXT, tuple(blocks), meta)


def passage(doc: Document, phrase: str, number: int, **kw: object) -> Note:
    start, end = span(phrase)
    return Note.on_passage(doc.id, doc.text, start, end,
                           id=f"00000000-0000-4000-8000-{number:012d}",
                           created=f"2025-08-0{number}T09:00:00+00:00",
                           modified=f"2025-08-0{number}T10:30:00+00:00", **kw)


TRICKY_BODY = ("Check *this* date — #1 | `code` [link](x) <b>bold</b> & more_words_here\n\n"
               "> not a quote\n- not a list\n1. not numbered\n==mark== %%hidden%% ((ref))")


def build_notes(doc: Document) -> list[Note]:
    return [
        passage(doc, "reopened on 6 August 2025", 1, body=TRICKY_BODY,
                tags=("fact check", "2025", "bridge/infra"), category="question"),
        passage(doc, "Castell & Partners", 2, category="evidence",
                path_hint="/articles/harbour-bridge.txt"),
        passage(doc, "September 2025", 3, body="=SUM(A1) ramp schedule", target="timeline",
                target_key="2025-09"),
        Note(doc_id=doc.id, quote=None, position=None, body="+ Whole article: follow up",
             tags=("follow-up",), target="document", id="00000000-0000-4000-8000-000000000004",
             created="2025-08-04T09:00:00+00:00", modified="2025-08-04T09:00:00+00:00"),
        passage(doc, "Ana Lima", 5, body="@mayor since 2021", target="entity",
                target_key="Ana Lima", category="important"),
    ]


def entry(value: str, label: str, event: str, phrase: str, relation: str = "past",
          granularity: str = "day", vague: bool = False, mod: str | None = None,
          also: tuple[str, ...] = ()) -> TimelineEntry:
    return TimelineEntry(value=value, label=label, event=event, relation=relation,  # type: ignore[arg-type]
                         mentions=(span(phrase),), sentence=sentence_of(phrase),
                         expressions=(phrase,), mod=mod, granularity=granularity, vague=vague,
                         events=(event, *also))


def build_analysis(doc: Document) -> Analysis:
    names = [("Riverside Harbour Bridge", "FAC"), ("Ana Lima", "PERSON"),
             ("Castell & Partners", "ORG"), ("three months", "DATE")]
    entities = tuple(Entity(*span(n), n, label, i) for i, (n, label) in enumerate(names))
    clusters = tuple(Cluster(i, n, label, 1) for i, (n, label) in enumerate(names))
    timeline = (
        entry("2024", "2024", "Residents had complained", "since 2024", granularity="year",
              mod="AFTER"),
        entry("2025-08-05", "Tue 5 Aug 2025", "the city council said", "on Tuesday"),
        entry("2025-08-06", "Wed 6 Aug 2025", "The Riverside Harbour Bridge reopened",
              "on 6 August 2025", also=("three months of repairs ended",)),
        entry("2025-09", "September 2025", "work on the eastern ramp would continue",
              "in September 2025", relation="future", granularity="month"),
        entry("2026-SP", "spring 2026", "Engineers <from> Castell & Partners will inspect",
              "the spring of 2026", relation="future", granularity="season"),
        entry("FUTURE_REF", "in the future", "traffic will improve", "in the future",
              relation="future", granularity="vague", vague=True),
    )
    return Analysis(doc_id=doc.id, entities=entities, clusters=clusters, timeline=timeline,
                    dct="2025-08-06", dct_source="metadata")


@pytest.fixture
def document() -> Document:
    return build_document()


@pytest.fixture
def notes(document: Document) -> list[Note]:
    return build_notes(document)


@pytest.fixture
def analysis(document: Document) -> Analysis:
    return build_analysis(document)


@pytest.fixture
def options() -> ExportOptions:
    return ExportOptions(now=FIXED_NOW)


GOLDEN = Path(__file__).parent / "golden"


def assert_matches_golden(name: str, text: str) -> None:
    """Compare with tests/export/golden/<name>; GLOSS_UPDATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    if os.environ.get("GLOSS_UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8")
