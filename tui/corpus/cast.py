"""The cast of a library: article clusters grouped into library entities.

Each article's analysis already groups its mentions into clusters ("Putin" with "Vladimir
Putin"); across articles the cast groups those clusters. A person named in full is one entity
per (first name, surname); a surname alone joins the one person of the library with that
surname, or, when several people share it, the one whose articles share most of the article's
other entities; failing that it stays apart. Other names group by their normal form, whatever
label the tagger gave each article. A user's merge and split decisions (primary data, kept by
the store) are applied on top and always win.

Adding an article updates the indexes; it never regroups what is already there.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.analysis import names
from tui.analysis.entities import NAME_LABELS
from tui.analysis.model import Analysis

# Names repeat from article to article: their normal forms are remembered.
normalize = lru_cache(maxsize=65536)(names.normalize)
person_parts = lru_cache(maxsize=65536)(names.person_parts)
surname_forms = names.surname_forms

ClusterRef = tuple[str, int]  # (doc id, cluster id in that article's analysis)
Mention = tuple[str, int, int]  # (doc id, start, end)


@dataclass(frozen=True)
class Merge:
    """A user's decision: ``absorb`` is the same entity as ``keep``."""

    keep: str
    absorb: str


@dataclass(frozen=True)
class Split:
    """A user's decision: the article cluster ``member`` is not ``entity``; it stands alone."""

    entity: str
    member: ClusterRef


Decision = Merge | Split


