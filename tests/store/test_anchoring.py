"""Notes find their passage again after the article changed, or say they are orphaned."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.store.anchoring import Anchorer, _myers, reanchor, reanchor_all
from tui.store.model import Note, TextPositionSelector, TextQuoteSelector

PARAGRAPHS = [
    "Steve Witkoff arrived in Moscow on Thursday for talks with the Kremlin.",
    "The meeting lasted five hours, according to an aide who asked not to be named.",
    "Officials in Kyiv said they had not been told what was discussed.",
    "On Friday a spokesman said that no agreement had been reached yet.",
    "Markets in Europe rose slightly as traders weighed the chance of a ceasefire.",
]
TEXT = "\n\n".join(PARAGRAPHS)
DOC = "d" * 64


def note_on(text: str, passage: str, occurrence: int = 0) -> Note:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(passage, start + 1)
    return Note.on_passage(DOC, text, start, start + len(passage))


def span(note: Note, text: str) -> str:
    assert note.position is not None
    return text[note.position.start:note.position.end]


def test_unchanged_text_is_exact() -> None:
    note = note_on(TEXT, "no agreement had been reached")
    moved = reanchor(note, TEXT)
    assert moved.anchor == "exact" and moved.position == note.position


def test_inserted_paragraph_moves_the_note() -> None:
    note = note_on(TEXT, "The meeting lasted five hours")
    edited = "BREAKING: an update was added at the top.\n\n" + TEXT
    moved = reanchor(note, edited)
    assert moved.anchor == "moved"
    assert span(moved, edited) == "The meeting lasted five hours"


def test_changed_whitespace_still_finds_the_passage() -> None:
    passage = "The meeting lasted five hours, according to an aide"
    note = note_on(TEXT, passage)
    rewrapped = TEXT.replace("\n\n", "\n \n").replace("lasted five", "lasted\nfive")
    rewrapped = rewrapped.replace("hours, according", "hours,  according")
    found = reanchor(note, rewrapped)
    assert found.anchor in ("fuzzy", "moved")
    assert " ".join(span(found, rewrapped).split()) == passage


def test_whitespace_doubled_everywhere_before_the_note_is_fuzzy() -> None:
    passage = "no agreement had been reached yet"
    note = note_on(TEXT, passage)
    spaced = TEXT.replace(" ", "  ")
    found = reanchor(note, spaced)
    assert found.anchor == "fuzzy"
    assert " ".join(span(found, spaced).split()) == passage


def test_deleted_passage_is_orphaned() -> None:
    note = note_on(TEXT, "Officials in Kyiv said they had not been told what was discussed.")
    edited = TEXT.replace(PARAGRAPHS[2] + "\n\n", "")
    assert reanchor(note, edited).anchor == "orphaned"


def test_deleted_short_quote_is_not_moved_to_another_mention() -> None:
    text = TEXT + "\n\nLater, Moscow denied the report."
    note = note_on(text, "Moscow")  # the first mention, in the first paragraph
    edited = text.replace(PARAGRAPHS[0] + "\n\n", "")
    assert reanchor(note, edited).anchor == "orphaned"


STORY = [
    "The envoy said the talks in Moscow were useful but that no date was set for more.",
    "In Kyiv, officials said the talks had not included them and that they were worried.",
    "Analysts in London said the talks could stall if the envoy returned without a plan.",
    "Oil prices rose after the talks were announced, then fell back by the evening.",
]


def test_short_quotes_of_a_deleted_paragraph_never_land_on_other_mentions() -> None:
    text = "\n\n".join(STORY)
    edited = text.replace(STORY[1] + "\n\n", "")
    for word in ("the talks", "said", "talks", "the", "that"):
        start = text.index(STORY[1]) + STORY[1].index(word)
        note = Note.on_passage(DOC, text, start, start + len(word))
        assert reanchor(note, edited).anchor == "orphaned", word


def test_duplicated_passage_keeps_the_right_occurrence() -> None:
    repeated = "Talks will resume next week."
    text = (f"In Geneva, the envoys met. {repeated} Nobody else spoke.\n\n"
            f"In Riyadh, the ministers met. {repeated} A statement followed.")
    note = note_on(text, repeated, occurrence=1)
    # A paragraph inserted before both, and a word changed right before the second copy.
    edited = "Update.\n\n" + text.replace("the ministers met.", "the ministers met again.")
    found = reanchor(note, edited)
    assert found.anchor == "moved"
    assert found.position is not None
    assert found.position.start > edited.index("Riyadh")


def test_edited_words_inside_the_quote_are_fuzzy() -> None:
    passage = "The meeting lasted five hours, according to an aide"
    note = note_on(TEXT, passage)
    edited = ("A new first paragraph.\n\n"
              + TEXT.replace("lasted five hours", "lasted six hours"))
    found = reanchor(note, edited)
    assert found.anchor == "fuzzy"
    assert span(found, edited) == "The meeting lasted six hours, according to an aide"


def test_short_quote_rewrapped_onto_two_lines_is_fuzzy() -> None:
    text = "The ministers will meet again on 6/8 in Geneva, a spokesman said."
    note = note_on(text, "on 6/")
    edited = text.replace("on 6/8", "on\n6/8")
    found = reanchor(note, edited)
    assert found.anchor == "fuzzy" and span(found, edited) == "on\n6/"


def test_fuzzy_match_ends_where_the_context_resumes() -> None:
    text = "He did not say when he would meet with the leaders of both countries."
    note = note_on(text, "when he would meet with the ")
    edited = text.replace("with the", "with teh")
    found = reanchor(note, edited)
    assert found.anchor == "fuzzy" and span(found, edited) == "when he would meet with teh "


def test_quote_kept_while_its_surroundings_were_rewritten_stays_exact() -> None:
    passage = "The meeting lasted five hours"
    note = note_on(TEXT, passage)
    edited = TEXT.replace("with the Kremlin.", "with Kremlin aides.").replace(
        ", according to an aide", ", said a person who was there")
    found = reanchor(note, edited)
    assert found.anchor in ("exact", "moved") and span(found, edited) == passage


def test_rewritten_sentence_is_orphaned_not_guessed() -> None:
    note = note_on(TEXT, PARAGRAPHS[3])
    edited = TEXT.replace(PARAGRAPHS[3], "A spokesman declined to comment on Friday evening.")
    assert reanchor(note, edited).anchor == "orphaned"


def test_whole_document_note_needs_no_anchor() -> None:
    note = Note(doc_id=DOC, quote=None, position=None, body="general", target="document")
    assert reanchor(note, "anything at all").anchor == "exact"


def test_many_notes_on_a_long_edited_text() -> None:
    book = "\n\n".join(f"Chapter {i}. " + p for i in range(400) for p in PARAGRAPHS)
    starts = [m.start() for m in re.finditer("according to an aide", book)][:300]
    notes = [Note.on_passage(DOC, book, s, s + 20) for s in starts]
    edited = "Preface.\n\n" + book
    found = reanchor_all(notes, edited)
    assert all(n.anchor == "moved" for n in found)
    assert [n.position.start for n in found if n.position] == [s + 10 for s in starts]


@given(st.text(min_size=1), st.data())
def test_selector_on_unchanged_text_gives_back_the_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = TextQuoteSelector.from_text(text, start, end)
    found = Anchorer(text).locate(quote, TextPositionSelector(start, end))
    assert found is not None
    assert (found.start, found.end, found.state) == (start, end, "exact")


@given(st.text(min_size=1), st.text(min_size=1), st.data())
def test_selector_after_text_inserted_before_finds_the_quote(
        text: str, inserted: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    note = Note.on_passage(DOC, text, start, end)
    found = reanchor(note, inserted + text)
    assert found.anchor in ("exact", "moved")
    assert span(found, inserted + text) == text[start:end]


@given(st.text(min_size=1), st.text(max_size=40), st.data())
def test_edits_away_from_the_passage_never_lose_it(
        text: str, replacement: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    note = Note.on_passage(DOC, text, start, end)
    # Replace some stretch of text wholly before the prefix or wholly after the suffix.
    before = max(0, start - 32)
    after = min(len(text), end + 32)
    if data.draw(st.booleans()) and before > 0:
        lo = data.draw(st.integers(0, before))
        hi = data.draw(st.integers(lo, before))
    elif after < len(text):
        lo = data.draw(st.integers(after, len(text)))
        hi = data.draw(st.integers(lo, len(text)))
    else:
        lo = hi = 0
    edited = text[:lo] + replacement + text[hi:]
    found = reanchor(note, edited)
    assert found.anchor in ("exact", "moved")
    assert span(found, edited) == text[start:end]


@given(st.builds(
    lambda t, a, b, tags: (t, min(a, b) % (len(t) + 1), max(a, b) % (len(t) + 1), tags),
    st.text(), st.integers(0, 10_000), st.integers(0, 10_000),
    st.lists(st.text(max_size=5), max_size=3)))
def test_note_json_round_trip(args: tuple[str, int, int, list[str]]) -> None:
    text, start, end, tags = args
    start, end = min(start, end), max(start, end)
    note = Note.on_passage(DOC, text, start, end, tags=tuple(tags), body=text[:10])
    assert Note.from_json(note.to_json()) == note


def _edit_distance_to_best_substring(pattern: str, text: str, end: int) -> int:
    """Plain dynamic programming: least distance of pattern to any text[i:end]."""
    prev = list(range(len(pattern) + 1))  # column for the empty text suffix
    best_col = prev
    for j in range(1, end + 1):
        cur = [0]
        for i in range(1, len(pattern) + 1):
            cost = 0 if pattern[i - 1] == text[j - 1] else 1
            cur.append(min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + cost))
        prev = best_col = cur
    return best_col[len(pattern)]


@settings(max_examples=200)
@given(st.text("abc ", min_size=1, max_size=12), st.text("abc ", min_size=1, max_size=30))
def test_bit_parallel_search_agrees_with_dynamic_programming(pattern: str, text: str) -> None:
    distances = _myers(pattern, text)
    for j in range(len(text)):
        assert distances[j] == _edit_distance_to_best_substring(pattern, text, j + 1)
