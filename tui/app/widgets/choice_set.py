"""A radio set where the arrow keys choose at once, leaving Enter free to confirm a dialog."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import RadioButton, RadioSet


class ChoiceSet(RadioSet, inherit_bindings=False):
    """One of a few options; the pressed button is the choice and the arrows move it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose(1)", "Next choice", show=False),
        Binding("up,left", "choose(-1)", "Previous choice", show=False),
    ]

    def action_choose(self, step: int) -> None:
        buttons = [button for button in self.query(RadioButton) if not button.disabled]
        if not buttons:
            return
        # with nothing chosen yet, start from the end the arrow points away from
        start = -1 if step > 0 else len(buttons)
        pressed = self.pressed_button
        current = buttons.index(pressed) if pressed in buttons else start
        buttons[(current + step) % len(buttons)].value = True
