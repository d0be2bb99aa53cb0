"""Events as spans: the head verb or event noun of what happens, who takes part, and when.

The timeline (``timeline.py``) lists dates with the clause each one dates; a story across
articles needs the other direction: every event of an article, each the character span of one
word (the verb, or a noun such as "summit" or "deal"), with the entities that are its subject,
object or close arguments (read off the dependency parse), and an anchor. The anchor is the
TIMEX3 value of the date that governs the event (found the way the timeline's event reader
finds the clause a date modifies), else a placement from the publication date and the tense
of the clause (``temporal.context.clause_tense``): reported and present events happen at
publication, a past perfect ("had met") before it, a future after it; else the event is not
placed.

Participants are kept as the character spans of the mentions that take part (or, for "he"
and "she", of the person they most likely stand for); the caller maps them to clusters once
the whole document's clusters are known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from tui.analysis.events import EventReader
from tui.analysis.model import Placement, Timex
from tui.analysis.placement import place, sort_anchor
from tui.analysis.temporal.context import clause_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Entity labels that can take part in an event; numbers, dates and amounts cannot.
PARTICIPANT_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT",
                                "EVENT", "WORK_OF_ART", "LAW"})
# Nouns that name something that happens, whatever their ending.
EVENT_NOUNS = _words("""
    deal summit talks talk meeting launch release sale sales lawsuit suit attack war election
    visit trial case speech interview tour debut ban cut cuts increase rise fall drop growth
    loss win victory defeat fight battle dispute settlement ruling verdict appeal recall delay
    order orders shipment update upgrade change decision plan bid offer protest crisis scandal
    probe arrest raid strike vote merger purchase takeover crash death birth return leave
    event ceremony show hearing opening move shift deadline ceasefire truce accord pact
    treaty rollout outage breach leak sanction sanctions tariff tariffs boycott rally
    march riot coup invasion offensive bombing shooting explosion fire flood storm earthquake
    killing murder kidnapping resignation departure arrival payment refund layoffs layoff
    """)
_EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "sal", "val")
# Nouns with those endings that name a thing, a body or a state, not an occurrence.
_NOT_EVENTS = _words("""
    information nation station position version generation edition population organization
    organisation corporation foundation location section option function condition relation
    situation tradition institution administration government department equipment management
    environment document element apartment moment instrument parliament nature future picture
    feature structure culture literature temperature signature furniture procedure audience
    science evidence experience licence license difference sentence independence presence
    intelligence reference confidence importance performance finance balance
    distance instance insurance appearance commission mission question portion proportion
    region religion television division vision individual capital universal material
    potential animal journal rival interval
    """)
# Verbs that move an event to a new date: the date is the moved event's, not theirs.
RESCHEDULING = frozenset({"postpone", "delay", "reschedule", "move", "push", "defer",
                          "bring", "advance", "put"})
# Verbs that say little beside an event noun object: the noun is the event.
LIGHT_VERBS = frozenset({"give", "hold", "take", "make", "have", "conduct", "stage", "host"})
# Participles that put a planned event on a date: "the summit, scheduled for 12 March".
SCHEDULING = frozenset({"plan", "schedule", "set", "slate", "expect", "due", "announce"})
_NEW_DATE_WORDS = frozenset({"to", "until", "till", "for", "back"})
_CLIMB_THROUGH = frozenset({"compound", "appos", "conj", "flat", "nmod", "npadvmod"})
_NOUN_LINKS = frozenset({"poss", "compound", "nmod", "pobj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_THING_PRONOUNS = frozenset({"it", "its"})


@dataclass
class RawEvent:
    """An event of one parsed text, participants still as mentions: (start, end, text)."""

    start: int
    end: int
    text: str
    lemma: str
    kind: str  # "verb" or "noun"
    participants: list[tuple[int, int, str]] = field(default_factory=list)
    anchor: str | None = None
    placement: Placement = "unplaced"
    timex: tuple[int, int] | None = None

    def shifted(self, offset: int) -> RawEvent:
        return replace(
            self, start=self.start + offset, end=self.end + offset,
            participants=[(a + offset, b + offset, t) for a, b, t in self.participants],
            timex=(self.timex[0] + offset, self.timex[1] + offset) if self.timex else None)


def is_event_noun(token: Token) -> bool:
    """A common noun that names an occurrence: listed, or derived from a verb by its ending."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return False
    lemma = token.lemma_.lower()
    if lemma in EVENT_NOUNS or token.lower_ in EVENT_NOUNS:
        return True
    return len(lemma) > 5 and lemma.endswith(_EVENT_SUFFIXES) and lemma not in _NOT_EVENTS


def _is_event(token: Token) -> bool:
    if token.pos_ == "VERB":
        return not _light(token)
    return is_event_noun(token)


