"""The tense of the clause a temporal expression sits in, from spaCy's parse and tags.

Bare weekdays and months point back in a past-tense clause ("said on Wednesday") and forward
in a future one ("will begin on Wednesday"); present tense leaves the direction open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_FUTURE_AUX = frozenset({"will", "'ll", "ll", "shall", "wo", "would", "'d"})
_VERB_POS = frozenset({"VERB", "AUX"})


def governing_verb(span: Span) -> Token | None:
    """The nearest verb above the expression's head in the dependency tree."""
    token = span.root.head
    seen = 0
    while seen < 12:
        if token.pos_ in _VERB_POS and token.i not in range(span.start, span.end):
            return token
        if token.head is token:
            return token if token.pos_ in _VERB_POS else None
        token = token.head
        seen += 1
    return None


_PLANNING = frozenset({
    "plan", "expect", "schedule", "intend", "hope", "want", "aim", "prepare", "set", "due",
    "slate", "promise", "vow", "threaten", "agree", "decide", "seek", "try", "arrange",
    "propose",
})


def direction(span: Span) -> int:
    """-1 for a past-tense clause, +1 for a future one, 0 when tense says nothing.

    Non-finite verbs ("since taking office in January") take their tense from the finite verb
    above them; an infinitive after a verb of planning ("plans to meet on Friday") looks ahead.
    """
    doc = span.doc
    signal = doc[span.start - 1].lower_ if span.start > 0 else ""
    if signal == "since":
        return -1
    if signal in ("until", "till", "by"):
        return 1  # a deadline lies ahead
    verb = governing_verb(span)
    for _ in range(4):
        if verb is None:
            return 0
        found = _finite_direction(verb)
        if found is not None:
            return found
        head = verb.head
        if head is verb:
            return 0
        if verb.tag_ == "VB" and head.lemma_ in _PLANNING | {"be"}:
            return 1  # "plans to meet", "is to resume"
        verb = head if head.pos_ in _VERB_POS else _verb_above(head)
    return 0


def _verb_above(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in _VERB_POS:
            return ancestor
    return None


def _finite_direction(verb: Token) -> int | None:
    """The direction a verb's own tense gives, or None when it is non-finite."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return 1
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG":
        return 1  # "is going to meet"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return -1
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return -1  # the present perfect reports the past
    if verb.tag_ == "MD":
        return 1 if verb.lower_ in _FUTURE_AUX else 0
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxes):
        return 0
    if verb.tag_ == "VBN" and not auxes:
        return -1  # "the deal signed Friday"
    return None
