"""``gloss add``: files, folders, pages and feeds from a local web server; bad inputs cost one
line each and the batch goes on."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.library.pages import BRIDGE, FERRY, MARKET, article_page, rss
from tests.library.server import Site, serve
from tui.cli import main
from tui.library.add import Progress
from tui.store.library import Library


@pytest.fixture
def site() -> Iterator[Site]:
    routes = {
        "/ferry": (200, "text/html; charset=utf-8",
                   article_page("Ferry resumes", FERRY, published="2025-08-06T21:00:00-04:00",
                                canonical="https://harbour.example/ferry")),
        "/bridge": (200, "text/html", article_page("Bridge closed", BRIDGE)),
        "/old-ferry": (301, "text/html", b"/ferry"),
        "/empty": (200, "text/html", b"<html><head><title>Shell</title></head><body>"
                                     b"<nav><a href='/'>Home</a></nav><div id='app'></div>"
                                     b"</body></html>"),
        "/broken": (500, "text/html", b"oops"),
        "/not-a-feed.xml": (200, "application/xml", b"<?xml version='1.0'?><config>"
                                                    b"<item>1</item></config>"),
        "/picture": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    }
    with serve(Site(routes)) as running:
        feed = rss("Harbour Post", [
            {"title": "Bridge closed", "link": running.url("/bridge"),
             "description": "A short teaser about the bridge.",
             "pubDate": "Mon, 04 Aug 2025 20:30:00 -0400"},
            {"title": "Market keeps Sundays",
             "description": "".join(f"<p>{p}</p>" for p in MARKET),
             "pubDate": "Thu, 07 Aug 2025 09:00:00 +0100"},
        ])
        running.routes["/feed.rss"] = (200, "application/rss+xml", feed)
        yield running


def add(tmp_path: Path, *inputs: str, analysis: bool = False) -> int:
    extra = [] if analysis else ["--no-analysis"]
    return main(["add", *inputs, "--db", str(tmp_path / "notes.json"), "--timeout", "2",
                 *extra])


def titles(tmp_path: Path) -> list[str]:
    with Library.open(tmp_path / "notes.json") as library:
        return sorted(a.title for a in library.articles())


def test_a_page_url_is_fetched_extracted_and_kept(tmp_path: Path, site: Site,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert add(tmp_path, site.url("/ferry")) == 0
    assert capsys.readouterr().out == "1 article added.\n"
    with Library.open(tmp_path / "notes.json") as library:
        [article] = library.articles()
        document = library.document(article.id)
    assert article.title == "Ferry resumes"
    assert article.published == "2025-08-06"
    assert article.canonical == "https://harbour.example/ferry"
    assert document is not None and FERRY[1] in document.text
    assert "Share on Facebook" not in document.text


def test_the_same_page_by_a_redirect_is_one_entry(tmp_path: Path, site: Site,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert add(tmp_path, site.url("/ferry"), site.url("/old-ferry")) == 0
    assert capsys.readouterr().out == "1 article added, 1 already in the library.\n"


def test_a_feed_adds_the_linked_page_or_the_entry_content(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str],
) -> None:
    assert add(tmp_path, site.url("/feed.rss")) == 0
    assert capsys.readouterr().out == "2 articles added.\n"
    with Library.open(tmp_path / "notes.json") as library:
        by_title = {a.title: a for a in library.articles()}
        bridge = library.document(by_title["Bridge closed"].id)
        market = library.document(by_title["Market keeps Sundays"].id)
    assert bridge is not None and BRIDGE[1] in bridge.text  # the full page, not the teaser
    assert "teaser" not in bridge.text
    assert market is not None and MARKET[1] in market.text
    assert by_title["Market keeps Sundays"].source == "Harbour Post"
    assert by_title["Market keeps Sundays"].published == "2025-08-07"
    assert by_title["Bridge closed"].published == "2025-08-04"  # the day as written


def test_a_feed_file_on_disk(tmp_path: Path, site: Site) -> None:
    feed = tmp_path / "saved.rss"
    feed.write_bytes(site.routes["/feed.rss"][2])
    assert add(tmp_path, str(feed)) == 0
    assert titles(tmp_path) == ["Bridge closed", "Market keeps Sundays"]


def test_every_bad_input_is_one_line_and_the_rest_goes_on(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "folder"
    (folder / "deeper").mkdir(parents=True)
    (folder / "deeper" / "market.txt").write_text("\n\n".join(MARKET))
    (folder / "photo.txt").write_bytes(b"\x00\x01\x02\xff" * 300)
    (folder / "ferry.md").write_text("# Ferry resumes\n\n" + "\n\n".join(FERRY))
    code = add(tmp_path, site.url("/slow"), site.url("/missing"), site.url("/broken"),
               site.url("/not-a-feed.xml"), site.url("/empty"), site.url("/picture"),
               str(folder), site.url("/bridge"))
    assert code == 1
    captured = capsys.readouterr()
    errors = captured.err.splitlines()
    assert len(errors) == 7, errors
    slow, missing, broken, not_feed, empty, picture, binary = errors
    assert "timed out" in slow
    assert "404" in missing and "500" in broken
    assert "not a feed" in not_feed
    assert "no article text" in empty
    assert "image/png" in picture
    assert "photo.txt" in binary and "binary" in binary
    assert all(line.startswith("gloss: ") for line in errors)
    assert captured.out == "3 articles added, 7 could not be added.\n"
    assert titles(tmp_path) == ["Bridge closed", "Ferry resumes", MARKET[0][:80].strip()]


def test_offline_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert add(tmp_path, "http://127.0.0.1:9/nothing-listens-here") == 1
    assert "cannot connect" in capsys.readouterr().err


def test_a_changed_file_is_added_as_a_new_version(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(FERRY))
    assert add(tmp_path, str(story)) == 0
    story.write_text("\n\n".join([*FERRY, "Update: the first sailing left at 6 a.m."]))
    assert add(tmp_path, str(story)) == 0
    assert capsys.readouterr().out.splitlines()[-1] == \
        "1 article added, 1 of them new versions."
    with Library.open(tmp_path / "notes.json") as library:
        [latest] = library.articles()
        assert latest.previous is not None
        assert len(library.articles(every_version=True)) == 2


def test_bad_options_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", "x.txt", "--processes", "0", "--db", str(tmp_path / "n.json")]) == 2
    assert capsys.readouterr().err == "gloss: --processes must be at least 1, got 0\n"


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr is when a person runs gloss add."""

    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_in_place_and_lines_go_above_it() -> None:
    stream = Terminal()
    progress = Progress(stream)
    progress.show("analysing", 1, 4)
    progress.say("gloss: cannot open x.txt: no such file")
    progress.show("analysing", 4, 4)
    progress.clear()
    out = stream.getvalue()
    assert "[######------------------] 1/4" in out
    assert "\r\x1b[Kgloss: cannot open x.txt: no such file\n" in out
    assert out.endswith("4/4\r\x1b[K")


def test_no_progress_bar_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(stream)
    progress.show("reading", 3)
    progress.say("gloss: one line")
    assert stream.getvalue() == "gloss: one line\n"
