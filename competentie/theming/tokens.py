"""The design tokens an organisation may set, their defaults, and the rules they must meet.

Colours are hexadecimal (#rrggbb); fonts come from an allow-list of font stacks that need no
download (the application loads nothing from elsewhere). Every pair of colours that is read as text
on a background must reach WCAG's 4.5:1 (success criterion 1.4.3): the main colour on the white page
(links) and white on the main colour (buttons), the header's text on its background.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MIN_CONTRAST = 4.5
WHITE = "#ffffff"
HEX_COLOUR = re.compile(r"^#[0-9a-f]{6}$")

# key: (label, CSS font stack). Each stack ends in fonts found on Linux servers (DejaVu, Liberation),
# so a PDF made by WeasyPrint shows the chosen kind of letter too.
FONT_STACKS = {
    "systeem": (
        _("Standaard van het apparaat (schreefloos)"),
        'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif',
    ),
    "arial": (_("Arial (schreefloos)"), 'Arial, "Helvetica Neue", Helvetica, "Liberation Sans", sans-serif'),
    "verdana": (_("Verdana (schreefloos, breed)"), 'Verdana, "DejaVu Sans", Geneva, sans-serif'),
    "noto-sans": (_("Noto Sans (schreefloos)"), '"Noto Sans", "Open Sans", "DejaVu Sans", Arial, sans-serif'),
    "georgia": (_("Georgia (met schreef)"), 'Georgia, "DejaVu Serif", "Times New Roman", serif'),
    "noto-serif": (_("Noto Serif (met schreef)"), '"Noto Serif", Georgia, "DejaVu Serif", serif'),
}
FONT_CHOICES = [(key, label) for key, (label, _stack) in FONT_STACKS.items()]


@dataclass(frozen=True)
class Tokens:
    """One organisation's tokens (or the defaults), ready for CSS."""

    primary_color: str = "#0b5394"
    header_background_color: str = "#f4f7fb"
    header_text_color: str = "#212529"
    font: str = "systeem"
    heading_font: str = "systeem"

    @property
    def primary_hover_color(self) -> str:
        return shade(self.primary_color, 0.3)

    @property
    def primary_active_color(self) -> str:
        return shade(self.primary_color, 0.45)

    @property
    def font_stack(self) -> str:
        return FONT_STACKS.get(self.font, FONT_STACKS["systeem"])[1]

    @property
    def heading_font_stack(self) -> str:
        return FONT_STACKS.get(self.heading_font, FONT_STACKS["systeem"])[1]

    def css_properties(self) -> dict[str, str]:
        """Our own custom properties; static/css/nlds.css maps them onto NL Design System tokens."""
        return {
            "--competentie-color-primary": self.primary_color,
            "--competentie-color-primary-rgb": ", ".join(
                str(int(self.primary_color[i : i + 2], 16)) for i in (1, 3, 5)
            ),
            "--competentie-color-primary-hover": self.primary_hover_color,
            "--competentie-color-primary-active": self.primary_active_color,
            "--competentie-color-header-background": self.header_background_color,
            "--competentie-color-header-text": self.header_text_color,
            "--competentie-font-family": self.font_stack,
            "--competentie-heading-font-family": self.heading_font_stack,
        }


DEFAULT = Tokens()


def _channel(value: int) -> float:
    value = value / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.1)."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def shade(colour: str, amount: float) -> str:
    """The colour mixed with black (hover and pressed buttons): only ever more contrast with white."""
    channels = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return "#" + "".join(f"{round(channel * (1 - amount)):02x}" for channel in channels)


def normalise_colour(value: str) -> str | None:
    """'#ABC' or '#AABBCC' (any case) as '#aabbcc'; None for anything else."""
    value = (value or "").strip().lower()
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(character * 2 for character in value[1:])
    return value if HEX_COLOUR.fullmatch(value) else None


def format_ratio(ratio: float) -> str:
    """4.25 → '4,2' (floored, so a ratio just under the limit never reads as 4,5)."""
    return f"{int(ratio * 10) / 10:.1f}".replace(".", ",")
