"""Help (``?`` / F1), generated from the bindings so it can never disagree with them.

Keys are shown as a reader types them (``'``, ``]``, ``ctrl+s``), in a column of their own,
so a long key list never runs into its description.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

# Where Textual's display name is not what is printed on the key.
KEY_NAMES = {"enter": "enter", "escape": "esc", "pagedown": "PgDn", "pageup": "PgUp",
             "delete": "Del", "space": "space", "tab": "tab"}
FOOTNOTE = ("Mouse: scroll, click to move the cursor, drag to select; click a legend chip to "
            "toggle it. ctrl+p opens the command palette (every action, themes, screenshots).")


def key_label(key: str) -> str:
    """``right_square_bracket`` → ``]``, ``ctrl+pagedown`` → ``ctrl+PgDn``."""
    *modifiers, name = key.split("+") if key != "+" else [key]
    return "+".join([*modifiers, KEY_NAMES.get(name) or format_key(name)])


def _bindings(source: Iterable[BindingType]) -> list[Binding]:
    return [b for b in source if isinstance(b, Binding) and b.description]


def help_table(sections: Iterable[tuple[str, Iterable[BindingType]]]) -> Table:
    """One row per binding (keys for one action share a row) under section titles.

    Cells are ``Text`` built from plain strings: nothing here is read as markup.
    """
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    first = True
    for title, bindings in sections:
        rows = _bindings(bindings)
        if not rows:
            continue
        if not first:
            table.add_row("", "")
        first = False
        table.add_row(Text(title, style="bold underline"), "")
        for binding in rows:
            keys = ", ".join(key_label(k.strip()) for k in binding.key.split(","))
            table.add_row(Text(keys, style="bold"), Text(binding.description))
    return table


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it applies; scrolls with the reader's own keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
        Binding("space,pagedown,ctrl+f", "scroll('page_down')", "Page down", show=False),
        Binding("pageup,ctrl+b,shift+space", "scroll('page_up')", "Page up", show=False),
        Binding("g,home", "scroll('home')", "Top", show=False),
        Binding("G,end", "scroll('end')", "Bottom", show=False),
    ]

    def __init__(self, sections: Sequence[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(help_table(self.sections), id="help-keys", markup=False)
            yield Static(Text(FOOTNOTE, style="dim"), id="help-footnote", markup=False)

    def action_scroll(self, where: str) -> None:
        """Move at once, so keys pressed in a row (``g`` then ``j``) add up in order."""
        body = self.query_one("#help-body", VerticalScroll)
        page = max(1, body.scrollable_content_region.height - 1)
        y = {"down": body.scroll_y + 1, "up": body.scroll_y - 1, "page_down": body.scroll_y + page,
             "page_up": body.scroll_y - page, "home": 0, "end": body.max_scroll_y}[where]
        body.scroll_to(y=max(0, min(y, body.max_scroll_y)), animate=False, immediate=True)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
