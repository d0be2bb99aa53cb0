"""A company that shares its name with a person keeps ORG where the sentence says so."""

from __future__ import annotations

import pytest

from tui.analysis.entities import mentions_from_doc, resolve


def _labels(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    _, clusters = resolve(mentions_from_doc(nlp(text)))
    return sorted((c.name, c.label) for c in clusters)


def test_a_founder_does_not_turn_the_company_into_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Executive chairman Henry Dell spoke on Tuesday. Dell shipped fewer laptops this "
            "quarter, and Dell Inc. cut prices. Dell's XPS line sold well.")
    labels = _labels(nlp, text)
    assert ("Henry Dell", "PERSON") in labels
    assert ("Dell", "ORG") in labels


def test_a_surname_without_company_evidence_stays_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Mary Walsh arrived in Boston. Walsh said the vote was close."
    assert ("Walsh", "ORG") not in _labels(nlp, text)
    assert ("Mary Walsh", "PERSON") in _labels(nlp, text)


@pytest.mark.parametrize(("text", "name"), [
    ("Kessler Group said profits rose. Kessler recalled 9,000 heaters last week.", "Kessler"),
    ("Brisk Motors unveiled a van. Brisk's shares jumped 4%.", "Brisk"),
])
def test_evidence_marks_the_mention(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    mentions = [m for m in mentions_from_doc(nlp(text)) if m.text == name]
    assert mentions and all(m.organisation for m in mentions)
