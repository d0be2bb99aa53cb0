"""Whitespace-free runs of punctuation (quadratic in spaCy's tokenizer) are set aside before
the pipeline, and every offset still indexes the text as loaded."""

from __future__ import annotations

import io
import json

from spacy.language import Language

from tui.analysis.batch import run_jsonl
from tui.analysis.pipeline import LONG_RUN, analyze_document, pipeline_text
from tui.document.load import parse_document

BEFORE = "Angela Merkel met Emmanuel Macron in Berlin on Tuesday."
AFTER = "Macron said the talks would continue next week in Paris."


def test_pipeline_text_blanks_only_long_runs_and_keeps_length() -> None:
    short = "x" * LONG_RUN
    text = f"a {short} b {'[' * (LONG_RUN + 1)} c{'*' * 9000}d"
    assert pipeline_text(text) == f"a {short} b {' ' * (LONG_RUN + 1)} {' ' * 9002}"
    assert pipeline_text(BEFORE) is BEFORE


def test_article_with_20000_brackets_keeps_its_entities_at_their_offsets(nlp: Language) -> None:
    document = parse_document(f"{BEFORE}\n\n{'[' * 20_000}\n\n{AFTER} {'*' * 8000} {BEFORE}\n")
    analysis = analyze_document(document, nlp)
    found = {(document.text[e.start:e.end], e.label) for e in analysis.entities}
    assert {("Angela Merkel", "PERSON"), ("Berlin", "GPE"), ("Paris", "GPE")} <= found
    for entity in analysis.entities:
        assert document.text[entity.start:entity.end] == entity.text
        assert "[" not in entity.text and "*" not in entity.text
    starts = sorted(e.start for e in analysis.entities if e.text == "Berlin")
    assert starts == [BEFORE.index("Berlin"), document.text.rindex("Berlin")]
    assert any("28000 characters in 2 run(s) without spaces" in w for w in analysis.warnings)


def test_jsonl_line_with_a_long_run_is_answered_with_true_offsets(nlp: Language) -> None:
    text = f"{BEFORE} {'[' * 20_000} {AFTER}"
    out = io.BytesIO()
    run_jsonl(nlp, io.BytesIO(json.dumps({"id": 1, "text": text}).encode()), out)
    answer = json.loads(out.getvalue())
    paris = [e for e in answer["entities"] if e["text"] == "Paris"]
    assert [(e["start"], e["end"]) for e in paris] == [(text.index("Paris"),
                                                       text.index("Paris") + 5)]


def test_no_entity_reaches_into_a_blanked_run(nlp: Language) -> None:
    # Found by tests/document/test_fuzz.py: the tagger made one WORK_OF_ART of "The", the
    # blanks and "By", whose text was then not the article's.
    text = ("<html><head><title><p> é \ufeff The\n\n</title></head><body>"
            + "<table><tr><td>" * 500 + "By Doe &amp; Reuters &amp; mayor The <script> By Doe "
            "said 2025-08-07 é Lima Lima Jane   --- <p> \t" + "</table>" * 250)
    document = parse_document(text)
    analysis = analyze_document(document, nlp)
    assert analysis.entities
    spans: list[tuple[int, int, str]] = [(e.start, e.end, e.text) for e in analysis.entities]
    spans += [(t.start, t.end, t.text) for t in analysis.timexes]
    for start, end, text_ in spans:
        assert document.text[start:end] == text_
    out = io.BytesIO()
    run_jsonl(nlp, io.BytesIO(json.dumps({"id": 1, "text": text}).encode()), out)
    for entity in json.loads(out.getvalue())["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
