"""The event a timex dates, read off the dependency parse: who did what, without the timex.

A timeline entry is only useful with what happened then. The reader finds the clause (or the
event noun) a timex modifies, keeps its subject, verb and arguments, and marks the parts that
may be dropped (late prepositional phrases, conjoined predicates) when the text is too long.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tui.analysis.event_text import Pieces
from tui.analysis.model import Timex
from tui.analysis.sentences import Sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

EVENT_CHARS = 80  # longest event description before it is shortened further

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_CORE = frozenset({"aux", "auxpass", "neg", "prt"})
_OBJECTS = frozenset({"dobj", "dative", "attr", "acomp", "oprd", "xcomp", "agent", "prep",
                      "ccomp", "npadvmod", "pobj"})
_KEPT_ADVERBS = frozenset({"not", "never", "no", "still", "again", "already", "yet", "n't"})
_KEPT_MARKS = frozenset({"if", "unless"})
_SEQUENCE_ADVERBS = frozenset({"then", "later", "afterwards", "subsequently", "next"})
_ATTRIBUTION = frozenset({"according"})
_NOUN_MODIFIERS_DROPPED = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "NUM", "ADJ"})


def _subtree(token: Token, skip: set[int]) -> set[int]:
    return {t.i for t in token.subtree} - skip


class EventReader:
    """Reads the event a timex dates from the parse: who did what, without the timex itself."""

    def __init__(self, doc: Doc, timexes: Sequence[Timex], limit: int = EVENT_CHARS) -> None:
        self.doc = doc
        self.sentences = Sentences(doc)
        self.limit = limit
        self.spans: list[Span] = []  # every timex, in text order
        self.dating_tokens: set[int] = set()  # tokens of DATE/TIME timexes, which date a clause
        for timex in sorted(timexes, key=lambda t: t.start):
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            self.spans.append(span)
            if timex.type in ("DATE", "TIME"):
                self.dating_tokens |= {t.i for t in span}
        self._starts = [span.start for span in self.spans]
        self.window: set[int] = set()
        self.skip: set[int] = set()

    def event(self, start: int, end: int) -> str:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return ""
        sentence = self.sentences.of(span.start)
        lo, hi = self.sentences.bounds(start, end)
        self.window = {t.i for t in sentence if lo <= t.idx < hi}
        self.skip = {t.i for t in span} | {t.i for t in sentence if t.i not in self.window}
        first = bisect_left(self._starts, sentence.start)
        last = bisect_left(self._starts, sentence.end)
        others = [other for other in self.spans[first:last] if other.start != span.start]
        for other in others:
            self.skip |= {t.i for t in other}
        for timex in [span, *others]:
            self.skip |= self._signals(timex) | self._about_the_date(timex, span)
        pieces = self._describe(span)
        return pieces.render(self.doc, self.limit) if pieces else ""

    def _about_the_date(self, timex: Span, current: Span) -> set[int]:
        """What hangs off a timex describes the date ("6/8, when asked ..."), unless it is
        the event itself ("in 6/2021, when Putin met Biden") or holds the current timex."""
        words: set[int] = set()
        when = self._when_clause(timex) if timex == current else None
        for token in timex:
            for child in token.children:
                if child in timex or child == when:
                    continue
                subtree = {t.i for t in child.subtree}
                if current.start not in subtree:
                    words |= subtree
        return words

    def _when_clause(self, span: Span) -> Token | None:
        """A finite clause introduced by "when" that dates itself by the timex."""
        for child in span.root.children:
            if (child.dep_ in ("relcl", "advcl", "acl") and child not in span
                    and any(c.dep_ in _SUBJECTS for c in child.children)
                    and any(c.lower_ in ("when", "as") for c in child.children)):
                return child
        return None

    def _signals(self, span: Span) -> set[int]:
        """Words that only introduce the timex: "on" 6/8, "as early as" next week."""
        signals: set[int] = set()
        current = span.root
        while current.head.i != current.i and current.head.pos_ in ("ADP", "ADV", "SCONJ", "PART"):
            current = current.head
            rest = {t.i for t in current.subtree} - self.skip - signals
            if self._content(rest):
                break
            signals |= rest
        return signals

    def clause_head(self, span: Span) -> Token | None:
        """The verb (or event noun phrase) the timex modifies."""
        when = self._when_clause(span)  # "in June 2021, when Putin met Biden"
        if when is not None:
            return when
        current = span.root
        while current.head.i != current.i:
            parent = current.head
            if parent.i not in self.window:
                return None
            if parent.pos_ in ("VERB", "AUX"):
                return parent
            if (parent.pos_ == "NOUN" and parent not in span
                    and current.dep_ in ("prep", "pobj", "poss", "compound", "nmod")
                    and len(self._content(self._noun_phrase(parent))) >= 3):
                return parent  # an event noun: "a phone call between Trump and Zelensky on 6/8"
            current = parent
        return None

    def _describe(self, span: Span) -> Pieces | None:
        head = self.clause_head(span)
        if head is None:
            words = self.window - self.skip
            return Pieces(core=words) if words else None
        if head.pos_ == "NOUN":
            return Pieces(core=self._noun_phrase(head))
        if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN") and not any(
            c.dep_ in _SUBJECTS for c in head.children
        ):  # "an ultimatum Trump issued in July", "the sanctions imposed in July"
            noun = head.head
            while noun.dep_ == "appos" and noun.head.i != noun.i:
                noun = noun.head
            return Pieces(core={t.i for t in noun.subtree} - self.skip)
        # "plans to meet ... next week": the event is the plan, with what is planned.
        while head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX", "ADJ") \
                and head.head.i in self.window:
            head = head.head
            if head.pos_ == "ADJ":  # "is ready to meet"
                head = head.head
        return self._clause(head)

    def _clause(self, verb: Token) -> Pieces:
        pieces = Pieces(core={verb.i})
        late_preps: list[set[int]] = []
        conjuncts: list[set[int]] = []
        subject = next(
            (c for c in verb.children if c.dep_ in _SUBJECTS and c.i not in self.skip), None)
        if subject is not None:
            if subject.tag_ in ("WDT", "WP") and verb.head.pos_ in ("NOUN", "PROPN"):
                pieces.core |= self._noun_phrase(verb.head)  # "sanctions that take effect"
            else:
                pieces.core |= self._subject(subject)
        elif (borrowed := self._borrowed_subject(verb)) is not None:
            pieces.lead |= self._subject(borrowed)
        for child in verb.children:
            if child.i in self.skip or child is subject:
                continue
            dep = child.dep_
            if _kept_word(child):
                pieces.core.add(child.i)
            elif dep == "conj" and child.pos_ in ("VERB", "AUX"):
                conjunct = set() if self._has_own_time(child) else self._conjunct(
                    child, late_preps)
                if conjunct:
                    conjuncts.append(conjunct)
            elif dep == "ccomp" and child.i < verb.i:
                continue  # a fronted quotation: the clause is about the saying
            elif child.i > verb.i and self._set_off(child):
                continue  # ", the first leftist to win": an aside, not an argument
            elif dep in _OBJECTS:
                words = self._argument(child)
                if not words:
                    continue
                if dep == "prep" and late_preps_allowed(verb, child):
                    late_preps.append(words)
                else:
                    pieces.core |= words
        # Dropped first when too long: prepositional phrases that follow another argument or
        # modify a noun, the last-written first (a sentence's tail matters least), then
        # conjoined predicates.
        words = pieces.core.union(*conjuncts)
        noun_preps = [
            _subtree(t, self.skip) for t in self.doc[min(words): max(words) + 1]
            if t.i in words and t.dep_ == "prep" and t.head.pos_ in ("NOUN", "PROPN")
        ]
        phrases = sorted(late_preps + noun_preps, key=lambda part: (max(part), min(part)),
                         reverse=True)
        pieces.optional = phrases + conjuncts[::-1]
        return pieces

    def _argument(self, child: Token) -> set[int]:
        """An object or complement, without the timex and the words that only introduce it."""
        if child.lower_ in _ATTRIBUTION:
            return set()
        words = _subtree(child, self.skip) - self._trailing_clauses(child)
        if child.i in self.skip or not (
            self._content(words) or child.pos_ == "PRON" and child.dep_ != "expl"
        ):
            return set()
        return words

    def _set_off(self, child: Token) -> bool:
        left = child.left_edge.i
        return left > 0 and self.doc[left - 1].text in (",", "—", "–", "(") and \
            child.dep_ not in ("ccomp", "conj", "prep")

    def _trailing_clauses(self, token: Token) -> set[int]:
        """Subordinate clauses after ``token`` in its subtree, with the words that only led to
        them ("as long" in "as long as Israel had safeguards")."""
        dropped: set[int] = set()
        for t in token.subtree:
            if t.i != token.i and t.dep_ in ("relcl", "advcl", "parataxis") and t.i > token.i:
                clause = {s.i for s in t.subtree}
                dropped |= clause
                head = t.head
                while head.i != token.i and head.i > token.i:
                    rest = {s.i for s in head.subtree} - dropped
                    if self._content(rest):
                        break
                    dropped |= rest
                    head = head.head
        return dropped

    def _has_own_time(self, verb: Token) -> bool:
        for child in verb.children:
            if child.lower_ in _SEQUENCE_ADVERBS:
                return True
            if any(t.i in self.dating_tokens for t in child.subtree) and child.dep_ != "conj":
                return True
        return False

    def _conjunct(self, verb: Token, late: list[set[int]]) -> set[int]:
        """A conjoined predicate with its conjunction: "and held talks with Putin".

        Its droppable prepositional phrases are added to ``late``.
        """
        words = {verb.i}
        if verb.pos_ == "AUX" and not any(self._argument(c) for c in verb.children
                                          if c.dep_ in _OBJECTS):
            return set()  # "but we are back": a bare copula says nothing on its own
        cc = [c for c in verb.head.children if c.dep_ == "cc" and verb.head.i < c.i < verb.i]
        words |= {c.i for c in cc[-1:] if c.i not in self.skip}
        for child in verb.children:
            if child.i in self.skip or child.dep_ in ("punct", "advcl", "cc", "mark"):
                continue
            if _kept_word(child):
                words.add(child.i)
            elif child.dep_ == "conj":
                if child.pos_ in ("VERB", "AUX") and not self._has_own_time(child):
                    words |= self._conjunct(child, late)
            elif child.dep_ != "advmod" and (argument := self._argument(child)):
                words |= argument
                if child.dep_ == "prep" and late_preps_allowed(verb, child):
                    late.append(argument)
        return words

    def _subject(self, subject: Token) -> set[int]:
        """A subject, named by the person when it is one ("Steve Witkoff", not "US envoy...")."""
        if subject.ent_type_ == "PERSON" and not any(
            c.dep_ in ("conj", "cc") for c in subject.children
        ):
            return self._entity(subject) - self.skip
        return self._noun_phrase(subject)

    def _entity(self, token: Token) -> set[int]:
        """The tokens of the named entity ``token`` belongs to."""
        first = last = token.i
        while first > 0 and self.doc[first].ent_iob_ == "I":
            first -= 1
        while last + 1 < len(self.doc) and self.doc[last + 1].ent_iob_ == "I":
            last += 1
        return set(range(first, last + 1))

    def _noun_phrase(self, noun: Token) -> set[int]:
        words = {noun.i}
        for child in noun.children:
            if child.i in self.skip or child.dep_ in _NOUN_MODIFIERS_DROPPED:
                continue
            words |= _subtree(child, self.skip) - self._trailing_clauses(child)
        return words

    def _borrowed_subject(self, verb: Token) -> Token | None:
        """The subject a subjectless conjunct or participle shares with the clause above it."""
        current = verb
        for _ in range(4):
            if current.head.i == current.i or current.dep_ not in (
                "conj", "pcomp", "advcl", "xcomp", "prep"
            ) and current.pos_ not in ("ADP", "SCONJ"):
                return None
            current = current.head
            if current.pos_ in ("VERB", "AUX"):
                subject = next((c for c in current.children if c.dep_ in _SUBJECTS), None)
                if subject is not None and subject.i in self.window:
                    return subject
        return None

    def _content(self, words: Iterable[int]) -> list[int]:
        return [i for i in words if self.doc[i].pos_ in _CONTENT_POS]

    def informative(self, events: Sequence[str]) -> str:
        """The first event with some substance ("it will happen" says little), else the best."""
        if not events:
            return ""
        sizes = [len([w for w in e.split() if len(w) > 3]) for e in events]
        for text, size in zip(events, sizes, strict=True):
            if size >= 3:
                return text
        return events[max(range(len(events)), key=sizes.__getitem__)]


def _kept_word(child: Token) -> bool:
    """Auxiliaries, negation, particles, and the few adverbs and marks that change the sense."""
    return (child.dep_ in _CORE
            or (child.dep_ == "advmod" and child.lower_ in _KEPT_ADVERBS)
            or (child.dep_ == "mark" and child.lower_ in _KEPT_MARKS))


def late_preps_allowed(verb: Token, prep: Token) -> bool:
    """Whether a prepositional phrase may be dropped to shorten: only after another argument
    ("held talks [for three hours]"), never the verb's first ("arrived [in Moscow]")."""
    return any(
        verb.i < child.i < prep.i and child.dep_ in ("dobj", "attr", "acomp", "oprd", "prep",
                                                     "dative", "xcomp")
        for child in verb.children
    )