def _light(verb: Token) -> bool:
    """A light verb whose object names the event: "gave a keynote", "held talks"."""
    return verb.lemma_.lower() in LIGHT_VERBS and any(
        c.dep_ == "dobj" and is_event_noun(c) for c in verb.children)


def read_events(doc: Doc, timexes: Sequence[Timex], dct: date | None) -> list[RawEvent]:
    """Every event of ``doc`` that has a participant or a governing date, ordered by anchor,
    then text order."""
    anchors = _timex_anchors(doc, timexes)
    participants = _participants(doc)
    events: list[RawEvent] = []
    scene: tuple[str, tuple[int, int]] | None = None
    for sentence in doc.sents:
        scene = _scene(sentence, anchors, dct) or scene
        events.extend(_sentence_events(sentence, anchors, participants, dct, scene))
    return sorted(events, key=event_order)


def _scene(sentence: Span, anchors: dict[int, _Anchor],
           dct: date | None) -> tuple[str, tuple[int, int]] | None:
    """The last day this sentence dates a past event to: what the story's next undated past
    events are most likely about ("Jobs unveiled it yesterday. He praised...")."""
    found = None
    for token in sentence:
        anchor = anchors.get(token.i)
        if anchor is None or anchor[2] != "timex":
            continue
        placement = place(anchor[0])
        if placement is None or placement.granularity not in ("day", "time"):
            continue
        if dct is not None and placement.lo.date() > dct:
            continue
        found = (anchor[0], anchor[1])
    return found


def _sentence_events(sentence: Span, anchors: dict[int, _Anchor],
                     participants: dict[int, list[tuple[int, int, str]]], dct: date | None,
                     scene: tuple[str, tuple[int, int]] | None) -> Iterable[RawEvent]:
    for token in sentence:
        if not _is_event(token):
            continue
        who = participants.get(token.i, [])
        dated = anchors.get(token.i)
        if not who and dated is None:
            continue
        end = _phrasal_end(token)
        event = RawEvent(token.idx, end, token.doc.text[token.idx:end] if end > token.idx
                         + len(token.text) else token.text,
                         token.lemma_.lower(), "verb" if token.pos_ == "VERB" else "noun",
                         sorted(set(who)))
        if dated is not None:
            event.anchor, event.timex, event.placement = dated
            if event.anchor == "PRESENT_REF" and dct is not None:  # "now": at publication
                event.anchor = dct.isoformat()
        else:
            event.anchor, event.placement = _tense_anchor(token, anchors, dct)
            if event.placement == "publication" and scene is not None and _simple_past(token):
                event.anchor, event.timex = scene
                event.placement = "narrative"
        yield event


def _phrasal_end(token: Token) -> int:
    """Where the event's words end: after the particle of a phrasal verb ("showed off",
    "took six months off"), else after the word itself."""
    particles = [c for c in token.children if c.dep_ == "prt" and c.i > token.i
                 and c.i - token.i <= 4]
    last = particles[-1] if particles else token
    return last.idx + len(last.text)


def _simple_past(token: Token) -> bool:
    """A verb in the simple past ("praised", "was praised"), not "has praised"."""
    verb = token if token.pos_ == "VERB" else _governing_verb(token)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or (
        verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.tag_ == "VBD")


def event_order(event: RawEvent) -> tuple[int, datetime, int, float, int]:
    """Placed events by where their anchor begins (precise before fuzzy, longer first), then
    before-, after-publication and unplaced ones; ties in text order."""
    placement = place(event.anchor) if event.anchor else None
    if placement is None:
        rank = {"PAST_REF": 1, "PRESENT_REF": 2, "FUTURE_REF": 3}.get(event.anchor or "", 4)
        return rank, datetime.min, 0, 0.0, event.start
    at, fuzzy, length = sort_anchor(placement, None)
    return 0, at, fuzzy, length, event.start


# --- anchors ------------------------------------------------------------------------------------


_Anchor = tuple[str, tuple[int, int], Placement]


