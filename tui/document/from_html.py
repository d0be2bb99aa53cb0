"""HTML to pieces: the article body without page furniture, and the page's own metadata.

Parsed with BeautifulSoup (``html.parser``: pure Python, no system libraries). The body is
the largest ``<article>``, else ``<main>``, else ``<body>``; scripts, styles, navigation,
headers, footers, asides and forms are dropped. The tree is walked iteratively, so a deeply
nested page cannot exhaust the recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import (
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from tui.document.pieces import Piece, PieceKind
from tui.document.sidecar import iso_date

DROP = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "canvas", "button", "select", "textarea", "input", "object", "embed",
    "audio", "video", "map", "dialog", "head", "title", "meta", "link",
})
BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "table", "tr", "td", "th", "caption", "figure", "figcaption",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "details", "summary", "body",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)


@dataclass
class HtmlArticle:
    pieces: list[Piece]
    fields: dict[str, str] = field(default_factory=dict)  # Metadata keyword arguments


def html_pieces(markup: str) -> HtmlArticle:
    """Parse an HTML page into body pieces and metadata fields."""
    soup = BeautifulSoup(markup, "html.parser")
    fields = _metadata(soup)
    body = _body(soup)
    if "published" not in fields:
        for time in body.find_all("time", attrs={"datetime": True}):
            day = iso_date(_attr(time, "datetime"))
            if day:
                fields["published"] = day
                break
    return HtmlArticle(list(_walk(body)), fields)


def _attr(tag: Tag, name: str) -> str:
    value: Any = tag.get(name)
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value) if value is not None else ""


_META_ATTRS = ("property", "name", "itemprop")


def _meta_index(soup: BeautifulSoup) -> dict[tuple[str, str], Tag]:
    """The first ``<meta>`` for each (attribute, value), found in one pass over the page
    (a lookup per key walked the whole tree each time: 24 s for 60,000 nested elements)."""
    index: dict[tuple[str, str], Tag] = {}
    for tag in soup.find_all("meta"):
        if isinstance(tag, Tag):
            for attr in _META_ATTRS:
                value = tag.get(attr)
                if isinstance(value, str):
                    index.setdefault((attr, value), tag)
    return index


def _meta(index: dict[tuple[str, str], Tag], *keys: str) -> str | None:
    """The first non-empty ``<meta property|name|itemprop=key content=...>`` among ``keys``."""
    for key in keys:
        for attr in _META_ATTRS:
            tag = index.get((attr, key))
            if tag is not None:
                content = " ".join(_attr(tag, "content").split())
                if content:
                    return content
    return None


def _metadata(soup: BeautifulSoup) -> dict[str, str]:
    fields: dict[str, str] = {}
    metas = _meta_index(soup)
    source = _meta(metas, "og:site_name", "application-name")
    if source:
        fields["source"] = source
    title = _meta(metas, "og:title", "twitter:title")
    if title is None and isinstance(soup.title, Tag):
        title = _without_site(" ".join(soup.title.get_text(" ").split()), source)
    if title:
        fields["title"] = title
    published = _meta(metas, "article:published_time", "datePublished", "pubdate",
                      "publish-date", "date", "dc.date", "DC.date.issued")
    day = iso_date(published) if published else None
    if day:
        fields["published"] = day
    author = _meta(metas, "author", "article:author", "byl", "dc.creator")
    if author and not author.startswith(("http://", "https://")):
        fields["author"] = author.removeprefix("By ").removeprefix("by ")
    canonical = soup.find("link", attrs={"rel": "canonical", "href": True})
    url = _attr(canonical, "href") if isinstance(canonical, Tag) else _meta(metas, "og:url")
    if url:
        fields["url"] = url
    return fields


def _without_site(title: str, site: str | None) -> str:
    """"Ferry resumes | Coast Daily" → "Ferry resumes" when the site is Coast Daily."""
    if site:
        for separator in (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 "):
            if title.endswith(separator + site) and len(title) > len(separator + site):
                return title[: -len(separator + site)]
    return title


def _body(soup: BeautifulSoup) -> Tag:
    """The element that holds the story: the largest <article>, else <main>, else <body>."""
    for tag in soup.find_all(DROP):
        if isinstance(tag, Tag) and tag.name not in ("head", "title", "meta", "link"):
            tag.decompose()
    for tag in soup.find_all(True, attrs={"hidden": True}):
        tag.decompose()
    for tag in soup.find_all(True, attrs={"aria-hidden": "true"}):
        tag.decompose()
    articles = [t for t in soup.find_all("article") if isinstance(t, Tag)]
    if articles:
        return max(articles, key=lambda t: len(t.get_text()))
    for candidate in (soup.find("main"), soup.find(True, attrs={"role": "main"}), soup.body):
        if isinstance(candidate, Tag):
            return candidate
    return soup


def _walk(root: Tag) -> Iterator[Piece]:
    """Yield a piece for each run of inline text between block boundaries."""
    buffer: list[str] = []
    kinds: list[PieceKind] = ["paragraph"]
    marker = ""  # a list item's bullet or number, waiting for the item's first text
    numbers: dict[int, int] = {}  # next number of each <ol>, by id
    # (children still to visit, whether the element is a block that ends a piece)
    stack: list[tuple[Iterator[Any], bool]] = [(iter(root.children), False)]

    def flush() -> Iterator[Piece]:
        nonlocal marker
        text = " ".join("".join(buffer).split())
        buffer.clear()
        if text:
            yield Piece(marker + text, kinds[-1])
            marker = ""

    while stack:
        children, is_block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if is_block:
                yield from flush()
                kinds.pop()
            continue
        if isinstance(child, NavigableString):
            if not isinstance(child, _SKIPPED_STRINGS):
                buffer.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in DROP:
            continue
        name = child.name
        if name in ("br", "img") or name in BLOCKS:
            yield from flush()
        if name == "img":
            yield Piece(_attr(child, "alt"), "image")
        elif name in BLOCKS:
            if name == "li":
                marker = _list_marker(child, numbers)
            kind = kinds[-1]
            if name in HEADINGS:
                kind = "heading"
            elif name in ("figcaption", "caption"):
                kind = "caption"
            kinds.append(kind)
            stack.append((iter(child.children), True))
        elif name != "br":
            stack.append((iter(child.children), False))
    yield from flush()


def _list_marker(item: Tag, numbers: dict[int, int]) -> str:
    """"• " in a bulleted list, "3. " for the third item of a numbered one."""
    parent = item.parent
    if not isinstance(parent, Tag) or parent.name != "ol":
        return "\u2022 "
    start = _attr(parent, "start")
    number = numbers.get(id(parent), int(start) if start.isdigit() else 1)
    numbers[id(parent)] = number + 1
    return f"{number}. "
