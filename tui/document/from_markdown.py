"""Markdown to pieces: the prose, headings as headings, emphasis and link markup dropped.

Parsed with markdown-it (CommonMark plus tables), never with ad-hoc regexes, so code spans,
escapes and nested emphasis come out as the author meant. Within a paragraph, lines that are
only a picture or end in a table cell stay separate lines, so the cleaner can turn the
picture's caption into a caption block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.document.pieces import Piece

_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_FRONT_KEYS = {"title": "title", "date": "published", "published": "published",
               "author": "author", "source": "source", "url": "url"}
_PICTURE_LINE = re.compile(r"^[\s|]*$")


@dataclass
class MarkdownArticle:
    pieces: list[Piece]
    fields: dict[str, str] = field(default_factory=dict)  # from front matter
    title: str | None = None  # the first level-1 heading


def markdown_pieces(text: str) -> MarkdownArticle:
    """Parse Markdown (``\\n`` newlines) into pieces, front-matter fields and a title."""
    fields: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front is not None:
        fields = _front_matter(front["body"])
        text = text[front.end():]
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    article = MarkdownArticle([], fields)
    kind, level, prefix = "paragraph", 0, ""
    row: list[str] = []
    for token in parser.parse(text):
        if token.type == "heading_open":
            kind, level = "heading", int(token.tag[1:])
        elif token.type in ("th_open", "td_open"):
            kind = "cell"
        elif token.type == "paragraph_open":
            kind = "paragraph"
        elif token.type == "list_item_open":
            prefix = f"{token.info}{token.markup} " if token.info else "\u2022 "
        elif token.type == "inline":
            lines = _inline_lines(token.children or [])
            if kind == "cell":
                row.append(" ".join(" ".join(line.text for line in lines).split()))
            elif kind == "heading":
                title = " ".join(" ".join(line.text for line in lines).split())
                article.pieces.append(Piece(title, "heading"))
                if level == 1 and article.title is None:
                    article.title = title
            else:
                article.pieces.extend(_paragraph_pieces(lines, prefix))
                prefix = ""
        elif token.type == "tr_close":
            if any(row):
                article.pieces.append(Piece(" | ".join(row)))
            row = []
        elif token.type in ("fence", "code_block"):
            article.pieces.extend(Piece(line) for line in token.content.split("\n") if line)
        elif token.type == "html_block":
            words = BeautifulSoup(token.content, "html.parser").get_text(" ", strip=True)
            if words:
                article.pieces.append(Piece(words))
    return article


@dataclass
class _Line:
    text: str = ""
    pictures: int = 0


def _inline_lines(children: list[Token]) -> list[_Line]:
    """Inline tokens as lines of plain text, counting the pictures on each line."""
    lines = [_Line()]
    for child in children:
        if child.type in ("text", "code_inline"):
            lines[-1].text += child.content
        elif child.type in ("softbreak", "hardbreak"):
            lines.append(_Line())
        elif child.type == "image":
            lines[-1].pictures += 1
    return lines


def _paragraph_pieces(lines: list[_Line], prefix: str) -> list[Piece]:
    """Join a paragraph's lines, except picture lines and lines ending in a table cell."""
    pieces: list[Piece] = []
    prose: list[str] = []

    def flush() -> None:
        if prose:
            pieces.append(Piece(" ".join(prose) if pieces else prefix + " ".join(prose)))
            prose.clear()

    for line in lines:
        text = line.text.strip()
        if line.pictures and _PICTURE_LINE.match(text):
            flush()
            pieces.append(Piece("", "image"))
        elif text.endswith("|"):
            flush()
            pieces.append(Piece(text))
        elif text:
            prose.append(text)
    flush()
    return pieces


def _front_matter(body: str) -> dict[str, str]:
    """The simple ``key: value`` lines of a YAML front-matter block that Gloss understands."""
    fields: dict[str, str] = {}
    for line in body.split("\n"):
        key, sep, value = line.partition(":")
        target = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if sep and target and value and target not in fields:
            fields[target] = value
    return fields
