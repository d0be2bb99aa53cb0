"""Why an article could not be opened, in one line the user can act on."""

from __future__ import annotations

from typing import Literal

from tui.document.controls import one_line
from tui.errors import GlossError

Problem = Literal[
    "missing", "directory", "permission", "unreadable", "binary", "empty",
    "unsupported", "too-large", "metadata",
]


class DocumentError(GlossError):
    """The article cannot be loaded; ``problem`` says which kind of trouble it is.

    The message is always a single line (control characters and newlines in file names are
    shown as symbols), so the CLI can print it after ``gloss:`` and exit with code 2.
    """

    def __init__(self, message: str, problem: Problem) -> None:
        super().__init__(one_line(message))
        self.problem: Problem = problem
