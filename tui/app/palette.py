"""Highlight colours that stay readable: blended into the theme, text picked for contrast.

A component class gives a highlight its hue and strength (``background: #56B4E9 35%``), but
Textual's partial rich styles drop the strength and paint the hue solid under the theme's
text. Here each layer's background is blended over the one beneath it, and the text colour
is kept where it reaches WCAG 4.5:1 on the result, in true colour and in the 256-colour
palette, or else moved towards white or black until it does. ANSI colours (the ``ansi-*``
themes) are read through the app's ANSI palette, as Textual itself does when it blends.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual.color import Color
from textual.widget import Widget

MINIMUM_CONTRAST = 4.5  # WCAG AA for body text
WHITE, BLACK = Color(255, 255, 255), Color(0, 0, 0)
_STEPS = 10


def luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def in_256_colours(color: Color) -> Color:
    """What a 256-colour terminal shows for ``color`` (rich's downgrade, xterm palette)."""
    downgraded = RichColor.from_rgb(*color.rgb).downgrade(ColorSystem.EIGHT_BIT)
    return Color(*downgraded.get_truecolor())


def readable(fg: Color, bg: Color, minimum: float = MINIMUM_CONTRAST) -> bool:
    """Whether ``fg`` on ``bg`` reaches ``minimum`` in true colour and in 256 colours."""
    return (contrast(fg, bg) >= minimum
            and contrast(in_256_colours(fg), in_256_colours(bg)) >= minimum)


def readable_text(fg: Color, bg: Color, minimum: float = MINIMUM_CONTRAST) -> Color | None:
    """``fg``, or the least change of it towards white or black that is readable on ``bg``."""
    if readable(fg, bg, minimum):
        return fg
    for target in sorted((WHITE, BLACK), key=lambda t: -contrast(t, bg)):
        for step in range(1, _STEPS + 1):
            candidate = fg.blend(target, step / _STEPS)
            if readable(candidate, bg, minimum):
                return candidate
    return None


def readable_pair(fg: Color, bg: Color, plain: Color,
                  minimum: float = MINIMUM_CONTRAST) -> tuple[Color, Color]:
    """Text and background colours close to ``fg`` on ``bg`` that are readable.

    When no text colour works on ``bg`` (a mid-grey that 256 colours round the other way),
    the background fades towards ``plain``, the unhighlighted background, until one does.
    """
    for step in range(_STEPS + 1):
        faded = bg.blend(plain, step / _STEPS)
        text = readable_text(fg, faded, minimum)
        if text is not None:
            return text, faded
    return (WHITE if contrast(WHITE, plain) > contrast(BLACK, plain) else BLACK), plain


def _solid(color: RichColor | None, theme: TerminalTheme, foreground: bool) -> Color:
    """A rich colour as RGB; terminal defaults and ANSI numbers through ``theme``."""
    if color is None:
        color = RichColor.default()
    return Color(*color.get_truecolor(theme, foreground=foreground))


def _through(color: Color, theme: TerminalTheme, foreground: bool) -> Color:
    """A component colour with its strength; an ANSI colour as ``theme`` shows it."""
    if color.ansi is None:
        return color
    return Color(*color.rich_color.get_truecolor(theme, foreground=foreground), a=color.a)


def layered_style(widget: Widget, base: Style, components: Sequence[str]) -> Style:
    """``base`` with the component classes ``components`` of ``widget`` layered on, readable.

    Backgrounds blend at their stated strength; a text colour is drawn over the background
    it sits on. Layers that change no colour (bold, italic, reverse) leave the theme's own
    colours alone; any that do get an explicit, readable pair.
    """
    theme = widget.app.ansi_theme
    plain_fg = fg = _solid(base.color, theme, foreground=True)
    plain_bg = bg = _solid(base.bgcolor, theme, foreground=False)
    text_style = Style()
    for name in components:
        styles = widget.get_component_styles(name)
        if styles.has_rule("background") and styles.background.a > 0:
            bg = bg + _through(styles.background, theme, foreground=False)
        if styles.has_rule("color") and styles.color.a > 0:
            fg = bg + _through(styles.color, theme, foreground=True)
        text_style += styles.text_style
    if fg == plain_fg and bg == plain_bg:
        return base + text_style
    fg, bg = readable_pair(fg, bg, plain_bg)
    return base + text_style + Style(color=fg.rich_color, bgcolor=bg.rich_color)
