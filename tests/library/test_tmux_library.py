"""The library in a real terminal: ``gloss add`` three files, ``gloss`` lists four articles
(the sample and the three), ``/`` finds a word from one of them, Enter opens it, esc comes back."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ARTICLES = {
    "harbour.txt": "Harbour dredging begins\n\nContractors began dredging the silted harbour "
                   "at Port Ellery on Monday, the council said.\n",
    "orchard.txt": "Frost threatens orchards\n\nGrowers in the Vale of Tarrant warned on Tuesday "
                   "that a late frost could destroy the blossom. Farmers plan to light smudge "
                   "pots across the valley.\n",
    "library.txt": "City library reopens\n\nThe central library in Marrowgate reopened on "
                   "Saturday, eighteen months after a flood.\n",
}


class Terminal:
    """A tmux server of its own (private socket), so it runs with this test's environment."""

    def __init__(self) -> None:
        self.socket = f"gloss-lib-{uuid.uuid4().hex[:8]}"

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=30).stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "gloss", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "gloss")

    def wait_for(self, text: str, seconds: float = 90) -> str:
        deadline = time.monotonic() + seconds
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")

    def running(self) -> bool:
        return "gloss" in self.tmux("list-sessions", "-F", "#{session_name}")


@pytest.fixture
def library_db(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "notes.json"
    added = subprocess.run([sys.executable, "-m", "tui", "add", "--db", str(db), str(folder)],
                           capture_output=True, text=True, timeout=300)
    assert added.returncode == 0, added.stderr
    assert "3 articles added" in added.stderr + added.stdout
    return db


@pytest.fixture
def terminal(library_db: Path) -> Iterator[Terminal]:
    terminal = Terminal()
    terminal.tmux("new-session", "-d", "-s", "gloss", "-x", "100", "-y", "30",
                  f"{sys.executable} -m tui --db {library_db}")
    terminal.tmux("resize-window", "-t", "gloss", "-x", "100", "-y", "30")
    socket = terminal.tmux("display-message", "-p", "#{socket_path}").strip()
    yield terminal
    terminal.tmux("kill-server")
    if socket:
        Path(socket).unlink(missing_ok=True)  # tmux leaves the socket file behind


def test_add_three_then_list_search_open_and_come_back(terminal: Terminal) -> None:
    terminal.wait_for("4 articles")
    for title in ("Harbour dredging", "Frost threatens", "City library", "Trump says"):
        terminal.wait_for(title)  # the rows are drawn once the list has them (titles may be cut)
    terminal.keys("/")
    terminal.keys("-l", "smudge")  # typed at once after /: every key reaches the filter
    terminal.wait_for("1 hit")
    terminal.keys("Enter")  # from the filter line to the hits
    terminal.wait_for("q Quit")  # the footer shows the letter keys again: the filter let go
    terminal.keys("Enter")  # open the hit
    screen = terminal.wait_for("Line ")  # the reader's status line
    assert "Frost threatens orchards" in screen and "Filter:" not in screen
    terminal.keys("Escape")
    screen = terminal.wait_for("1 article")
    assert "smudge" in screen  # the library as it was left: the search and its hit
    assert "\x1b" not in screen
    terminal.keys("Escape")  # from the hits list: esc is not bound there, so nothing happens
    time.sleep(0.5)  # an ESC followed at once by q would read as alt+q
    terminal.keys("q")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and terminal.running():
        time.sleep(0.2)
    assert not terminal.running()  # q in the library quits
