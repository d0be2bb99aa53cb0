"""From spaCy's entity spans to Gloss entities: one label per name, one cluster per referent.

The statistical tagger decides each mention on its own, so the same name can come out PERSON
in one sentence and ORG in the next, and a title ("US President") can end up inside a name.
This module works in two steps so that long documents can be tagged in chunks:
``mentions_from_doc`` turns one parsed chunk into ``Mention``s (absolute offsets, a
title-free name span precomputed), and ``resolve`` decides labels and clusters over the
mentions of the whole document at once. What a name is (titles cut off, normal form, surname)
lives in ``names``, and the well-known places in ``places``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.analysis.model import Cluster, Entity
from tui.analysis.names import (
    NAME_PARTICLES,
    NAME_SUFFIXES,
    TITLE_WORDS,
    acronym_tail,
    initials,
    name_bounds,
    normalize,
    person_parts,
    surname_forms,
)
from tui.analysis.org_evidence import COMPANY_SUFFIXES, is_organisation
from tui.analysis.places import KNOWN_PLACES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = [
    "KNOWN_PLACES", "NAME_LABELS", "NAME_PARTICLES", "NAME_SUFFIXES", "TITLE_WORDS", "Mention",
    "consistent_labels", "entities_from_docs", "mention_from_span", "mentions_from_doc",
    "normalize", "resolve",
]

# Labels that name things; numbers, dates and amounts keep the model's label untouched.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
# "Russian", "American", "Chinese", "British", "Israeli", "Pakistani", "Icelandic".
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i|ic)$")


@dataclass(frozen=True)
class Mention:
    """One entity span as tagged, plus where the bare name lies if it turns out a person.

    ``name_start``/``name_end``/``name_text`` equal the span itself unless the span begins
    with a title or role ("US President Donald Trump" → "Donald Trump").
    """

    start: int
    end: int
    text: str
    label: str
    name_start: int
    name_end: int
    name_text: str
    organisation: bool = False  # the sentence shows it names an organisation

    def shifted(self, offset: int) -> Mention:
        return Mention(self.start + offset, self.end + offset, self.text, self.label,
                       self.name_start + offset, self.name_end + offset, self.name_text,
                       self.organisation)


# --- spans → mentions -------------------------------------------------------------------------


def mention_from_span(span: Span) -> Mention:
    doc = span.doc
    begin, end = name_bounds(span)
    name_start, name_end = doc[begin].idx, doc[end - 1].idx + len(doc[end - 1].text)
    start, stop = span.start_char, span.end_char
    # Entity edges never carry whitespace (a tagged "\n" would highlight an empty line).
    text = span.text
    stripped = text.strip()
    if stripped != text:
        start += len(text) - len(text.lstrip())
        stop = start + len(stripped)
    # doc[begin:end].text, not doc.text[...]: Doc.text rebuilds the whole text on every call.
    return Mention(start, stop, stripped, span.label_,
                   name_start, name_end, doc[begin:end].text,
                   span.label_ in ("ORG", "PERSON") and is_organisation(span))


def mentions_from_doc(doc: Doc, offset: int = 0) -> list[Mention]:
    """The entity spans of a parsed chunk, as mentions with offsets shifted by ``offset``."""
    mentions = []
    for span in doc.ents:
        if not span.text.strip():
            continue
        mention = mention_from_span(span)
        mentions.append(mention.shifted(offset) if offset else mention)
    return mentions


# --- labels -------------------------------------------------------------------------------------


def _form(mention: Mention) -> str:
    """The name a mention is compared by: the title-free name, normalized."""
    return normalize(mention.name_text)


def consistent_labels(mentions: Sequence[Mention]) -> list[str]:
    """One label per name across the document, decided by its mentions.

    The surname of a name the model tags PERSON in full ("Trump" after "Donald Trump") is
    PERSON wherever it stands alone, unless it is also a well-known place ("Washington"), where
    the full forms only count as votes. A well-known place that is nobody's surname here is
    GPE/LOC even where the model said ORG (metonymy: "Washington argues") or PERSON. Otherwise
    the label most mentions of the same name carry wins; a tie goes to NORP for a demonym, else
    to GPE, LOC or PERSON in that order, failing those to the first mention's label.
    Numbers, dates and amounts are never relabelled.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    surname_votes: Counter[str] = Counter()
    for mention in mentions:
        if mention.label not in NAME_LABELS:
            continue
        votes[_form(mention)][mention.label] += 1
        if mention.label == "PERSON" and _form(mention) not in KNOWN_PLACES \
                and not acronym_tail(mention.name_text) \
                and (parts := person_parts(mention.name_text)):
            for surname in surname_forms(parts[1]):
                surname_votes[surname] += 1

    decided = {form: _decide(form, counter, surname_votes[form])
               for form, counter in votes.items()}
    companies = _company_names(mentions)
    return [
        _label(mention, decided, companies) if mention.label in NAME_LABELS else mention.label
        for mention in mentions
    ]


def _label(mention: Mention, decided: dict[str, str], companies: set[str]) -> str:
    """A name that is both a person's and a company's here is not unified: a mention the
    sentence shows to be the company is ORG, any other keeps the model's label."""
    form = _form(mention)
    if mention.organisation:
        return "ORG"
    if form in companies and decided.get(form) == "PERSON":
        return mention.label
    return decided.get(form, mention.label)


