"""Evidence in the sentence that a name is an organisation, not a person of that name.

Label consistency makes one full person name ("Henry Dell") the label of every bare mention
of it; a company of the same name then turns into a person too. A mention keeps ORG where the
sentence says it is one: a company suffix on it or right after it ("Dell Inc."), a possessive
before a product or a company noun ("Dell's XPS line", "Dell's shares"), or a verb only an
organisation takes ("Dell recalled", "Dell shipped").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

COMPANY_SUFFIXES = frozenset({
    "inc", "corp", "co", "ltd", "llc", "plc", "ag", "sa", "gmbh", "nv", "bv", "spa", "ab",
    "group", "holdings", "motor", "motors", "corporation", "incorporated", "company",
})
# Nouns a company owns and a person rarely does.
_COMPANY_NOUNS = frozenset({
    "shares", "stock", "stocks", "shareholders", "stockholders", "earnings", "revenue",
    "revenues", "profit", "profits", "sales", "board", "subsidiary", "subsidiaries", "plant",
    "plants", "factory", "factories", "brand", "lineup", "dealers", "dealerships", "products",
    "headquarters", "ceo", "chief", "workforce", "employees", "customers", "share", "unit",
    "division", "line", "model", "models", "fleet",
})
# Verbs whose subject is an organisation: people do not recall trucks or post earnings.
_ORGANISATION_VERBS = frozenset({
    "recall", "manufacture", "acquire", "merge", "headquarter", "incorporate", "outsell",
    "ship", "hire", "lay", "list", "delist", "restate", "spin",
})


def is_organisation(span: Span) -> bool:
    """Whether the sentence around ``span`` shows it names an organisation."""
    doc = span.doc
    if span[-1].lower_.rstrip(".") in COMPANY_SUFFIXES:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_.rstrip(".") in COMPANY_SUFFIXES:
        return True
    if after is not None and after.lower_ in ("'s", "\u2019s") and span.end + 1 < len(doc):
        owned = doc[span.end + 1]
        noun = owned if owned.pos_ in ("NOUN", "PROPN") else owned.head
        if noun.lower_ in _COMPANY_NOUNS or owned.pos_ == "PROPN" and any(
                c.isdigit() or c.isupper() for c in owned.text[1:]):
            return True
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _ORGANISATION_VERBS
