"""``gloss timeline --jsonl``: entity timelines across a corpus, one JSON line per entity.

Input lines are those of ``gloss analyze --jsonl`` and go through the same reading and
analysis (``batch.results``, or its worker processes), so both commands read a corpus alike;
the cast and the entity timelines are then built over all the analyses. A bad input line is
reported on stderr (one line each) and costs only its own article; the exit code is then 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from tui.analysis.model import Analysis
from tui.corpus.cast import Cast, LibraryEntity
from tui.corpus.story import ranks, tellings
from tui.errors import GlossError

EXIT_BAD_LINES = 1


def add_parser(sub: Any) -> None:
    """The ``timeline`` subcommand's arguments (``sub`` is argparse's subparsers action)."""
    from tui.cli import date_order, iso_day

    timeline = sub.add_parser("timeline", help="entity timelines across articles (JSON lines)")
    source = timeline.add_mutually_exclusive_group(required=True)
    source.add_argument("--jsonl", action="store_true",
                        help="read JSON lines {id, text, dct?, date_order?} on stdin")
    source.add_argument("--story", metavar="FILTER",
                        help="the story of the library's articles matching FILTER (as the "
                             "library's filter line: tag:x, entity:\"Name\", words)")
    timeline.add_argument("--format", choices=("md", "ics", "timelinejs", "csv"), default="md",
                          help="with --story: the file format (default md)")
    timeline.add_argument("-o", "--output", metavar="FILE", help="with --story: write FILE")
    timeline.add_argument("--force", action="store_true",
                          help="with --story: replace an existing FILE")
    timeline.add_argument("--db", metavar="PATH",
                          help="with --story: notes database, with the library beside it")
    timeline.add_argument("--entity", action="append", default=[], metavar="NAME",
                          help="only this entity (name or alias); repeat for more, in order")
    timeline.add_argument("--processes", type=int, default=1, metavar="N",
                          help="worker processes for the analysis")
    timeline.add_argument("--batch-size", type=int, default=16, metavar="N")
    timeline.add_argument("--model", metavar="NAME", help="spaCy pipeline package to load")
    timeline.add_argument("--date", metavar="YYYY-MM-DD", type=iso_day,
                          help="publication date for lines without a dct")
    timeline.add_argument("--date-order", metavar="DMY|MDY", type=date_order,
                          help="how to read numeric dates like 6/8")


def main_timeline(args: argparse.Namespace) -> int:
    """Entry for ``gloss timeline``; user errors raise ``GlossError`` (one line, exit 2)."""
    if args.story is not None:  # the library's articles, not a corpus on stdin
        from tui.library.story_cli import main_story

        return main_story(args)
    if args.processes < 1:
        raise GlossError(f"--processes must be at least 1, got {args.processes}")
    if args.batch_size < 1:
        raise GlossError(f"--batch-size must be at least 1, got {args.batch_size}")
    from tui.analysis.batch import _load
    from tui.analysis.progress_bar import ProgressBar

    with ProgressBar(sys.stderr) as progress:
        nlp = _load(args.model, progress)
    analyses: list[Analysis] = []
    given: dict[str, str | int] = {}  # an integer id is written back as an integer
    bad = 0
    for record in _analysed(nlp, args):
        if "error" in record:
            print(f"gloss: {record['error']}", file=sys.stderr)
            bad += 1
            continue
        ident = record.pop("id")
        record["doc_id"] = str(ident)
        given[record["doc_id"]] = ident
        analyses.append(Analysis.from_json(record))
    cast = Cast()
    for analysis in analyses:
        cast.add(analysis)
    try:
        for line in timeline_records(cast, args.entity, given):
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_BAD_LINES if bad else 0


def _analysed(nlp: Any, args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """The ``analyze --jsonl`` record of every input line, in input order."""
    from tui.analysis.jsonl import numbered_lines, results

    lines = numbered_lines(sys.stdin.buffer)
    if args.processes == 1:
        out = results(nlp, lines, batch_size=args.batch_size, dct_flag=args.date,
                      date_order_flag=args.date_order)
    else:
        from tui.analysis.batch_workers import pooled_results

        out = pooled_results(nlp, lines, processes=args.processes, batch_size=args.batch_size,
                             dct_flag=args.date, date_order_flag=args.date_order)
    for text in out:
        record: dict[str, Any] = json.loads(text)
        yield record


def find_entity(cast: Cast, name: str) -> LibraryEntity | None:
    """The entity a user means by ``name``: by name or alias; failing that, the entity with
    the longest name written inside ``name`` word for word ("Apple Corps" for "the Beatles'
    Apple Corps"), the most mentioned first."""
    found = cast.find(name)
    if found is not None:
        return found
    wanted = f" {_words(name)} "
    inside = [e for e in cast.entities().values()
              if any(f" {_words(a)} " in wanted for a in e.aliases if _words(a))]
    if not inside:
        return None
    return max(inside, key=lambda e: (max(len(_words(a)) for a in e.aliases
                                          if f" {_words(a)} " in wanted), e.mentions))


def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def timeline_records(cast: Cast, names: Sequence[str] = (),
                     ids: Mapping[str, str | int] | None = None) -> Iterator[dict[str, Any]]:
    """One contract record per entity: those ``names`` in order (an unknown one gets an empty
    record under its name), else every entity, the most mentioned first."""
    if names:
        for name in names:
            entity = find_entity(cast, name)
            yield entity_record(cast, entity, name, ids) if entity else {
                "entity": name, "label": None, "aliases": [], "mentions": [], "events": []}
        return
    for entity in sorted(cast.entities().values(), key=lambda e: (-e.mentions, e.id)):
        yield entity_record(cast, entity, entity.name, ids)


def entity_record(cast: Cast, entity: LibraryEntity, name: str,
                  ids: Mapping[str, str | int] | None = None) -> dict[str, Any]:
    """``{"entity", "label", "aliases", "mentions", "events"}`` as README documents it;
    ``ids`` gives each doc id as the input wrote it."""
    given = ids or {}
    told = tellings(cast, entity=entity.id)
    orders = ranks([t.event.anchor for t, _ in told])
    entities = cast.entities()
    events = []
    for (telling, who), order in zip(told, orders, strict=True):
        event = telling.event
        events.append({"doc": given.get(telling.doc, telling.doc), "start": event.start,
                       "end": event.end, "text": event.text, "anchor": event.anchor, "order": order,
                       "participants": [entities[p].name for p in who]})
    events.sort(key=lambda e: (e["order"] == 0, e["order"], str(e["doc"]), e["start"]))
    return {"entity": name, "label": entity.label,
            "aliases": list(dict.fromkeys([entity.name, *entity.aliases])),
            "mentions": [[given.get(doc, doc), a, b] for doc, a, b in cast.mentions(entity.id)],
            "events": events}
