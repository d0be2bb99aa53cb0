"""A radio set where the arrow keys and digits choose at once, leaving Enter free to confirm.

Digits are keys every terminal sends as they are, unlike ``alt+digit`` (sent as an ESC
prefix, or as another character such as ``¡``), so a focused set is the portable shortcut.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import RadioButton, RadioSet


class Choice(RadioButton):
    """A radio button drawn as its bare marker, for sets laid out several to a row."""

    BUTTON_LEFT = ""
    BUTTON_RIGHT = ""


class ChoiceSet(RadioSet, inherit_bindings=False):
    """One of a few options; the pressed button is the choice and the arrows move it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose(1)", "Next choice", show=False),
        Binding("up,left", "choose(-1)", "Previous choice", show=False),
        *(Binding(str(n), f"choose_number({n})", f"Choice {n}", show=False)
          for n in range(1, 10)),
    ]

    class Numbered(Message):
        """A digit made the choice: a parent that lent focus for one key may take it back."""

    _latest: RadioButton | None = None  # chosen by a key, before the set has heard of it

    @property
    def chosen(self) -> RadioButton | None:
        """The choice as of the last key handled (``pressed_button`` waits for a message)."""
        if self._latest is not None and self._latest.value:
            return self._latest
        return self.pressed_button

    def _choose(self, button: RadioButton) -> None:
        self._latest = button
        button.value = True

    def _choices(self) -> list[RadioButton]:
        return [button for button in self.query(RadioButton) if not button.disabled]

    def action_choose_number(self, number: int) -> None:
        """The n-th choice, counted from 1 as the labels show it."""
        buttons = self._choices()
        if number <= len(buttons):
            self._choose(buttons[number - 1])
            self.post_message(self.Numbered())

    def action_choose(self, step: int) -> None:
        buttons = self._choices()
        if not buttons:
            return
        # with nothing chosen yet, start from the end the arrow points away from
        start = -1 if step > 0 else len(buttons)
        pressed = self.chosen
        current = buttons.index(pressed) if pressed in buttons else start
        self._choose(buttons[(current + step) % len(buttons)])
