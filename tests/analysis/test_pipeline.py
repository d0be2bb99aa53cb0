"""Document → Analysis: offsets, sentences, dates, chunked long texts and the cache key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from tui.analysis.cache_key import analysis_cache_key
from tui.analysis.model import Analysis
from tui.analysis.pipeline import (
    analyze_doc,
    analyze_document,
    analyze_document_chunks,
    chunk_bounds,
)
from tui.analysis.version import analysis_version
from tui.document.model import Document, Metadata

ARTICLE = (
    "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on "
    "Tuesday.\n"
    "Merkel said the talks with Macron would continue next week in Paris.\n"
)


@pytest.fixture(scope="module")
def sample(nlp: Language, sample_path: Path) -> tuple[Document, Analysis]:
    document = Document(sample_path.read_text(encoding="utf-8"),
                        meta=Metadata(published="2025-08-07", date_order="DMY"))
    return document, analyze_document(document, nlp)


def test_every_span_indexes_the_text(sample: tuple[Document, Analysis]) -> None:
    document, analysis = sample
    text = document.text
    assert analysis.doc_id == document.id
    for entity in analysis.entities:
        assert text[entity.start:entity.end] == entity.text
    for timex in analysis.timexes:
        assert text[timex.start:timex.end] == timex.text
    for start, end in analysis.sentences:
        assert text[start:end] == text[start:end].strip() != ""
    assert [s for s, _ in analysis.sentences] == sorted(s for s, _ in analysis.sentences)


def test_dates_are_read_against_the_metadata(sample: tuple[Document, Analysis]) -> None:
    _, analysis = sample
    assert (analysis.dct, analysis.dct_source) == ("2025-08-07", "metadata")
    assert (analysis.date_order, analysis.date_order_source) == ("DMY", "metadata")
    values = {t.text: t.value for t in analysis.timexes}
    assert values["6/8"] == "2025-08-06"
    assert values["12/2019"] == "2019-12"
    assert [e.value for e in analysis.timeline][:2] == ["2019-12", "2021-06"]


def test_analysis_names_its_model(nlp: Language, sample: tuple[Document, Analysis]) -> None:
    _, analysis = sample
    assert analysis.model.endswith(nlp.meta["name"])
    assert analysis.model_version == nlp.meta["version"]
    assert analysis.analysis_version == analysis_version()
    key = analysis_cache_key(analysis.model)
    assert f"=={analysis.model_version};a{analysis_version()}" in key


def test_analysis_survives_a_json_round_trip(sample: tuple[Document, Analysis]) -> None:
    _, analysis = sample
    assert Analysis.from_json(json.loads(json.dumps(analysis.to_json()))) == analysis


def test_flags_and_saved_choices_decide_the_dct(nlp: Language) -> None:
    document = Document(ARTICLE, meta=Metadata(published="2025-08-07"))
    flagged = analyze_document(document, nlp, dct_flag="2024-03-01", date_order_flag="MDY")
    assert (flagged.dct, flagged.dct_source) == ("2024-03-01", "flag")
    assert (flagged.date_order, flagged.date_order_source) == ("MDY", "flag")
    saved = analyze_document(document, nlp, dct_flag="2024-03-01",
                             user_settings={"dct": "2023-05-06", "date_order": "DMY"})
    assert (saved.dct, saved.dct_source) == ("2023-05-06", "user")
    assert saved.date_order_source == "user"


def test_analyze_doc_works_on_pipe_results(nlp: Language) -> None:
    texts = ["Angela Merkel visited Paris.", "Emmanuel Macron stayed in Berlin."]
    analyses = [analyze_doc(doc, str(i)) for i, doc in enumerate(nlp.pipe(texts))]
    assert [[e.text for e in a.entities] for a in analyses] == [
        ["Angela Merkel", "Paris"], ["Emmanuel Macron", "Berlin"]]


# --- long documents -------------------------------------------------------------------------------


def test_chunks_cover_the_text_and_end_after_paragraphs() -> None:
    text = "".join(f"Paragraph {i} is here.\n" for i in range(200))
    bounds = chunk_bounds(text, 500)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(end - start <= 500 for start, end in bounds)
    assert all(text[end - 1] == "\n" for _, end in bounds)


@given(st.text(alphabet=st.sampled_from("ab .\n🙂"), max_size=400),
       st.integers(min_value=1, max_value=60))
def test_chunks_always_tile_the_text(text: str, limit: int) -> None:
    bounds = chunk_bounds(text, limit)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(0 < b - a <= limit for a, b in bounds) or text == ""


def test_a_paragraph_longer_than_a_chunk_is_cut_between_words() -> None:
    text = "word " * 1000
    bounds = chunk_bounds(text, 300)
    assert all(text[end - 1] == " " for _, end in bounds[:-1])
    assert "".join(text[a:b] for a, b in bounds) == text


def test_long_document_is_analysed_in_chunks_with_progress(nlp: Language) -> None:
    filler = "The committee met again and discussed the budget at length.\n" * 40
    text = ARTICLE + filler + "Later, Merkel flew home.\n"
    document = Document(text, meta=Metadata(published="2025-08-07"))
    steps = list(analyze_document_chunks(document, nlp, chunk_chars=1000))
    assert len(steps) > 2
    assert [s.done for s in steps] == sorted(s.done for s in steps)
    assert steps[-1].done == steps[-1].total == len(text)
    assert all(s.final is None for s in steps[:-1])
    final = steps[-1].final
    assert final is not None
    for entity in final.entities:
        assert text[entity.start:entity.end] == entity.text
    # Clusters span the whole document: the last "Merkel" joins the first full name.
    merkels = [e for e in final.entities if "Merkel" in e.text]
    assert merkels[-1].start > 2000
    assert {final.clusters[e.cluster].name for e in merkels} == {"Angela Merkel"}
    whole = analyze_document(document, nlp)
    assert [(e.start, e.end, e.label) for e in final.entities] == [
        (e.start, e.end, e.label) for e in whole.entities]


def test_chunk_timelines_merge_into_one_calendar(nlp: Language) -> None:
    filler = "The committee met again and discussed the budget at length.\n" * 30
    text = ("The minister resigned on 3 March 2024.\n" + filler
            + "The election was held on 1 February 2024.\n" + filler
            + "Protests began on 3 March 2024.\n")
    document = Document(text, meta=Metadata(published="2024-03-10"))
    chunked = analyze_document(document, nlp, chunk_chars=1000)
    whole = analyze_document(document, nlp)
    assert [e.value for e in chunked.timeline] == ["2024-02-01", "2024-03-03"]
    assert [e.value for e in chunked.timeline] == [e.value for e in whole.timeline]
    march = chunked.timeline[1]
    assert [text[a:b] for a, b in march.mentions] == ["3 March 2024", "3 March 2024"]
    assert march.mentions[1][0] > 2000


def test_progress_callback_reports_every_chunk(nlp: Language) -> None:
    document = Document(ARTICLE * 30)
    seen: list[tuple[int, int]] = []
    analyze_document(document, nlp, chunk_chars=600, on_progress=lambda d, t: seen.append((d, t)))
    assert len(seen) > 1 and seen[-1] == (len(document.text), len(document.text))