@dataclass(frozen=True)
class LibraryEntity:
    """One real-world entity across the library, with the article clusters that name it."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...]  # every spelling, the name first, then by frequency
    members: tuple[ClusterRef, ...]
    mentions: int


@dataclass
class _Member:
    name: str
    label: str
    mentions: int
    spellings: Counter[str]
    spans: list[tuple[int, int]]


def _person_key(name: str) -> str | None:
    parts = person_parts(name)
    if parts is None:
        return None
    first, surname, suffix = parts
    return "person/" + " ".join(p for p in (first, surname, suffix) if p)


class Cast:
    """Library entities over every article added so far; ``decisions`` win over the rules."""

    def __init__(self, decisions: Sequence[Decision] = ()) -> None:
        self.decisions: tuple[Decision, ...] = tuple(decisions)
        self.analyses: dict[str, Analysis] = {}
        self._members: dict[ClusterRef, _Member] = {}
        self._auto: dict[ClusterRef, str] = {}  # the rules' entity for each article cluster
        self._groups: dict[str, list[ClusterRef]] = defaultdict(list)
        self._surnames: dict[str, set[str]] = defaultdict(set)  # surname → full-name persons
        self._lone: dict[str, set[str]] = defaultdict(set)  # surname → entities of it alone
        self._company: dict[str, Counter[str]] = defaultdict(Counter)  # entity → co-occurring
        self._events: dict[ClusterRef, list[int]] = {}  # article cluster → its events
        self._view: dict[ClusterRef, str] | None = None
        self._entities: dict[str, LibraryEntity] | None = None

    # --- building ---------------------------------------------------------------------------

    def add(self, analysis: Analysis) -> None:
        """Take in one article (again: its old clusters are replaced)."""
        doc = analysis.doc_id
        if doc in self.analyses:
            self._drop(doc)
        self.analyses[doc] = analysis
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        spellings: dict[int, Counter[str]] = defaultdict(Counter)
        for entity in analysis.entities:
            spans[entity.cluster].append((entity.start, entity.end))
            spellings[entity.cluster][" ".join(entity.text.split())] += 1
        for index, event in enumerate(analysis.events):
            for cid in event.participants:
                self._events.setdefault((doc, cid), []).append(index)
        named = [c for c in analysis.clusters if c.label in NAME_LABELS and c.name.strip()]
        for cluster in named:
            self._members[(doc, cluster.id)] = _Member(
                cluster.name, cluster.label, cluster.mentions, spellings[cluster.id],
                spans[cluster.id])
        # Other names and full names first: a lone surname is told apart by them.
        here: set[str] = set()
        for cluster in named:
            if cluster.label != "PERSON":
                self._assign((doc, cluster.id), "named/" + normalize(cluster.name))
                here.add(self._auto[(doc, cluster.id)])
        persons = [c for c in named if c.label == "PERSON"]
        for cluster in sorted(persons, key=lambda c: _person_key(c.name) is None):
            self._place_person((doc, cluster.id), cluster.name, here)
            here.add(self._auto[(doc, cluster.id)])
        ids = {self._auto[(doc, c.id)] for c in named}
        for entity_id in ids:  # only people named in full are ever told apart by company
            if entity_id.startswith("person/") and not entity_id.startswith("person/~"):
                self._company[entity_id].update(ids - {entity_id})
        self._view = self._entities = None

    def _drop(self, doc: str) -> None:
        analysis = self.analyses[doc]
        for ref in [(doc, c.id) for c in analysis.clusters if (doc, c.id) in self._auto]:
            entity_id = self._auto.pop(ref)
            self._groups[entity_id].remove(ref)
            if not self._groups[entity_id]:
                del self._groups[entity_id]
            self._members.pop(ref, None)
        for cluster in analysis.clusters:
            self._events.pop((doc, cluster.id), None)
        del self.analyses[doc]

    def _assign(self, ref: ClusterRef, entity_id: str) -> None:
        self._auto[ref] = entity_id
        self._groups[entity_id].append(ref)

    def _place_person(self, ref: ClusterRef, name: str, here: set[str]) -> None:
        key = _person_key(name)
        if key is not None:
            self._assign(ref, key)
            parts = person_parts(name)
            assert parts is not None
            for surname in surname_forms(parts[1]):
                owners = self._surnames[surname]
                owners.add(key)
                if len(owners) == 1:  # people named by surname alone until now: it is them
                    for lone in list(self._lone.pop(surname, ())):
                        for moved in self._groups.pop(lone, []):
                            self._assign(moved, key)
            return
        surname = normalize(name)
        owner = self._owner(surname, here)
        if owner is None:
            owner = "person/~" + surname
            self._lone[surname].add(owner)
        self._assign(ref, owner)

    def _owner(self, surname: str, here: set[str]) -> str | None:
        """The one person ``surname`` can stand for: the only one with it, else the one whose
        articles share most of the entities ``here`` (a tie decides nothing)."""
        owners = sorted(self._surnames.get(surname, ()))
        if len(owners) == 1:
            return owners[0]
        if not owners:
            return None
        scores = []
        for o in owners:
            company = self._company[o]
            scores.append((sum(company[e] for e in here & company.keys()), o))
        scores.sort(reverse=True)
        if scores[0][0] > 0 and scores[0][0] > scores[1][0]:
            return scores[0][1]
        return None

    # --- the view, with decisions -----------------------------------------------------------

    def decide(self, decisions: Sequence[Decision]) -> None:
        """Replace the user's decisions; the rules' grouping stays, only the view changes."""
        self.decisions = tuple(decisions)
        self._view = self._entities = None

    def _resolved(self) -> dict[ClusterRef, str]:
        if self._view is None:
            parent: dict[str, str] = {}

            def root(x: str) -> str:
                while parent.get(x, x) != x:
                    x = parent[x]
                return x

            for decision in self.decisions:
                if isinstance(decision, Merge):
                    a, b = root(decision.keep), root(decision.absorb)
                    if a != b:
                        parent[b] = a
            split = {d.member: f"{d.entity}|{d.member[0]}:{d.member[1]}"
                     for d in self.decisions if isinstance(d, Split)}
            self._view = {ref: split.get(ref) or root(auto) for ref, auto in self._auto.items()}
        return self._view

    def entity_of(self, doc: str, cluster: int) -> str | None:
        """The library entity an article cluster belongs to (None for dates, amounts)."""
        return self._resolved().get((doc, cluster))

    def entities(self) -> dict[str, LibraryEntity]:
        """Every library entity by id."""
        if self._entities is None:
            groups: dict[str, list[ClusterRef]] = defaultdict(list)
            for ref, entity_id in self._resolved().items():
                groups[entity_id].append(ref)
            self._entities = {eid: self._entity(eid, refs) for eid, refs in groups.items()}
        return self._entities

    def _entity(self, entity_id: str, refs: list[ClusterRef]) -> LibraryEntity:
        members = [self._members[r] for r in refs]
        labels: Counter[str] = Counter()
        names: Counter[str] = Counter()
        spellings: Counter[str] = Counter()
        for m in members:
            labels[m.label] += m.mentions
            names[m.name] += m.mentions
            spellings.update(m.spellings)
        label = labels.most_common(1)[0][0]
        if label == "PERSON":
            name = max(names, key=lambda n: (len(n.split()), names[n], len(n)))
        else:
            name = names.most_common(1)[0][0]
        aliases = dict.fromkeys(_bare(a) for a in [
            name, *(n for n, _ in names.most_common()), *(s for s, _ in spellings.most_common())])
        return LibraryEntity(entity_id, _bare(name), label, tuple(aliases),
                             tuple(sorted(refs)), sum(m.mentions for m in members))

    def find(self, name: str) -> LibraryEntity | None:
        """The entity called ``name`` (case and spacing aside): by name, else by alias, the one
        with most mentions."""
        wanted = _spelling(name)
        entities = sorted(self.entities().values(), key=lambda e: (-e.mentions, e.id))
        for entity in entities:
            if _spelling(entity.name) == wanted:
                return entity
        for entity in entities:
            if any(_spelling(a) == wanted for a in entity.aliases):
                return entity
        return None

    def mentions(self, entity_id: str) -> list[Mention]:
        """Every mention of an entity, by article then offset."""
        entity = self.entities().get(entity_id)
        if entity is None:
            return []
        found = [(doc, a, b) for doc, cluster in entity.members
                 for a, b in self._members[(doc, cluster)].spans]
        return sorted(found)

    def events_of(self, entity_id: str) -> list[tuple[str, int]]:
        """(doc id, index into that analysis's events) of every event an entity takes part
        in, by article then index."""
        entity = self.entities().get(entity_id)
        if entity is None:
            return []
        found = {(doc, i) for doc, cluster in entity.members
                 for i in self._events.get((doc, cluster), ())}
        return sorted(found)

    def articles(self, entity_id: str) -> list[tuple[str, int]]:
        """(doc id, mentions) of the articles that name an entity, most mentions first."""
        counts: Counter[str] = Counter()
        for doc, _, _ in self.mentions(entity_id):
            counts[doc] += 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def participants(self, doc: str, clusters: Iterable[int]) -> Iterator[str]:
        """The library entities of an article's clusters, in order, without repeats."""
        seen: set[str] = set()
        view = self._resolved()
        for cluster in clusters:
            entity_id = view.get((doc, cluster))
            if entity_id is not None and entity_id not in seen:
                seen.add(entity_id)
                yield entity_id


def _bare(name: str) -> str:
    """A spelling without the possessive the tagger sometimes keeps ("iPhone 4 's")."""
    return re.sub(r"\s*['’]s?$", "", name) or name


def _spelling(name: str) -> str:
    return " ".join(name.replace("&", "and").split()).casefold()


def build_cast(analyses: Iterable[Analysis], decisions: Sequence[Decision] = ()) -> Cast:
    """The cast of a set of articles."""
    cast = Cast(decisions)
    for analysis in analyses:
        cast.add(analysis)
    return cast
