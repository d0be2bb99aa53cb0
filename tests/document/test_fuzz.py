"""Seeded fuzzing of the loader and the command line: hostile articles (random bytes, odd
encodings, escapes, deep nesting, giant lines, punctuation runs, broken sidecars) either load
into a safe document or are refused in one line, never with a traceback.

The suite runs a few hundred cases; a longer run, with analysis of every article that loads:
    GLOSS_FUZZ_COUNT=3000 [GLOSS_FUZZ_ANALYSE=1] [GLOSS_FUZZ_SCALE=1] [GLOSS_FUZZ_SEED=n] \
        pytest -q tests/document/test_fuzz.py -s
"""

from __future__ import annotations

import json
import os
import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.cli import main
from tui.document.controls import has_controls
from tui.document.errors import DocumentError
from tui.document.load import load_document
from tui.document.model import Document
from tui.store.db import Store

COUNT = int(os.environ.get("GLOSS_FUZZ_COUNT", "200"))
SEED = int(os.environ.get("GLOSS_FUZZ_SEED", "20261202"))
ANALYSE = os.environ.get("GLOSS_FUZZ_ANALYSE") == "1"
# The long run also tries longer inputs (GLOSS_FUZZ_SCALE=1 keeps them short).
SCALE = int(os.environ.get("GLOSS_FUZZ_SCALE", "10" if COUNT > 1000 else "1"))

WORDS = ("The", "mayor", "Ana", "Lima", "said", "on", "Tuesday", "6/8", "2025-08-07", "Paris",
         "Reuters", "By", "Jane", "Doe", "Photo:", "AFP", "|", "![x](y)", "#", "*", "`", "---",
         "&amp;", "&#27;", "<p>", "</div>", "<script>", "e\u0301", "\u201cquoted\u201d", "\ufeff")
ESCAPES = ("\x1b]52;c;bm90ZXB3bmVk\x07", "\x1b]0;TITLE\x07", "\x1b[2J", "\x1b[31m", "\x9b1m",
           "\x07", "\x00", "\x7f", "\x85", "\u2028", "\u202e", "\r", "\x0c", "\x1bP+q\x1b\\")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252",
             "shift_jis", "koi8-r", "gb18030")
SUFFIXES = (".txt", ".md", ".html", ".htm", "", ".text", ".markdown", ".pdf", ".TXT")


def prose(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.08:
            parts.append(rng.choice(ESCAPES))
        elif roll < 0.12:
            parts.append(rng.choice(("\n", "\n\n", "\r\n", "\t", "  ")))
        else:
            parts.append(rng.choice(WORDS) + " ")
    return "".join(parts)


def random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randint(0, 3000 * SCALE))


def encoded(rng: random.Random) -> bytes:
    return prose(rng, rng.randint(1, 400 * SCALE)).encode(rng.choice(ENCODINGS), "replace")


def escapes(rng: random.Random) -> bytes:
    text = "".join(rng.choice(ESCAPES) + chr(rng.randint(0, 0x2FF)) for _ in range(300))
    return text.encode("utf-8", "surrogatepass")


def giant_line(rng: random.Random) -> bytes:
    alphabet = rng.choice(("abcdefgh", "漢字かな", "a.b/c-d", "0123456789"))
    line = "".join(rng.choices(alphabet, k=rng.randint(5_000, 60_000 * SCALE)))
    return f"Headline\n\n{prose(rng, 30)}\n{line}\n{prose(rng, 30)}".encode()


def punctuation_run(rng: random.Random) -> bytes:
    run = rng.choice("[]*=_$'(.-<>|#`~") * rng.randint(300, 20_000 * SCALE)
    return f"{prose(rng, 40)} {run} {prose(rng, 40)}".encode()


