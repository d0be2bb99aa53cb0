"""Help (``?`` / F1), generated from the bindings so it can never disagree with them."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def _bindings(source: Iterable[BindingType]) -> list[Binding]:
    return [b for b in source if isinstance(b, Binding) and b.description]


def help_text(sections: Iterable[tuple[str, Iterable[BindingType]]],
              key_display: dict[str, str] | None = None) -> Text:
    """Group key → description lines under section titles; keys with one action share a line."""
    names = key_display or {}
    text = Text()
    for title, bindings in sections:
        rows = _bindings(bindings)
        if not rows:
            continue
        text.append(f"{title}\n", style="bold underline")
        for binding in rows:
            keys = " ".join(names.get(k, k) for k in binding.key.split(","))
            text.append(f"  {keys:<22}", style="bold")
            text.append(f"{binding.description}\n")
        text.append("\n")
    text.append("Mouse: scroll, click to move the cursor, drag to select; "
                "click a legend chip to toggle it.\nctrl+p opens the command palette "
                "(every action, themes, screenshots).", style="dim")
    return text


KEY_NAMES = {
    "left_parenthesis": "(", "right_parenthesis": ")", "left_curly_bracket": "{",
    "right_curly_bracket": "}", "question_mark": "?", "slash": "/", "space": "space",
    "left_square_bracket": "[", "right_square_bracket": "]", "greater_than_sign": ">",
    "less_than_sign": "<", "pagedown": "PgDn", "pageup": "PgUp",
}


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it applies."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close help")]

    def __init__(self, sections: list[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(help_text(self.sections, KEY_NAMES), markup=False)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
