"""From spaCy's entity spans to Gloss entities: one label per name, one cluster per referent.

The statistical tagger decides each mention on its own, so the same name can come out PERSON
in one sentence and ORG in the next, and a title ("US President") can end up inside a name.
This module works in two steps so that long documents can be tagged in chunks:
``mentions_from_doc`` turns one parsed chunk into ``Mention``s (absolute offsets, a
title-free name span precomputed), and ``resolve`` decides labels and clusters over the
mentions of the whole document at once.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.analysis.model import Cluster, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Labels that name things; numbers, dates and amounts keep the model's label untouched.
NAME_LABELS = _words("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE")

# Words that say what a person is rather than who: they never become part of a name.
TITLE_WORDS = _words(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam
    president vice prime minister premier chancellor secretary general gen undersecretary
    king queen prince princess emperor empress pope sheikh emir sultan crown
    senator sen representative rep congressman congresswoman gov governor mayor
    judge justice chief executive ceo cfo coo chairman chairwoman chair chairperson director
    spokesperson spokesman spokeswoman envoy ambassador commissioner leader speaker official
    adviser advisor aide deputy assistant counsel attorney ag prosecutor
    colonel col lieutenant lt captain capt sergeant sgt major maj admiral adm commander cmdr
    marshal brigadier corporal cpl private pvt officer inspector detective det constable
    coach manager striker midfielder defender goalkeeper
    rev reverend father bishop archbishop cardinal rabbi imam ayatollah patriarch
    former ex late acting interim foreign defense defence interior finance
    state staff affairs homeland security treasury commerce labor labour education energy health
    agriculture transportation
    """
)
# Lower-case words that belong inside names: "Ludwig van Beethoven", "Osama bin Laden".
NAME_PARTICLES = _words("van von der den de del della da di du le la bin ibn al el ter")
NAME_SUFFIXES = _words("jr sr ii iii iv v")
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&"})
_CONNECTORS = frozenset({"-", "'", "’"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# "Russian", "American", "Chinese", "British", "Israeli", "Pakistani", "Icelandic".
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i|ic)$")

# Countries, capitals, large cities and US states: places the small model sometimes calls ORG
# or PERSON ("A senior source in Kyiv said ...").
_KNOWN_PLACES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|
Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chile|China|
Colombia|Comoros|Congo|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|
Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
France|Gabon|Gambia|Germany|Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|
Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Kazakhstan|
Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|
Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|
Netherlands|New Zealand|Nicaragua|Nigeria|North Korea|North Macedonia|Macedonia|Norway|Oman|
Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|
Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|
Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|
Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|
Trinidad|Tunisia|Turkey|Türkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|
United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|
United States|US|USA|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|
Zambia|Zimbabwe|Gaza|West Bank|Crimea|Donbas|Chechnya|Tibet|Hong Kong|Macau|Greenland|
Puerto Rico|Soviet Union|USSR|Yugoslavia|Czechoslovakia|
Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Manama|Dhaka|Minsk|
Brussels|Sofia|Ottawa|Santiago|Beijing|Peking|Bogota|Bogotá|Zagreb|Havana|Nicosia|Prague|
Copenhagen|Cairo|Tallinn|Addis Ababa|Helsinki|Paris|Tbilisi|Berlin|Accra|Athens|Budapest|
Reykjavik|New Delhi|Delhi|Jakarta|Tehran|Baghdad|Dublin|Jerusalem|Tel Aviv|Rome|Tokyo|Amman|
Astana|Nairobi|Pristina|Bishkek|Vientiane|Riga|Beirut|Tripoli|Vilnius|Kuala Lumpur|Valletta|
Mexico City|Chisinau|Ulaanbaatar|Podgorica|Rabat|Maputo|Naypyidaw|Yangon|Rangoon|Kathmandu|
Amsterdam|The Hague|Wellington|Managua|Niamey|Abuja|Lagos|Pyongyang|Skopje|Oslo|Muscat|
Islamabad|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|Kigali|Riyadh|Dakar|Belgrade|
Freetown|Bratislava|Ljubljana|Mogadishu|Pretoria|Cape Town|Johannesburg|Seoul|Juba|Madrid|
Colombo|Khartoum|Stockholm|Bern|Geneva|Zurich|Damascus|Taipei|Dushanbe|Dodoma|Dar es Salaam|
Bangkok|Tunis|Ankara|Istanbul|Ashgabat|Kampala|Kyiv|Kiev|Abu Dhabi|Dubai|London|Washington|
Montevideo|Tashkent|Caracas|Hanoi|Ho Chi Minh City|Saigon|Sanaa|Lusaka|Harare|Quito|Asuncion|
Brasilia|Rio de Janeiro|Sao Paulo|São Paulo|Kinshasa|Brazzaville|Conakry|Bamako|Nouakchott|
Lome|Ouagadougou|Yaounde|Libreville|Windhoek|Gaborone|Maseru|Lilongwe|Antananarivo|Asmara|
Port-au-Prince|Santo Domingo|Kingston|Tegucigalpa|Guatemala City|San Salvador|La Paz|
New York|Los Angeles|Chicago|Houston|Boston|Miami|San Francisco|Seattle|Atlanta|Dallas|
Detroit|Philadelphia|Las Vegas|Toronto|Montreal|Vancouver|Sydney|Melbourne|Shanghai|Shenzhen|
Guangzhou|Wuhan|Mumbai|Bombay|Kolkata|Calcutta|Chennai|Bangalore|Karachi|Lahore|Osaka|Kyoto|
Hiroshima|Busan|Manchester|Liverpool|Birmingham|Edinburgh|Glasgow|Belfast|Munich|Frankfurt|
Hamburg|Cologne|Milan|Naples|Venice|Florence|Barcelona|Marseille|Lyon|Strasbourg|Antwerp|
Rotterdam|St Petersburg|Saint Petersburg|Kharkiv|Odesa|Odessa|Lviv|Dnipro|Mariupol|Kherson|
Zaporizhzhia|Donetsk|Luhansk|Bakhmut|Sevastopol|Aleppo|Homs|Mosul|Basra|Rafah|Ramallah|Haifa|
Mecca|Medina|Jeddah|Kandahar|Herat|Peshawar|Almaty|Davos|
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|
Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|
Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|
North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|
South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming
"""


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

    def shifted(self, offset: int) -> Mention:
        return Mention(self.start + offset, self.end + offset, self.text, self.label,
                       self.name_start + offset, self.name_end + offset, self.name_text)


def normalize(text: str) -> str:
    """The comparison form of a name: "the U.S.'s" → "us", "White  House" → "white house"."""
    text = text.replace("’", "'").strip()
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    text = text.replace(".", "")
    return " ".join(text.split()).casefold()


KNOWN_PLACES = frozenset(
    normalize(name) for name in _KNOWN_PLACES.replace("\n", "").split("|") if name.strip()
)


# --- spans → mentions -------------------------------------------------------------------------


def _is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in TITLE_WORDS


def _is_name_part(token: Token) -> bool:
    text = token.text
    if token.is_space or _is_title(token):
        return False
    return text[:1].isupper() or token.lower_ in NAME_PARTICLES or text in _CONNECTORS


def _is_suffix(token: Token) -> bool:
    return token.lower_.rstrip(".") in NAME_SUFFIXES


def _name_bounds(span: Span) -> tuple[int, int]:
    """Token bounds of the bare name inside a span: a title or role before it ("US President",
    "White House spokesperson") and a trailing "'s" dropped.

    Only a title word directly before the name cuts, so "Freedom for Elian" or "the Port
    Authority of New York" stay whole; the last word is always part of the name ("Prime
    Minister John Major"), and a title followed only by a suffix is a name ("Martin Luther
    King Jr.").
    """
    tokens = list(span)
    end = len(tokens)
    while end > 1 and (tokens[end - 1].text in _POSSESSIVES or tokens[end - 1].is_space
                       or (tokens[end - 1].is_punct and tokens[end - 1].text != ".")):
        end -= 1
    begin = end - 1
    while begin > 0:
        before = tokens[begin - 1]
        if _is_name_part(before) or (
            _is_title(before) and all(_is_suffix(t) for t in tokens[begin:end])
        ):
            begin -= 1
        elif _is_title(before) or "\n" in before.text:
            break  # a title (or a line break) right before the name: cut here
        else:
            begin = 0  # some other word: this is not a titled name, keep the span whole
            break
    while begin < end - 1 and (tokens[begin].text in _CONNECTORS or tokens[begin].is_space
                               or tokens[begin].lower_ == "the"):
        begin += 1
    return span.start + begin, span.start + end


def mention_from_span(span: Span) -> Mention:
    doc = span.doc
    begin, end = _name_bounds(span)
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
                   name_start, name_end, doc[begin:end].text)


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


def _name_tokens(name: str) -> list[str]:
    return normalize(name).split()


def _person_parts(name: str) -> tuple[str, str, str] | None:
    """(first, surname, suffix) of a full person name, or None for a surname alone.

    Particles belong to the surname: "Osama bin Laden" is ("osama", "bin laden", ""), and
    "Bin Laden" alone is a surname like "Putin".
    """
    tokens = _name_tokens(name)
    suffix = ""
    if len(tokens) > 2 and tokens[-1] in NAME_SUFFIXES:
        suffix = tokens.pop()
    cut = len(tokens) - 1
    while cut > 0 and tokens[cut - 1] in NAME_PARTICLES:
        cut -= 1
    if cut <= 0:
        return None
    return tokens[0], " ".join(tokens[cut:]), suffix


def _surnames(surname: str) -> set[str]:
    """The ways a surname is written alone: "bin laden" and "laden"."""
    return {surname, surname.split()[-1]}


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
                and not _acronym_tail(mention.name_text) \
                and (parts := _person_parts(mention.name_text)):
            for surname in _surnames(parts[1]):
                surname_votes[surname] += 1

    decided = {form: _decide(form, counter, surname_votes[form])
               for form, counter in votes.items()}
    return [
        decided.get(_form(mention), mention.label) if mention.label in NAME_LABELS
        else mention.label
        for mention in mentions
    ]


def _acronym_tail(name: str) -> bool:
    """"Steven Snyder TWA": an upper-case last word after a mixed-case name is an
    organisation the tagger swallowed, not a surname."""
    words = name.split()
    return len(words) > 1 and words[-1].isupper() and not name.isupper()


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


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w.casefold() not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[:1].isupper())


def _merge_acronyms(groups: dict[tuple[str, str], list[int]], names: list[str]) -> None:
    """Fold "UN" into "United Nations" (same label, the only name with those initials)."""
    by_initials: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, members in groups.items():
        label, _ = key
        name = _display(names[members[0]], label)
        if label in NAME_LABELS and len(name.split()) > 1:
            by_initials[(label, _initials(name).casefold())].append(key)
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
        parts = _person_parts(names[i])
        if parts:
            by_full[parts].append(i)
        else:
            singles[normalize(names[i])].append(i)
    surnames: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for key in by_full:
        for surname in _surnames(key[1]):
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
