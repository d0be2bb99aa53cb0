"""Entity labels agree across a document, people are named without their titles, and every
mention of one person lands in one cluster."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Span

from tui.analysis.entities import Mention, mentions_from_doc, resolve
from tui.analysis.model import Cluster, Entity
from tui.analysis.pipeline import analyze_doc


def mentions(*items: tuple[str, str] | tuple[str, str, str]) -> list[Mention]:
    """Mentions laid out one after another, as if in "a. b. c.": (text, label[, bare name])."""
    out, at = [], 0
    for item in items:
        text, label = item[0], item[1]
        name = item[2] if len(item) == 3 else text
        offset = text.index(name)
        out.append(Mention(at, at + len(text), text, label,
                           at + offset, at + offset + len(name), name))
        at += len(text) + 2
    return out


def cluster_of(entities: tuple[Entity, ...], clusters: tuple[Cluster, ...],
               text: str) -> set[str]:
    return {clusters[e.cluster].name for e in entities if e.text == text}


# --- labels -------------------------------------------------------------------------------------


def test_surname_of_a_person_named_in_full_is_a_person_everywhere() -> None:
    found, _ = resolve(mentions(("Donald Trump", "PERSON"), ("Trump", "ORG"), ("Trump", "ORG"),
                                ("Trump", "ORG")))
    assert [e.label for e in found] == ["PERSON"] * 4


def test_full_name_tagged_once_as_org_keeps_person() -> None:
    found, _ = resolve(mentions(("Karoline Leavitt", "ORG"), ("Karoline Leavitt", "PERSON")))
    assert {e.label for e in found} == {"PERSON"}


def test_known_city_tagged_org_or_person_is_a_place() -> None:
    found, _ = resolve(mentions(("Kyiv", "ORG"), ("NATO", "ORG"), ("Geneva", "PERSON")))
    assert [e.label for e in found] == ["GPE", "ORG", "GPE"]


def test_majority_label_wins_for_unknown_names() -> None:
    found, _ = resolve(mentions(("Zubrowka", "GPE"), ("Zubrowka", "ORG"), ("Zubrowka", "GPE")))
    assert {e.label for e in found} == {"GPE"}


def test_place_that_is_also_a_surname_goes_by_its_mentions() -> None:
    found, clusters = resolve(mentions(("George Washington", "PERSON"), ("Washington", "GPE"),
                                       ("Washington", "GPE"), ("Washington", "GPE")))
    assert [e.label for e in found] == ["PERSON", "GPE", "GPE", "GPE"]
    assert [c.name for c in clusters] == ["George Washington", "Washington"]


def test_an_organisation_swallowed_by_a_person_span_stays_an_organisation() -> None:
    found, _ = resolve(mentions(("Steven Snyder TWA", "PERSON"), ("TWA", "ORG"), ("TWA", "ORG")))
    assert [e.label for e in found] == ["PERSON", "ORG", "ORG"]


def test_a_tie_between_place_and_other_labels_goes_to_the_place() -> None:
    found, _ = resolve(mentions(("Anlong Veng", "PERSON"), ("Anlong Veng", "GPE")))
    assert {e.label for e in found} == {"GPE"}


def test_numbers_and_dates_keep_the_model_label() -> None:
    found, _ = resolve(mentions(("two", "CARDINAL"), ("two", "CARDINAL"), ("6/8", "DATE"),
                                ("three hours", "TIME")))
    assert [e.label for e in found] == ["CARDINAL", "CARDINAL", "DATE", "TIME"]


# --- titles -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("US President Donald Trump", "Donald Trump"),
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("NATO Secretary General Mark Rutte", "Mark Rutte"),
        ("White House spokesperson Karoline Leavitt", "Karoline Leavitt"),
        ("US envoy Steve Witkoff", "Steve Witkoff"),
        ("Mr. Putin", "Putin"),
        ("President Trump", "Trump"),
        ("Prime Minister John Major", "John Major"),
        ("Secretary of State Marco Rubio", "Marco Rubio"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("Martin Luther King Jr.", "Martin Luther King Jr."),
        ("Al Gore", "Al Gore"),
        ("Trump's", "Trump"),
    ],
)
def test_titles_and_roles_are_cut_from_person_spans(nlp: Language, phrase: str,
                                                    name: str) -> None:
    text = f"Yesterday {phrase} arrived."
    doc = nlp(text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase), label="PERSON")
    assert span is not None
    doc.ents = [span]
    found, clusters = resolve(mentions_from_doc(doc))
    assert [(e.text, e.label) for e in found] == [(name, "PERSON")]
    assert text[found[0].start:found[0].end] == name
    assert clusters[0].name == name


def test_title_is_kept_for_organisations(nlp: Language) -> None:
    text = "He joined the President's Council on Fitness."
    doc = nlp(text)
    span = doc.char_span(text.index("the"), text.index(" on"), label="ORG")
    assert span is not None
    doc.ents = [span]
    found, _ = resolve(mentions_from_doc(doc))
    assert found[0].text == "the President's Council"


@pytest.mark.parametrize("phrase", ["Freedom for Elian", "the Port Authority of New York",
                                    "anti-Castro"])
def test_other_spans_are_never_cut_down_to_a_name(nlp: Language, phrase: str) -> None:
    text = f"They spoke of {phrase} today."
    doc = nlp(text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase), label="ORG")
    assert span is not None
    doc.ents = [span]
    found, _ = resolve(mentions_from_doc(doc))
    assert [(e.text, e.label) for e in found] == [(phrase, "ORG")]


def test_a_person_span_across_a_line_break_keeps_the_name_after_it(nlp: Language) -> None:
    text = "Photo: AFP\nDonald Trump spoke."
    doc = nlp(text)
    span = doc.char_span(text.index("AFP"), text.index(" spoke"), label="PERSON")
    assert span is not None
    doc.ents = [span]
    found, _ = resolve(mentions_from_doc(doc))
    assert [e.text for e in found] == ["Donald Trump"]


def test_offsets_are_shifted_for_chunks(nlp: Language) -> None:
    doc = nlp("Angela Merkel spoke.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    found, _ = resolve(mentions_from_doc(doc, offset=100))
    assert (found[0].start, found[0].end) == (100, 113)


# --- clusters -----------------------------------------------------------------------------------


def test_titles_full_names_and_surnames_are_one_person() -> None:
    found, clusters = resolve(mentions(
        ("US President Donald Trump", "PERSON", "Donald Trump"),
        ("Donald Trump", "PERSON"),
        ("Trump", "PERSON"),
        ("President Trump", "PERSON", "Trump"),
        ("Vladimir Putin", "PERSON"),
        ("Putin", "PERSON"),
    ))
    people = [c for c in clusters if c.label == "PERSON"]
    assert [(c.name, c.mentions) for c in people] == [("Donald Trump", 4), ("Vladimir Putin", 2)]
    assert len({e.cluster for e in found if "Trump" in e.text}) == 1


def test_shared_surname_stays_apart() -> None:
    found, clusters = resolve(mentions(("Joe Biden", "PERSON"), ("Hunter Biden", "PERSON"),
                                       ("Biden", "PERSON")))
    assert [c.name for c in clusters] == ["Joe Biden", "Hunter Biden", "Biden"]
    assert len({e.cluster for e in found}) == 3


def test_surname_with_a_particle_joins_the_full_name() -> None:
    _, clusters = resolve(mentions(("Osama bin Laden", "PERSON"), ("Bin Laden", "PERSON"),
                                   ("Laden", "PERSON")))
    assert [(c.name, c.mentions) for c in clusters] == [("Osama bin Laden", 3)]


def test_a_first_name_alone_joins_the_only_person_with_it() -> None:
    _, clusters = resolve(mentions(("Elian Gonzalez", "PERSON"), ("Lazaro Gonzalez", "PERSON"),
                                   ("Elian", "PERSON"), ("Gonzalez", "PERSON")))
    assert [(c.name, c.mentions) for c in clusters] == [
        ("Elian Gonzalez", 2), ("Lazaro Gonzalez", 1), ("Gonzalez", 1)]


def test_middle_initial_is_the_same_person_and_the_longest_form_names_it() -> None:
    _, clusters = resolve(mentions(("Donald Trump", "PERSON"), ("Donald J. Trump", "PERSON"),
                                   ("Trump", "PERSON")))
    assert [(c.name, c.mentions) for c in clusters] == [("Donald J. Trump", 3)]


def test_junior_is_someone_else() -> None:
    _, clusters = resolve(mentions(("Donald Trump", "PERSON"), ("Donald Trump Jr.", "PERSON"),
                                   ("Trump", "PERSON")))
    assert [c.name for c in clusters] == ["Donald Trump", "Donald Trump Jr.", "Trump"]


def test_names_of_places_and_bodies_group_by_normalized_form() -> None:
    found, clusters = resolve(mentions(
        ("the White House", "ORG"), ("White House", "ORG"), ("U.S.", "GPE"), ("US", "GPE"),
        ("US", "GPE"), ("United Nations", "ORG"), ("UN", "ORG"),
    ))
    assert [(c.name, c.label, c.mentions) for c in clusters] == [
        ("White House", "ORG", 2), ("US", "GPE", 3), ("United Nations", "ORG", 2)]
    assert [e.text for e in found][0] == "the White House"  # the span stays as written


def test_cluster_ids_index_clusters_in_order_of_first_mention() -> None:
    found, clusters = resolve(mentions(("Paris", "GPE"), ("Angela Merkel", "PERSON"),
                                       ("Paris", "GPE"), ("Merkel", "PERSON")))
    assert [c.id for c in clusters] == list(range(len(clusters)))
    assert [clusters[e.cluster].name for e in found] == ["Paris", "Angela Merkel", "Paris",
                                                         "Angela Merkel"]


# --- the sample article ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(nlp: Language, sample_path: Path) -> tuple[str, tuple[Entity, ...], tuple[Cluster, ...]]:
    text = sample_path.read_text(encoding="utf-8")
    analysis = analyze_doc(nlp(text), "sample")
    return text, analysis.entities, analysis.clusters


def covering(entities: tuple[Entity, ...], start: int, end: int) -> Entity | None:
    return next((e for e in entities if e.start <= start and end <= e.end), None)


@pytest.mark.parametrize("surname",
                         ["Trump", "Putin", "Zelensky", "Witkoff", "Leavitt", "Rutte", "Biden"])
def test_sample_people_are_persons_in_every_mention_and_one_cluster(
    sample: tuple[str, tuple[Entity, ...], tuple[Cluster, ...]], surname: str
) -> None:
    text, entities, clusters = sample
    hits = [covering(entities, m.start(), m.end()) for m in re.finditer(surname, text)]
    assert hits and all(e is not None and e.label == "PERSON" for e in hits)
    names = {clusters[e.cluster].name for e in hits if e is not None}
    assert len(names) == 1 and next(iter(names)).endswith(surname)
    assert not re.search(r"President|Mr\.|envoy|spokesperson", next(iter(names)))


@pytest.mark.parametrize("place", ["Kyiv", "Moscow", "Washington", "Geneva"])
def test_sample_cities_are_places(sample: tuple[str, tuple[Entity, ...], tuple[Cluster, ...]],
                                  place: str) -> None:
    text, entities, _ = sample
    hits = [covering(entities, m.start(), m.end()) for m in re.finditer(place, text)]
    assert hits and all(e is not None and e.label in ("GPE", "LOC") for e in hits)


def test_sample_numeric_dates_are_dates(
    sample: tuple[str, tuple[Entity, ...], tuple[Cluster, ...]]
) -> None:
    text, entities, _ = sample
    found = list(re.finditer(r"\b(?:6/8|8/8|6/2021|12/2019)\b", text))
    assert len(found) >= 6
    for match in found:
        entity = covering(entities, match.start(), match.end())
        assert entity is not None and entity.label == "DATE", match.group()


def test_sample_offsets_index_the_text(
    sample: tuple[str, tuple[Entity, ...], tuple[Cluster, ...]]
) -> None:
    text, entities, clusters = sample
    for entity in entities:
        assert text[entity.start:entity.end] == entity.text
        assert entity.text == entity.text.strip()
        assert 0 <= entity.cluster < len(clusters)
    assert sum(c.mentions for c in clusters) == len(entities)


_NAMES = ["Donald Trump", "Trump", "President Trump", "Joe Biden", "Hunter Biden", "Biden",
          "Kyiv", "the White House", "U.S.", "US", "United States", "two", "Elian"]
_LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "CARDINAL", "DATE"]


@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(_LABELS)), max_size=30))
def test_any_mix_of_mentions_gives_well_formed_entities(
    items: list[tuple[str, str]]
) -> None:
    given_mentions = mentions(*[
        (name, label, name.removeprefix("President ")) for name, label in items])
    found, clusters = resolve(given_mentions)
    assert len(found) == len(given_mentions)
    assert [c.id for c in clusters] == list(range(len(clusters)))
    assert sum(c.mentions for c in clusters) == len(found)
    for entity, mention in zip(found, given_mentions, strict=True):
        assert mention.start <= entity.start < entity.end <= mention.end
        assert clusters[entity.cluster].label == entity.label
        if mention.label in ("CARDINAL", "DATE"):
            assert entity.label == mention.label
    firsts = [min(i for i, e in enumerate(found) if e.cluster == c.id) for c in clusters]
    assert firsts == sorted(firsts)
