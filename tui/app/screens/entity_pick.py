"""Pick another library entity (to merge with): type to narrow the list, Enter to choose."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.corpus.cast import LibraryEntity

SHOWN = 200  # entities listed at once; typing narrows the rest


class EntityPick(ModalScreen[str | None]):
    """Returns the chosen entity's id, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Cancel")]

    def __init__(self, heading: str, entities: Sequence[LibraryEntity]) -> None:
        super().__init__()
        self.heading = heading
        self.entities = sorted(entities, key=lambda e: (-e.mentions, e.name.casefold()))
        self._shown: list[LibraryEntity] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-pick"):
            yield Static(self.heading, markup=False, id="entity-pick-heading")
            yield Input(placeholder="Name or alias", id="entity-pick-filter")
            yield OptionList(id="entity-pick-list")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, words: str) -> None:
        wanted = words.casefold().split()
        self._shown = [e for e in self.entities
                       if all(any(w in a.casefold() for a in e.aliases) for w in wanted)][:SHOWN]
        options = self.query_one(OptionList)
        options.clear_options()
        for entity in self._shown:
            row = Text(entity.name)
            row.append(f"  {entity.label} ×{entity.mentions}", style="dim")
            options.add_option(Option(row))
        if self._shown:
            options.highlighted = 0

    @on(Input.Submitted)
    def _submitted(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and highlighted < len(self._shown):
            self.dismiss(self._shown[highlighted].id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._shown[event.option_index].id)
