"""The real binary in a real terminal (tmux): it starts, draws the article, obeys keys, quits."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.resources import sample_article

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


SOCKET = f"gloss-smoke-{uuid.uuid4().hex[:8]}"  # a private server: no other tmux is touched


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True,
                          timeout=30).stdout


@pytest.fixture
def session(tmp_path: Path) -> Iterator[str]:
    name = f"gloss-{uuid.uuid4().hex[:8]}"
    # The sample by its path: the reader directly (``gloss`` alone opens the library).
    command = f"{sys.executable} -m tui --db {tmp_path / 'notes.json'} {sample_article()}"
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "36", command)
    tmux("resize-window", "-t", name, "-x", "120", "-y", "36")
    socket = tmux("display-message", "-p", "#{socket_path}").strip()
    yield name
    tmux("kill-server")
    if socket:
        Path(socket).unlink(missing_ok=True)  # tmux leaves the socket file behind


def wait_for(name: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", name)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")


def test_gloss_starts_shows_the_sample_and_quits(session: str) -> None:
    screen = wait_for(session, "good chance")
    assert "VnExpress International" in screen
    assert "\x1b" not in screen
    wait_for(session, "Person 20")  # the analysis arrived: the legend counts the entities
    tmux("send-keys", "-t", session, "?")
    wait_for(session, "Previous paragraph")  # a line only the help screen shows
    tmux("send-keys", "-t", session, "Escape")
    time.sleep(0.5)  # an ESC followed at once by q would read as alt+q
    tmux("send-keys", "-t", session, "q")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and session in tmux("list-sessions"):
        time.sleep(0.2)
    assert session not in tmux("list-sessions")  # the app quit, closing its window
