"""The document's DCT and date order: which source wins, and what the text itself tells."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tui.analysis.temporal.context import (
    date_from_filename,
    resolve_date_order,
    resolve_dct,
    token_tense,
)
from tui.document.model import Metadata
from tui.errors import GlossError

AUG_7 = date(2025, 8, 7)
NOTHING = Metadata()


# --- DCT ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("meta", "text", "flag", "user", "expected"),
    [
        (Metadata(published="2025-08-07"), "", "2024-01-02", "2023-05-06",
         (date(2023, 5, 6), "user")),
        (Metadata(published="2025-08-07"), "", "2024-01-02", None, (date(2024, 1, 2), "flag")),
        (Metadata(published="2025-08-07T09:30:00+07:00"), "", None, None, (AUG_7, "metadata")),
        (Metadata(published="2025-08-07", published_from="filename"), "", None, None,
         (AUG_7, "filename")),
        (Metadata(path="/news/2025-08-07-putin.txt"), "", None, None, (AUG_7, "filename")),
        (NOTHING, "WASHINGTON, Aug. 7, 2025 (AP) — The president said on Monday ...", None, None,
         (AUG_7, "inferred")),
        (NOTHING, "7 August 2025 — Talks resumed on 1 July 2025.", None, None,
         (AUG_7, "inferred")),
        (NOTHING, "Thursday, August 7, 2025\nThe talks went on.", None, None,
         (AUG_7, "inferred")),
        # A date line under the headline, as news sites print it.
        (NOTHING, "Envoy meets Putin\n\nAugust 07, 2025\n\nThe envoy met on 6 June 2026.", None,
         None, (AUG_7, "inferred")),
        (NOTHING, "Envoy meets Putin\nPublished: 7 August 2025, 14:05 BST\nThe envoy met.",
         None, None, (AUG_7, "inferred")),
        (NOTHING, "The war began on 24 February 2022. Talks resumed on August 6, 2025, in Geneva.",
         None, None, (date(2025, 8, 6), "inferred")),
        # A date announced as ahead is not when the story was written.
        (NOTHING, "Talks resumed on August 6, 2025. They will go on until 30 September 2025.",
         None, None, (date(2025, 8, 6), "inferred")),
        (NOTHING, "The summit, which opened on 5 August 2025, will resume on 1 September 2025.",
         None, None, (date(2025, 8, 5), "inferred")),
        (NOTHING, "Talks resumed on Wednesday.", None, None, (None, "assumed")),
        # A saved choice that no longer parses does not block the next source.
        (Metadata(published="2025-08-07"), "", None, "not a date", (AUG_7, "metadata")),
    ],
)
def test_dct_precedence_and_inference(
    meta: Metadata, text: str, flag: str | None, user: str | None, expected: Any
) -> None:
    assert resolve_dct(meta, text, flag, user) == expected


def test_a_bad_date_flag_is_a_one_line_error() -> None:
    with pytest.raises(GlossError, match="--date"):
        resolve_dct(NOTHING, "", "7/8/2025")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2025-08-07-putin-summit.txt", AUG_7),
        ("/archive/story_20250807.html", AUG_7),
        ("reuters.2025.08.07.txt", AUG_7),
        ("2025-13-45-notes.txt", None),
        ("article-12345678.txt", None),
        ("000_662f28003ec8c695.txt", None),
    ],
)
def test_date_in_file_name(name: str, expected: date | None) -> None:
    assert date_from_filename(name) == expected


def test_sample_without_metadata_has_no_dct_in_its_text(sample_path: Path) -> None:
    assert resolve_dct(NOTHING, sample_path.read_text(), None) == (None, "assumed")


# --- tense ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "word", "tense"),
    [
        ("Trump told reporters on 6/8.", "6/8", "past"),
        ("Russia has not met the deadline of 6/8.", "6/8", "past"),
        ("Washington will impose sanctions on 8/8.", "8/8", "future"),
        ("An official said Washington would impose sanctions on 8/8.", "8/8", "future"),
        ("The president plans to meet Putin on 8/8.", "8/8", "future"),
        ("The talks are going to resume on 8/8.", "8/8", "future"),
        ("The office opens on 8/8.", "8/8", "present"),
    ],
)
def test_tense_of_the_dated_clause(nlp: Any, text: str, word: str, tense: str) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert token_tense(token) == tense


# --- date order -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("meta", "flag", "user", "expected"),
    [
        (Metadata(date_order="MDY"), "DMY", "MDY", ("MDY", "user")),
        (Metadata(date_order="MDY"), "DMY", None, ("DMY", "flag")),
        (Metadata(date_order="MDY"), None, None, ("MDY", "metadata")),
    ],
)
def test_date_order_precedence(
    nlp: Any, meta: Metadata, flag: str | None, user: str | None, expected: Any
) -> None:
    doc = nlp("He arrived on 13/8.")  # the text alone would say DMY
    assert resolve_date_order(meta, doc, AUG_7, flag, user) == expected


def test_a_bad_date_order_flag_is_a_one_line_error(nlp: Any) -> None:
    with pytest.raises(GlossError, match="--date-order"):
        resolve_date_order(NOTHING, nlp("On 6/8."), AUG_7, "YDM")


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # A component above 12 settles it.
        ("The envoy arrived on 13/8 and left on 2/9.", AUG_7, "DMY"),
        ("The envoy arrived on 8/13 and left on 9/2.", AUG_7, "MDY"),
        # Tense: a future event after the DCT, a past one before it.
        ("The talks will resume on 3/4.", date(2025, 3, 10), "DMY"),
        ("The talks will resume on 4/3.", date(2025, 3, 10), "MDY"),
        ("The minister resigned on 2/5.", date(2025, 3, 10), "MDY"),
        # Without a DCT, past-tense events come before future-tense ones.
        ("The deal was signed on 3/4 and the plant will open on 6/2.", None, "MDY"),
        ("The deal was signed on 4/3 and the plant will open on 2/6.", None, "DMY"),
        # Proximity: both readings are in the past, only one is a day old.
        ("The minister resigned on 6/8.", AUG_7, "DMY"),
        ("The minister resigned on 8/6.", AUG_7, "MDY"),
        # Without a DCT: the reading that keeps the dates together.
        ("The minister resigned on 6/8. The vote will be held on 8/8.", None, "DMY"),
        # The source's convention.
        ("The programme for the new centre, in its favourite colour, starts on 3/4.", None, "DMY"),
        ("The program for the new center, in its favorite color, starts on 3/4.", None, "MDY"),
    ],
)
def test_date_order_inferred_from_the_text(
    nlp: Any, text: str, dct: date | None, expected: str
) -> None:
    assert resolve_date_order(NOTHING, nlp(text), dct, None) == (expected, "inferred")


def test_day_first_domain_reads_day_first(nlp: Any) -> None:
    meta = Metadata(url="https://www.bbc.co.uk/news/world-123")
    assert resolve_date_order(meta, nlp("It starts on 3/4."), None, None) == ("DMY", "inferred")


@pytest.mark.parametrize("text", ["It starts on 3/4.", "No dates here at all."])
def test_no_evidence_means_day_first_assumed(nlp: Any, text: str) -> None:
    assert resolve_date_order(NOTHING, nlp(text), None, None) == ("DMY", "assumed")
    assert resolve_date_order(NOTHING, None, None, None) == ("DMY", "assumed")


@pytest.mark.parametrize("dct", [AUG_7, None, date(2026, 11, 29)])
def test_sample_without_metadata_reads_6_8_as_6_august(
    nlp: Any, sample_path: Path, dct: date | None
) -> None:
    """With the real DCT, none, or today's date standing in for it."""
    doc = nlp(sample_path.read_text())
    assert resolve_date_order(NOTHING, doc, dct, None) == ("DMY", "inferred")