def nested_html(rng: random.Random) -> bytes:
    depth = rng.choice((50, 500, 20_000 if SCALE > 1 else 1_500))
    tag = rng.choice(("div", "b", "blockquote", "ul><li", "table><tr><td"))
    close = "</" + tag.split("><")[0] + ">"
    return (f"<html><head><title>{prose(rng, 5)}</title></head><body>"
            + f"<{tag}>" * depth + prose(rng, 20) + close * (depth // 2)).encode()


def nested_markdown(rng: random.Random) -> bytes:
    depth = rng.choice((50, 1_000, 5_000 * SCALE))
    kind = rng.choice(("> ", "- ", "  - ", "1. ", "#", "[", "*"))
    return (kind * depth + prose(rng, 30) + "\n\n" + prose(rng, 30)).encode()


def html_page(rng: random.Random) -> bytes:
    body = "".join(f"<p>{prose(rng, rng.randint(1, 40))}</p>" for _ in range(rng.randint(0, 12)))
    meta = rng.choice(('<meta charset="utf-8">', '<meta charset="koi8-r">',
                       '<meta charset="x-no-such">', ""))
    return (f"<!doctype html><html><head>{meta}<title>{prose(rng, 4)}</title>"
            f'<meta property="article:published_time" content="{prose(rng, 1)}">'
            f"</head><body><article>{body}</article></body></html>").encode(
                rng.choice(ENCODINGS), "replace")


KINDS: dict[str, Callable[[random.Random], bytes]] = {
    "bytes": random_bytes, "encoding": encoded, "escapes": escapes, "giant line": giant_line,
    "punctuation": punctuation_run, "nested html": nested_html,
    "nested markdown": nested_markdown, "html": html_page,
}


def sidecar(rng: random.Random) -> bytes | None:
    roll = rng.random()
    if roll < 0.5:
        return None
    choices: list[bytes] = [
        json.dumps({"title": prose(rng, 6), "published": "2025-08-07",
                    "sources": [prose(rng, 2)], "date_order": "MDY"}).encode(),
        b'{"title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"published": ' + b"9" * 5000 + b"}",
        b'{"title": "\\ud800\\u001b]0;x\\u0007", "author": 5}',
        rng.randbytes(200),
        b'{"date_order": {"a": []}, "sources": [1, 2]}',
        b"[]",
    ]
    return rng.choice(choices)


def case(rng: random.Random, folder: Path, index: int) -> tuple[str, Path]:
    kind = rng.choice(list(KINDS))
    name = rng.choice(("story", "2025-08-07 news", "evil\x1b]0;t\x07", "a\nb", "[x]"))
    path = folder / f"{index}-{name}{rng.choice(SUFFIXES)}"
    path.write_bytes(KINDS[kind](rng))
    extra = sidecar(rng)
    if extra is not None:
        path.with_name(path.stem + ".meta.json").write_bytes(extra)
    return kind, path


def one_line(message: str) -> bool:
    return "\n" not in message.rstrip("\n") and not has_controls(message)


def check_document(document: Document) -> None:
    assert not has_controls(document.text)
    for block in document.blocks:
        assert 0 <= block.start < block.end <= len(document.text)
    meta = document.meta
    for value in (meta.title, meta.author, meta.source, meta.url, *meta.sources,
                  *meta.warnings):
        assert value is None or one_line(value), value


def test_hostile_articles_load_or_are_refused_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    slowest = (0.0, "")
    nlp = request.getfixturevalue("nlp") if ANALYSE else None
    db = tmp_path / "notes.json"
    Store.open(db).close()  # an existing database: stderr then holds only the article's lines
    for index in range(COUNT):
        folder = tmp_path / str(index % 50)
        folder.mkdir(exist_ok=True)
        kind, path = case(rng, folder, index)
        document: Document | None
        try:
            document = load_document(path)
        except DocumentError as error:
            assert one_line(str(error)), (kind, str(error))
            outcomes["refused"] += 1
            document = None
        else:
            assert document is not None
            check_document(document)
            outcomes["loaded"] += 1
            outcomes["sidecar ignored"] += bool(document.meta.warnings)
        # The command line reads the same file: exit 0 with JSON, or 2 with one line.
        capsys.readouterr()
        code = main(["export", str(path), "--format", "json", "--db", str(db)])
        out, err = capsys.readouterr()
        if document is None:
            assert code == 2 and out == "" and err.startswith("gloss: ")
            assert len(err.splitlines()) == 1 and one_line(err), (kind, err)
        else:
            assert code == 0 and json.loads(out)["type"] == "AnnotationCollection"
            assert len(err.splitlines()) == len(document.meta.warnings), (kind, err)
        if nlp is not None and document is not None:
            from tui.analysis.pipeline import analyze_document

            start = time.perf_counter()
            analysis = analyze_document(document, nlp)
            took = time.perf_counter() - start
            slowest = max(slowest, (took, f"{kind} {len(document.text)} chars"))
            outcomes["analysed"] += 1
            outcomes["analyses over 30 s"] += took > 30
            for entity in analysis.entities:
                assert document.text[entity.start:entity.end] == entity.text
        path.unlink()
        if COUNT > 1000 and index % 250 == 249:
            with capsys.disabled():
                print(f"fuzz: {index + 1} done: {dict(outcomes)}; slowest {slowest}", flush=True)
    print(f"\nfuzz: {COUNT} articles, seed {SEED}: {dict(outcomes)}; "
          f"slowest analysis {slowest[0]:.1f} s ({slowest[1]})")
    assert outcomes["loaded"] and outcomes["refused"]
