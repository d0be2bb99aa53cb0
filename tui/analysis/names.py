"""Names as written and as compared: titles cut off, forms normalized, surnames found.

The tagger's spans carry roles ("US President Donald Trump") and spelling noise ("the U.S.'s");
label consistency and clustering need the bare name, a comparison form, the surname of a full
name ("Osama bin Laden" → "bin laden", also written "laden") and the initials an acronym
stands for. These rules know nothing of labels or clusters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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


def normalize(text: str) -> str:
    """The comparison form of a name: "the U.S.'s" → "us", "White  House" → "white house"."""
    text = text.replace("’", "'").strip()
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    text = text.replace(".", "")
    return " ".join(text.split()).casefold()


def _is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in TITLE_WORDS


def _is_name_part(token: Token) -> bool:
    text = token.text
    if token.is_space or _is_title(token):
        return False
    return text[:1].isupper() or token.lower_ in NAME_PARTICLES or text in _CONNECTORS


def _is_suffix(token: Token) -> bool:
    return token.lower_.rstrip(".") in NAME_SUFFIXES


def name_bounds(span: Span) -> tuple[int, int]:
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


def _name_tokens(name: str) -> list[str]:
    return normalize(name).split()


def person_parts(name: str) -> tuple[str, str, str] | None:
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


def surname_forms(surname: str) -> set[str]:
    """The ways a surname is written alone: "bin laden" and "laden"."""
    return {surname, surname.split()[-1]}


def acronym_tail(name: str) -> bool:
    """"Steven Snyder TWA": an upper-case last word after a mixed-case name is an
    organisation the tagger swallowed, not a surname."""
    words = name.split()
    return len(words) > 1 and words[-1].isupper() and not name.isupper()


def initials(name: str) -> str:
    """The capitals of a name's words, small words skipped: "United Nations" → "UN"."""
    words = [w for w in re.split(r"[\s-]+", name) if w.casefold() not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[:1].isupper())