def _timex_anchors(doc: Doc, timexes: Sequence[Timex]) -> dict[int, _Anchor]:
    """Token index of each event a DATE/TIME expression governs → (value, timex span).

    The event is the clause head the timeline's event reader finds for the expression; a
    date a rescheduling verb moves an event to ("postponed the summit to 14 March") dates the
    moved event. Conjoined verbs without a date of their own share their head's date.
    """
    reader = EventReader(doc, timexes)
    anchors: dict[int, _Anchor] = {}
    for timex in sorted(timexes, key=lambda t: t.start):
        if timex.type not in ("DATE", "TIME") or not timex.value:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sentence = reader.sentences.of(span.start)
        lo, hi = reader.sentences.bounds(timex.start, timex.end)
        reader.window = {t.i for t in sentence if lo <= t.idx < hi}
        head = reader.clause_head(span)
        if head is None:
            head = _line_root(span, reader.window)
            if head is None:
                continue
        where = (timex.start, timex.end)
        if (moved := _moved_event(head, span)) is not None:
            anchors[moved.i] = (timex.value, where, "rescheduled")  # the newest date wins
        elif head.i not in anchors or _finer(timex.value, anchors[head.i][0]):
            anchors[head.i] = (timex.value, where, "timex")  # "yesterday" over "this year"
    for i in list(anchors):
        for conj in doc[i].conjuncts:
            if conj.pos_ == "VERB" and conj.i > i and not any(
                    c.dep_ in ("aux", "auxpass") for c in conj.children):
                anchors.setdefault(conj.i, anchors[i])
    for i in list(anchors):  # "the summit, scheduled for 12 March": the date is the summit's
        token = doc[i]
        if token.dep_ == "acl" and token.lemma_.lower() in SCHEDULING \
                and is_event_noun(token.head):
            anchors.setdefault(token.head.i, anchors[i])
    return anchors


def _line_root(span: Span, window: set[int]) -> Token | None:
    """The main verb of the line a date stands in, nearest the date, for a date whose parse
    leads out of its line (a parser sentence running on from a headline)."""
    doc = span.doc
    roots = [doc[i] for i in window if doc[i].pos_ == "VERB"
             and (doc[i].head.i not in window or doc[i].head.i == i)]
    if not roots:
        return None
    return min(roots, key=lambda t: abs(t.i - span.root.i))


def _finer(value: str, than: str) -> bool:
    """Whether ``value`` is a shorter period inside ``than`` (a day of that year)."""
    a, b = place(value), place(than)
    return a is not None and b is not None and b.lo <= a.lo and a.hi <= b.hi and (
        a.hi - a.lo < b.hi - b.lo)


def _moved_event(head: Token, span: Span) -> Token | None:
    """The event a rescheduling verb moves to the date ``span``, if that is what happens."""
    if head.lemma_.lower() not in RESCHEDULING:
        return None
    signal = span.root.head
    if signal.lower_ not in _NEW_DATE_WORDS:
        return None
    for child in head.children:
        if child.dep_ in ("nsubjpass", "dobj") and child.pos_ == "NOUN":
            return child
    return None


def _tense_anchor(token: Token, anchors: dict[int, _Anchor],
                  dct: date | None) -> tuple[str | None, Placement]:
    """Where the tense of its clause puts an undated event against the publication date."""
    verb = token if token.pos_ == "VERB" else _governing_verb(token)
    if verb is None:
        return None, "unplaced"
    if verb is not token and verb.i in anchors:  # a noun takes the date of its clause
        return anchors[verb.i][0], "timex"
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    tense = clause_tense(verb)
    if tense == "future":
        return "FUTURE_REF", "after"
    if "had" in auxes and verb.tag_ == "VBN":
        return "PAST_REF", "before"
    # Reported and present events, and past ones with nothing to date them, are placed at
    # publication: news tells what has just happened.
    if dct is None:
        return None, "unplaced"
    return dct.isoformat(), "publication"


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(8):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current if current.pos_ == "VERB" else None
    return None


# --- participants -------------------------------------------------------------------------------


def _participants(doc: Doc) -> dict[int, list[tuple[int, int, str]]]:
    """Token index of each event → the mentions (start, end, text) that take part in it."""
    found: dict[int, list[tuple[int, int, str]]] = {}
    for span, root in _mentions(doc):
        for event in _events_of(root):
            found.setdefault(event.i, []).append((span.start_char, span.end_char, span.text))
    for token in doc:  # "Voss will meet Petrak at a summit": who meets takes part in it
        if is_event_noun(token):
            verb = token.head.head if token.dep_ == "pobj" else token.head
            if token.dep_ in ("dobj",) \
                    and verb.pos_ == "VERB" and verb.i in found:
                found.setdefault(token.i, []).extend(found[verb.i])
    return found


def _mentions(doc: Doc) -> Iterable[tuple[Span, Token]]:
    """Entity mentions (as the mention they stand for) with the token that stands for them in
    the parse.

    A name the tagger found once is the same name where it missed it ("iPhone 4" tagged in
    one sentence, not in the next; "Voss" after "Mara Voss"); "he" and "she" stand for the
    person last named before them, "it" for the last thing (not a person) named as the
    subject of this sentence or the one before.
    """
    ents = [e for e in doc.ents if e.label_ in PARTICIPANT_LABELS and e.text.strip()]
    found = {e.start: (e, e) for e in ents}
    taken = {t.i for e in ents for t in e}
    for span, stands_for in _untagged(doc, ents, taken):
        found[span.start] = (span, stands_for)
    last_person: Span | None = None
    last_subject: tuple[Span, int] | None = None  # (mention, sentence number)
    sentence_starts = [s.start for s in doc.sents] if len(doc) else []
    sentence = -1
    for token in doc:
        while sentence + 1 < len(sentence_starts) and sentence_starts[sentence + 1] <= token.i:
            sentence += 1
        if token.i in found:
            span, ent = found[token.i]
            if ent.label_ == "PERSON":
                last_person = ent
            elif span.root.dep_ in ("nsubj", "nsubjpass") and sentence >= 0:
                last_subject = (ent, sentence)
            yield ent, span.root
        elif token.pos_ != "PRON":
            continue
        elif token.lower_ in _PERSON_PRONOUNS and last_person is not None:
            yield last_person, token
        elif token.lower_ in _THING_PRONOUNS and last_subject is not None \
                and sentence - last_subject[1] <= 1:
            yield last_subject[0], token


