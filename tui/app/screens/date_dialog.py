"""Change the publication date (DCT) and the reading of numeric dates for one document.

Relative dates ("yesterday", "on Tuesday") resolve against the DCT and ``6/8`` depends on the
date order, so a wrong guess shifts the whole timeline; this dialog lets the reader correct both.
"""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from tui.app.widgets.choice_set import ChoiceSet
from tui.document.controls import one_line

AUTO = "auto"  # no order of the reader's own: the article's or the inferred one applies
ORDERS = (AUTO, "DMY", "MDY")
ORDER_LABELS = {AUTO: "Automatic: the article's own order, or inferred",
                "DMY": "DMY: day first (6/8 = 6 August)", "MDY": "MDY: month first (6/8 = June 8)"}
SOURCES = {
    "metadata": "from the article's metadata", "flag": "from the command line",
    "filename": "from the file name", "inferred": "inferred from the text",
    "assumed": "assumed", "user": "set by you",
}
EXPLAIN = "6/8 reads as 6 August (DMY) or June 8 (MDY)"
HINT = "enter apply · esc cancel · ↑↓ order · ctrl+r all automatic"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

DateChoice = tuple[str | None, str | None]


def parse_dct(value: str) -> str | None:
    """``""`` → ``None`` (automatic); a valid ``YYYY-MM-DD`` → itself; else ``ValueError``."""
    value = value.strip()
    if not value:
        return None
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"Not a date: {value!r}; use YYYY-MM-DD, e.g. 2025-08-07")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"No such day: {value}") from None


class DateDialog(ModalScreen[DateChoice | None]):
    """Returns ``(dct or None, date order or None)``; ``None`` when cancelled.

    ``None`` means "nothing of the reader's own": metadata, flags or inference decide, so
    ``(None, None)`` (``ctrl+r``) takes the document back to automatic. The field starts filled
    and an order starts chosen only when they already are the reader's own.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "Apply"),
        Binding("enter", "apply", "Apply", show=False),
        Binding("ctrl+r", "automatic", "Back to automatic date and order"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, dct: str | None, dct_source: str, date_order: str,
                 date_order_source: str) -> None:
        super().__init__()
        self.dct = dct
        self.dct_source = dct_source
        self.date_order = date_order  # kept as is when no button is pressed (e.g. YMD)
        self.date_order_source = date_order_source
        self.chosen_order = date_order if date_order_source == "user" else AUTO

    def compose(self) -> ComposeResult:
        with Vertical(id="date-dialog", classes="dialog"):
            yield Static(Text("Publication date and date order", style="bold"),
                         classes="dialog-title", markup=False)
            yield Static(self._current(), id="date-current", markup=False)
            yield Input(one_line(self.dct) if self.dct_source == "user" and self.dct else "",
                        placeholder=one_line(f"YYYY-MM-DD (now {self.dct or 'unknown'})"),
                        id="date-input", max_length=10)
            yield Static(id="date-error", classes="dialog-error", markup=False)
            yield Static(Text(EXPLAIN), markup=False)
            with ChoiceSet(id="date-order"):
                for order in ORDERS:
                    yield RadioButton(ORDER_LABELS[order], value=order == self.chosen_order,
                                      id=f"order-{order}")
            yield Static(Text(HINT), classes="dialog-hint", markup=False)

    def _current(self) -> Text:
        text = Text()
        text.append("Published ", style="dim")
        text.append(one_line(self.dct or "unknown"), style="bold")
        text.append(f" ({SOURCES.get(self.dct_source, self.dct_source)})", style="dim")
        text.append("\nNumeric dates ", style="dim")
        text.append(one_line(self.date_order), style="bold")
        text.append(f" ({SOURCES.get(self.date_order_source, self.date_order_source)})",
                    style="dim")
        return text

    def on_mount(self) -> None:
        self.query_one("#date-input", Input).focus()

    @property
    def order(self) -> str | None:
        pressed = self.query_one("#date-order", RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            return self.date_order
        order = pressed.id.removeprefix("order-")
        return None if order == AUTO else order

    def _show_error(self, message: str) -> None:
        error = self.query_one("#date-error", Static)
        error.update(Text(one_line(message)))
        error.display = bool(message)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_error("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def action_apply(self) -> None:
        try:
            dct = parse_dct(self.query_one("#date-input", Input).value)
        except ValueError as error:
            self._show_error(str(error))
            self.query_one("#date-input", Input).focus()
            return
        self.dismiss((dct, self.order))

    def action_automatic(self) -> None:
        self.dismiss((None, None))

    def action_cancel(self) -> None:
        self.dismiss(None)