def _company_names(mentions: Sequence[Mention]) -> set[str]:
    """Names the text shows to be companies: with evidence, or the first word of an ORG
    with a company suffix ("Dell" of "Dell Inc.")."""
    out = {_form(m) for m in mentions if m.organisation}
    for m in mentions:
        words = m.text.split()
        if m.label == "ORG" and len(words) > 1 and words[-1].lower().rstrip(".") in \
                COMPANY_SUFFIXES:
            out.add(normalize(" ".join(words[:-1])))
            out.add(normalize(words[0]))
    return out


def _decide(form: str, votes: Counter[str], full_form_votes: int) -> str:
    place = form in KNOWN_PLACES
    if full_form_votes and not place:
        return "PERSON"  # the surname of someone named in full ("Trump" after "Donald Trump")
    if place and not full_form_votes:
        return "LOC" if votes["LOC"] > votes["GPE"] else "GPE"
    counts = Counter(votes)
    counts["PERSON"] += full_form_votes
    top = max(counts.values())
    tied = [label for label, count in counts.items() if count == top]
    if len(tied) > 1:
        demonym = _DEMONYM.match(form.capitalize())
        for preferred in ("NORP",) if demonym else ("GPE", "LOC", "PERSON"):
            if preferred in tied:
                return preferred
    # Counter keeps first-seen order, so a remaining tie goes to the first mention's label.
    return tied[0]


# --- clusters -----------------------------------------------------------------------------------


@dataclass
class _Group:
    label: str
    members: list[int]
    names: list[str]  # display names of the members, in order

    def canonical(self, person: bool) -> str:
        counts = Counter(self.names)
        if person:
            # The longest clean full form; among equals the most frequent, then the first.
            return max(self.names, key=lambda n: (len(n.split()), len(n), counts[n]))
        return max(self.names, key=lambda n: (counts[n], len(n)))


def _display(text: str, label: str = "PERSON") -> str:
    text = " ".join(text.split())
    if label not in NAME_LABELS:
        return text
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


def _merge_acronyms(groups: dict[tuple[str, str], list[int]], names: list[str]) -> None:
    """Fold "UN" into "United Nations" (same label, the only name with those initials)."""
    by_initials: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, members in groups.items():
        label, _ = key
        name = _display(names[members[0]], label)
        if label in NAME_LABELS and len(name.split()) > 1:
            by_initials[(label, initials(name).casefold())].append(key)
    for key in list(groups):
        label, form = key
        text = names[groups[key][0]].replace(".", "")
        if label not in NAME_LABELS or not (2 <= len(text) <= 6 and text.isupper()):
            continue
        owners = by_initials.get((label, form), [])
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))
            groups[owners[0]].sort()


def _person_groups(indices: list[int], names: list[str]) -> list[list[int]]:
    """Full names with the same first name and surname are one person ("Donald J. Trump" and
    "Donald Trump"); a lone surname joins the only full name that ends with it, and stays
    apart when two people share it."""
    by_full: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    singles: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        parts = person_parts(names[i])
        if parts:
            by_full[parts].append(i)
        else:
            singles[normalize(names[i])].append(i)
    surnames: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for key in by_full:
        for surname in surname_forms(key[1]):
            surnames[surname].append(key)
    first_names: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for key in by_full:
        first_names[key[0]].append(key)
    groups = {key: list(members) for key, members in by_full.items()}
    alone: list[list[int]] = []
    for word, members in singles.items():
        # A lone word joins the one person it is the surname of; failing that, the one person
        # it is the first name of ("Elian" for "Elian Gonzalez") if it is nobody's surname.
        owners = surnames.get(word) or first_names.get(word, [])
        if len(owners) == 1:
            groups[owners[0]].extend(members)
        else:
            alone.append(members)
    return [*groups.values(), *alone]


def resolve(mentions: Sequence[Mention]) -> tuple[tuple[Entity, ...], tuple[Cluster, ...]]:
    """Label-consistent entities and their clusters for a whole document's mentions.

    Persons keep only their name span (titles cut off); clusters are numbered in order of
    first mention and each entity's ``cluster`` indexes ``clusters``.
    """
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    labels = consistent_labels(ordered)
    spans: list[tuple[int, int, str]] = []
    for mention, label in zip(ordered, labels, strict=True):
        if label == "PERSON":
            spans.append((mention.name_start, mention.name_end, mention.name_text))
        else:
            spans.append((mention.start, mention.end, mention.text))

    person = [i for i, label in enumerate(labels) if label == "PERSON"]
    names = [text for _, _, text in spans]
    groups: list[_Group] = [
        _Group("PERSON", members, [_display(names[i]) for i in members])
        for members in _person_groups(person, names)
    ]
    others: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        if label != "PERSON":
            others[(label, normalize(names[i]))].append(i)
    _merge_acronyms(others, names)
    groups.extend(
        _Group(label, members, [_display(names[i], label) for i in members])
        for (label, _), members in others.items()
    )
    groups.sort(key=lambda g: min(g.members))

    cluster_of: dict[int, int] = {}
    clusters = []
    for cid, group in enumerate(groups):
        for i in group.members:
            cluster_of[i] = cid
        clusters.append(Cluster(cid, group.canonical(group.label == "PERSON"), group.label,
                                len(group.members)))
    entities = tuple(
        Entity(start, end, text, labels[i], cluster_of[i])
        for i, (start, end, text) in enumerate(spans)
    )
    return entities, tuple(clusters)


def entities_from_docs(docs: Iterable[tuple[Doc, int]]) -> tuple[tuple[Entity, ...],
                                                                  tuple[Cluster, ...]]:
    """Entities and clusters of a document parsed as (chunk, offset) pairs."""
    mentions: list[Mention] = []
    for doc, offset in docs:
        mentions.extend(mentions_from_doc(doc, offset))
    return resolve(mentions)