def _untagged(doc: Doc, ents: Sequence[Span], taken: set[int]) -> Iterable[tuple[Span, Span]]:
    """Other occurrences, word for word, of the names tagged in ``doc``, and of the surname
    of a person named in full when no other person has it, each with the tagged mention it
    stands for."""
    names: dict[str, Span] = {}
    surnames: dict[str, list[Span]] = {}
    for ent in ents:
        name = ent.text.strip()
        if len(name) > 2 and (name[:1].isupper() or any(c.isupper() for c in name[1:])):
            names.setdefault(name, ent)
        words = [t for t in ent if t.is_alpha]
        if ent.label_ == "PERSON" and len(words) > 1 and words[-1].text[:1].isupper():
            owners = surnames.setdefault(words[-1].text, [])
            if all(o.text != ent.text for o in owners):
                owners.append(ent)
    for surname, owners in surnames.items():
        if len(owners) == 1:
            names.setdefault(surname, owners[0])
    text = doc.text
    for name, ent in names.items():
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not text[at - 1].isalnum()) and (
                    end == len(text) or not text[end].isalnum()):
                span = doc.char_span(at, end, label=ent.label_)
                if span is not None and not any(t.i in taken for t in span):
                    taken.update(t.i for t in span)
                    yield span, ent
            at = text.find(name, end)


def _events_of(root: Token) -> list[Token]:
    """The events a mention takes part in: the first verb above it (through names, appositions,
    coordination and one preposition), event nouns it is the owner or object of on the way,
    clauses that describe it ("Apple, which makes the iPod"), and the verbs its verb shares
    its subject with ("founded NeXT and bought Pixar", "plans to sell")."""
    events: list[Token] = []
    for child in root.children:
        if child.dep_ in ("relcl", "acl") and child.pos_ == "VERB":
            events.append(child)
    current = root
    nouns_crossed = 0
    while current.head.i != current.i:
        head = current.head
        dep = current.dep_
        if head.pos_ == "VERB":
            events.append(head)
            if dep in _SUBJECTS:
                events.extend(_sharing_subject(head))
            break
        if head.pos_ == "AUX":
            break
        if is_event_noun(head) and dep in _NOUN_LINKS | {"prep"}:
            events.append(head)
            break
        if dep == "compound" and head.ent_iob_ != "O" and not _same_entity(head, root):
            break  # "Apple CEO Steve Jobs": Apple only qualifies another name
        if dep in ("pobj", "prep") or dep in _CLIMB_THROUGH or head.ent_type_ == root.ent_type_ \
                and head.ent_iob_ != "O" and dep in ("compound", "flat"):
            if dep == "pobj" and head.head.pos_ not in ("VERB",) and not is_event_noun(head.head):
                break  # "the chief of Apple": Apple qualifies a noun, not the event
            if head.pos_ in ("NOUN", "PROPN") and dep not in ("conj", "appos"):
                nouns_crossed += 1
                if nouns_crossed > 1:
                    break
            current = head
            continue
        break
    return events


def _same_entity(a: Token, b: Token) -> bool:
    """Whether two tokens lie in the same tagged entity span."""
    lo, hi = sorted((a.i, b.i))
    return all(a.doc[i].ent_iob_ == "I" for i in range(lo + 1, hi + 1))


def _sharing_subject(verb: Token) -> list[Token]:
    """Verbs that take ``verb``'s subject as their own: subjectless conjuncts, complements."""
    shared: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "while", "after", "before"):
            child = next((c for c in child.children if c.dep_ == "pcomp"), child)
        if child.pos_ != "VERB":
            continue
        own_subject = any(c.dep_ in _SUBJECTS for c in child.children)
        participle = child.tag_ == "VBG" and child.dep_ in ("advcl", "pcomp")
        if child.dep_ == "xcomp" or (child.dep_ == "conj" or participle) and not own_subject:
            shared.append(child)  # "founded NeXT and bought Pixar", "..., saying"
            shared.extend(_sharing_subject(child))
    return shared
