"""The tense of the clause a temporal expression sits in, from spaCy's parse and tags.

Bare weekdays and months point back in a past-tense clause ("said on Wednesday") and forward
in a future one ("will begin on Wednesday"); present tense leaves the direction open.
"""

from __future__ import annotations

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


def direction(span: Span) -> int:
    """-1 for a past-tense clause, +1 for a future one, 0 when tense says nothing."""
    verb = governing_verb(span)
    if verb is None:
        return 0
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return 1
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG":
        return 1  # "is going to meet"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        # An infinitive takes its tense from the verb it completes ("plans to meet").
        if head.lemma_ in ("plan", "expect", "schedule", "intend", "hope", "want", "aim",
                           "prepare", "set", "due", "slate"):
            return 1
        return direction_of_token(head)
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return -1
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return -1
    if verb.tag_ == "VBN" and not auxes:
        return -1
    return 0


def direction_of_token(verb: Token) -> int:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if {a.lower_ for a in auxes} & _FUTURE_AUX:
        return 1
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return -1
    return 0
