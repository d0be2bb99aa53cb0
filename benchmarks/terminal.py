"""First paint in a real terminal: the app runs in a detached tmux session whose pane is polled.

The figure includes what headless runs leave out: terminal set-up, escape-sequence output and
tmux's own parsing, so it is a little later than the headless one, for both apps alike.
"""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from collections.abc import Sequence

SIZE = (120, 40)


def available() -> bool:
    return shutil.which("tmux") is not None


class Session:
    """One detached tmux session running ``command`` on a private tmux server (its own socket:
    the program gets our environment, and nobody else's ``kill-server`` ends it); the server
    is closed when the block ends."""

    def __init__(self, command: Sequence[str], env: dict[str, str]) -> None:
        self.name = f"gloss-bench-{uuid.uuid4().hex[:8]}"
        self.started = time.perf_counter()
        subprocess.run(["tmux", "-L", self.name, "-f", "/dev/null", "new-session", "-d",
                        "-s", self.name, "-x", str(SIZE[0]), "-y", str(SIZE[1]), *command],
                       env=env, check=True)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self._tmux("kill-server")

    def _tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.name, *args], capture_output=True, text=True,
                              check=False)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name).stdout

    def alive(self) -> bool:
        return self._tmux("has-session", "-t", self.name).returncode == 0

    def wait_for(self, marker: str, timeout: float) -> float:
        """Seconds from session start until ``marker`` shows on screen (NaN on timeout)."""
        deadline = self.started + timeout
        while time.perf_counter() < deadline:
            if marker in self.screen():
                return time.perf_counter() - self.started
            time.sleep(0.01)
        return float("nan")

    def quit_time(self, key: str, timeout: float) -> float:
        """Seconds from pressing ``key`` until the program has exited (NaN on timeout)."""
        sent = time.perf_counter()
        self._tmux("send-keys", "-t", self.name, key)
        while time.perf_counter() < sent + timeout:
            if not self.alive():
                return time.perf_counter() - sent
            time.sleep(0.02)
        return float("nan")


def marker_for(text: str) -> str:
    """A short phrase near the start of the first line, which both apps show on their first
    screen row whatever they do with the rest of the line."""
    first = next(line for line in text.splitlines() if line.strip())
    words = first.split()
    return " ".join(words[1:4]) if len(words) > 4 else words[0]
