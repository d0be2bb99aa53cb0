"""Turn web debris into structure: picture captions become caption blocks, credits metadata.

Text copied from news sites carries the page's furniture: ``![]() |`` where a picture was,
its caption once as a table cell (``... Photo: AFP |``) and once more as plain text, and a
credit line at the end. Shown as prose it reads badly and confuses the tagger, so it is
recognized by shape (never by the words of a particular article) and restructured.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.document.byline import Byline, is_name, parse_agency_line, parse_byline
from tui.document.pieces import Piece

_IMAGE = r"\[?!\[[^\]]*\]\([^)]*\)\]?(?:\([^)]*\))?"
_IMAGE_LINE = re.compile(rf"^(?:\s*{_IMAGE}\s*\|?)+\s*$")
_PIPES_ONLY = re.compile(r"^[\s|:-]*\|[\s|:-]*$")
# "Photo: AFP", "(Image by Jane Doe)": a credit word, then a name that starts with a capital
# (so "... the image: a bright future." stays prose).
_CREDIT = re.compile(
    r"(?:^|[\s.(\[])(?i:photo|photograph|image|picture|credit|illustration)s?"
    r"(?:\s*:\s*|\s+(?i:by)\s+)(?![a-z])[^\W\d_][^.:]{0,59}[)\]]?\.?$"
)
CAPTION_LENGTH = 300  # a caption is a sentence or two, not a paragraph
_CREDIT_REACH = 90  # a photo credit ends the caption: only its tail is searched
_QUOTES = "\"'\u201d\u2019"
_BYLINE_REACH = 3  # how many pieces at either end may be credit lines


def clean(pieces: Sequence[Piece]) -> tuple[list[Piece], Byline]:
    """Captions restructured, duplicates and picture markup dropped, credit lines lifted out."""
    return take_bylines(captions(pieces))


def captions(pieces: Sequence[Piece]) -> list[Piece]:
    """Image lines vanish; the caption that follows (or wears ``|`` cells) is kept once."""
    out: list[Piece] = []
    after_image = False
    for piece in pieces:
        text, kind = piece.text, piece.kind
        if kind == "image":
            after_image = True
            continue
        if kind == "paragraph":
            celled = False
            if "|" in text or "![" in text:  # rare: test the cheap way first
                if _is_picture(text):
                    after_image = True
                    continue
                text, celled = _uncell(text.strip())
                if not text:
                    continue
            if len(text) <= CAPTION_LENGTH and (celled or after_image or _has_credit(text)):
                kind = "caption"
        after_image = False
        if out and out[-1].kind == "caption" and _same(out[-1].text, text):
            continue  # the page printed the caption twice (cell and alt text)
        out.append(piece if text is piece.text and kind == piece.kind else Piece(text, kind))
    return out


def take_bylines(pieces: list[Piece]) -> tuple[list[Piece], Byline]:
    """Remove credit lines from the end (and a "By ..." line near the start) of the article,
    with a wire service's line printed beside either ("By Jane Doe" / "Reuters")."""
    byline = Byline()
    body = list(pieces)
    for _ in range(_BYLINE_REACH):
        index = _last_text(body)
        if index is None or _prose_count(body) <= 1:
            break
        found = parse_byline(body[index].text)
        if found is None and index > 0 and parse_byline(body[index - 1].text) is not None:
            found = parse_agency_line(body[index].text)  # "By Jane Doe" / "Reuters" at the end
        if found is None:
            break
        byline = found.merged(byline)
        del body[index]
    for index in range(min(_BYLINE_REACH, len(body))):
        if body[index].kind != "paragraph" or _prose_count(body) <= 1:
            continue
        found = parse_byline(body[index].text)
        if found is not None:
            byline = byline.merged(found)
            del body[index]
            byline = _agency_beside(body, index, byline)
            break
    return body, byline


def _agency_beside(body: list[Piece], index: int, byline: Byline) -> Byline:
    """Take a wire service's line just after (or before) a removed byline at ``index``."""
    for near in (index, index - 1):
        if 0 <= near < len(body) and body[near].kind == "paragraph" and _prose_count(body) > 1:
            agency = parse_agency_line(body[near].text)
            if agency is not None:
                del body[near]
                return byline.merged(agency)
    return byline


def headline(pieces: list[Piece], *, credited: bool = False) -> list[Piece]:
    """A plain-text article whose first line is short and unpunctuated starts with its title
    when a longer paragraph follows it, or when a byline did (``credited``, see
    ``credit_follows_first``: the byline is gone from ``pieces`` by now)."""
    if len(pieces) < 2 or pieces[0].kind != "paragraph":
        return pieces
    first = pieces[0].text
    words = first.split()
    if (
        2 <= len(words) <= 20
        and not first.rstrip(_QUOTES).endswith((".", ",", ";", ":", "!"))
        and not is_name(first)
        and (credited or len(pieces[1].text) > len(first))
    ):
        return [Piece(first, "heading"), *pieces[1:]]
    return pieces


def credit_follows_first(pieces: Sequence[Piece]) -> bool:
    """Whether a byline comes right after the first piece ("By Jane Doe"), perhaps after
    a wire service's line ("Reuters" / "By Jane Doe"), as under a headline."""
    rest = [p.text for p in pieces[1:3]]
    if rest and parse_agency_line(rest[0]) is not None:
        rest = rest[1:]
    return bool(rest) and parse_byline(rest[0]) is not None


def _has_credit(text: str) -> bool:
    """Ends with "Photo: AFP", "(Image by Jane Doe)" and the like."""
    tail = text[-_CREDIT_REACH:]
    low = tail.lower()
    # Substring tests first (far cheaper than the regex): a book has a million lines and
    # almost none of them is a caption.
    if not ("photo" in low or "image" in low or "picture" in low or "credit" in low
            or "illustration" in low):
        return False
    return _CREDIT.search(tail) is not None


def _is_picture(text: str) -> bool:
    return _IMAGE_LINE.match(text) is not None or _PIPES_ONLY.match(text) is not None


def _uncell(text: str) -> tuple[str, bool]:
    """``"Caption. Photo: AFP |"`` → (``"Caption. Photo: AFP"``, True); a table row stays."""
    if not text.endswith("|"):
        return text, False
    inner = text.strip("| \t")
    if "|" in inner:
        return text, False
    return inner, True


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > max(len(a), len(b)) // 4:
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _last_text(pieces: list[Piece]) -> int | None:
    for index in range(len(pieces) - 1, -1, -1):
        if pieces[index].kind != "caption":
            return index
    return None


def _prose_count(pieces: list[Piece]) -> int:
    """How many paragraphs, counting no further than two (all that is ever asked)."""
    count = 0
    for piece in pieces:
        if piece.kind == "paragraph":
            count += 1
            if count == 2:
                break
    return count
