"""A QR code drawn in the terminal: two modules a cell with half blocks, black on white.

The colours are set explicitly, whatever the terminal's theme: a phone's
camera reads dark modules on a light ground, with a quiet zone around them.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

UPPER = "▀"  # the cell's top half in the foreground colour, the bottom half in the background
DARK = "#000000"
LIGHT = "#ffffff"
QUIET_ZONE = 2  # modules of light around the code (scanners read 2 well on a screen)


def qr_modules(data: str, border: int = QUIET_ZONE) -> list[list[bool]]:
    """The QR code of `data` as rows of modules (True: dark), its quiet zone included."""
    import segno

    code = segno.make(data, micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(border=border)]


def half_blocks(modules: list[list[bool]]) -> Text:
    """`modules` drawn two rows to a line of text, each cell `▀` in the top module's colour
    on the bottom module's."""
    text = Text(no_wrap=True, overflow="crop")
    width = len(modules[0]) if modules else 0
    for top in range(0, len(modules), 2):
        upper = modules[top]
        lower = modules[top + 1] if top + 1 < len(modules) else [False] * width
        for dark_up, dark_down in zip(upper, lower, strict=True):
            text.append(UPPER, Style(color=DARK if dark_up else LIGHT,
                                     bgcolor=DARK if dark_down else LIGHT))
        if top + 2 < len(modules):
            text.append("\n")
    return text


class QrCode(Widget):
    """The QR code of `data`, sized to fit it exactly (one cell a module wide, two high)."""

    DEFAULT_CSS = """
    QrCode { width: auto; height: auto; }
    """

    def __init__(self, data: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.data = data
        self.modules = qr_modules(data)

    def render(self) -> Text:
        """The code as half blocks."""
        return half_blocks(self.modules)

    def get_content_width(self, container: object, viewport: object) -> int:
        """One cell per module."""
        return len(self.modules[0]) if self.modules else 0

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """Two modules per line."""
        return (len(self.modules) + 1) // 2
