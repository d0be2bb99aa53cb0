"""Command-line entry: ``gloss [PATH]``, ``add``, ``analyze``, ``export``, ``import``, ``timeline``.

Every failure a user can cause ends in one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import typing
from collections.abc import Sequence
from datetime import date

from tui import __version__
from tui.cluster.connect import scheduler_address
from tui.errors import GlossError

EXIT_USAGE = 2
SUBCOMMANDS = ("analyze", "export", "import", "add", "timeline")
FLAG_DATE_ORDERS = ("DMY", "MDY")


class _Parser(argparse.ArgumentParser):
    """Refuses bad arguments in one line (``gloss: argument --date: ...``), exit 2."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def iso_day(value: str) -> str:
    """``--date``: a real calendar day written YYYY-MM-DD, checked before anything opens."""
    try:
        date.fromisoformat(value)
    except ValueError:
        valid = False
    else:
        valid = len(value) == 10
    if not valid:
        raise argparse.ArgumentTypeError(f"expects a date YYYY-MM-DD, got {value!r}")
    return value


def date_order(value: str) -> str:
    """``--date-order``: DMY or MDY, in any case."""
    if value.upper() not in FLAG_DATE_ORDERS:
        raise argparse.ArgumentTypeError(f"expects DMY or MDY, got {value!r}")
    return value.upper()


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="notes database (default: user data dir; "
                        "or $GLOSS_DB)")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline package to load")
    parser.add_argument("--date", metavar="YYYY-MM-DD", type=iso_day,
                        help="publication date that relative dates resolve against")
    parser.add_argument("--date-order", metavar="DMY|MDY", type=date_order,
                        help="how to read numeric dates like 6/8")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="gloss", description="Read a news article with its people, places and dates.")
    parser.add_argument("--version", action="version", version=f"gloss {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    analyze = sub.add_parser("analyze", help="print the analysis of an article")
    analyze.add_argument("path", nargs="?", help="article file, or - for stdin")
    out = analyze.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--jsonl", action="store_true",
                     help="read JSON lines {id, text, dct?, date_order?} on stdin")
    analyze.add_argument("--processes", type=int, default=1, metavar="N",
                         help="worker processes for --jsonl")
    analyze.add_argument("--batch-size", type=int, default=16, metavar="N")
    analyze.add_argument("--scheduler", type=scheduler_address, metavar="ADDRESS",
                         help="run --jsonl on a Dask cluster: tcp://host:8786, or local:N for "
                              "N worker processes here (needs gloss[cluster])")
    _common(analyze)

    export = sub.add_parser("export", help="export notes or the timeline")
    export.add_argument("path", nargs="?", help="article file (default: the sample)")
    export.add_argument("--format", "-f", default="md",
                        choices=("md", "json", "csv", "ics", "timelinejs", "timeline-csv"))
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    export.add_argument("--force", action="store_true", help="overwrite an existing file")
    export.add_argument("--all", action="store_true", help="every article in the library: md "
                        "writes one file per article into the folder -o DIR; json and csv "
                        "one file of every note")
    _common(export)

    imp = sub.add_parser("import", help="import W3C Web Annotation JSON")
    imp.add_argument("file")
    _common(imp)

    add = sub.add_parser("add", help="add articles, folders, web pages or feeds to the library")
    add.add_argument("inputs", nargs="+", metavar="PATH|DIR|URL|FEED")
    add.add_argument("--processes", type=int, default=1, metavar="N",
                     help="worker processes for the analysis")
    add.add_argument("--timeout", type=float, default=15.0, metavar="SECONDS",
                     help="give up on a web page that does not answer within this time")
    add.add_argument("--no-analysis", action="store_true",
                     help="only add; the reader analyses each article when opened")
    add.add_argument("--db", metavar="PATH", help="notes database, with the library beside it "
                     "(default: user data dir; or $GLOSS_DB)")
    add.add_argument("--model", metavar="NAME", help="spaCy pipeline package to load")

    from tui.corpus.cli import add_parser as add_timeline

    add_timeline(sub)
    return parser


def build_open_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="gloss", description="Read a news article with its people, places and dates.",
        epilog="Other commands: gloss add | analyze | export | import | timeline  "
               "(gloss COMMAND --help)")
    parser.add_argument("--version", action="version", version=f"gloss {__version__}")
    parser.add_argument("path", nargs="?", help="article (.txt, .md, .html) or - for stdin; "
                        "default: the bundled sample")
    _common(parser)
    return parser


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in SUBCOMMANDS:
        args = build_parser().parse_args(argv)
        if args.command == "analyze":
            from tui.analysis.batch import main_analyze

            return main_analyze(args)
        if args.command == "timeline":
            from tui.corpus.cli import main_timeline

            return main_timeline(args)
        if args.command == "add":
            from tui.library.add import main_add

            return main_add(args)
        if args.command == "export":
            from tui.export.cli import main_export

            return main_export(args)
        from tui.export.cli import main_import

        return main_import(args)
    args = build_open_parser().parse_args(argv)
    from tui.app.run import main_open

    return main_open(args)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _dispatch(list(sys.argv[1:] if argv is None else argv))
    except GlossError as error:
        print(f"gloss: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
