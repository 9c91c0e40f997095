"""The big clock of the run screen: Textual's `Digits`, drawn as large as the space allows.

Textual's `Digits` draws each character in a 3x3 cell grid of box-drawing
lines. Read from two metres away that is small, so when the widget has room
the same glyphs are drawn again at `scale` times the size with solid blocks:
every node of the 3x3 grid and every line between two nodes becomes a filled
bar (vertical bars two columns wide, as terminal cells are twice as tall as
wide). With no room for scale 2, it is plain `Digits`; with no room for that
either, the time in bold text, and with no room for the text, nothing: the
clock is never cut. The same glyphs serve the big numbers under the clock
(widgets/board.py), through `digit_lines`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.app import RenderResult
from textual.renderables.digits import DIGITS, DIGITS3X3_BOLD
from textual.renderables.digits import Digits as DigitsRenderable
from textual.strip import Strip
from textual.widgets import Digits

BLOCK = "█"
# Which way each box-drawing character of the 3x3 font reaches: up, down, left, right.
_ARMS: dict[str, str] = {}
for _chars, _arms in (
    ("━─╌═", "lr"), ("┃│╎║", "ud"), ("┏┌╭", "dr"), ("┓┐╮", "dl"), ("┗└╰", "ur"),
    ("┛┘╯", "ul"), ("┣├", "udr"), ("┫┤", "udl"), ("┳┬", "dlr"), ("┻┴", "ulr"),
    ("╋┼", "udlr"), ("╺╶", "r"), ("╸╴", "l"), ("╻╷", "d"), ("╹╵", "u"),
):
    for _char in _chars:
        _ARMS[_char] = _arms


def glyph_rows(character: str) -> list[str]:
    """The 3 rows of `character` in Textual's bold 3x3 digit font (blank if it has none)."""
    position = DIGITS.find(character)
    if position < 0:
        return ["", "", ""]
    return [DIGITS3X3_BOLD[position * 3 + row].ljust(3)[:3] for row in range(3)]


def strokes(scale: int) -> tuple[int, int]:
    """(rows, columns) of a bar at `scale`: thicker as the digits grow, columns twice rows."""
    rows = max(1, (scale + 2) // 4)
    return rows, 2 * rows


def glyph_width(character: str, scale: int) -> int:
    """Columns taken by `character` drawn at `scale` (with the one-column gap after it)."""
    _, cols = strokes(scale)
    if character == ":":
        return 3 * cols + 1
    if character == ".":
        return 2 * cols + 1
    return 2 * scale + cols + 1


def glyph_height(scale: int) -> int:
    """Rows taken by any character drawn at `scale`."""
    rows, _ = strokes(scale)
    return 2 * scale + rows


def block_glyph(character: str, scale: int) -> list[list[bool]]:
    """`character` as a grid of filled cells, `glyph_height(scale)` rows tall."""
    bar_rows, bar_cols = strokes(scale)
    height = glyph_height(scale)
    width = glyph_width(character, scale)
    cells = [[False] * width for _ in range(height)]

    def fill(top: int, bottom: int, left: int, right: int) -> None:
        for row in range(top, min(bottom, height)):
            for col in range(left, min(right, width)):
                cells[row][col] = True

    if character == ":":
        middle = height // 2
        gap = max(1, scale // 2)
        for top in (middle - gap - bar_rows // 2, middle + gap - bar_rows // 2):
            fill(top, top + bar_rows, bar_cols, 2 * bar_cols)
        return cells
    if character == ".":
        fill(height - bar_rows, height, bar_cols // 2, bar_cols // 2 + bar_cols)
        return cells
    rows = glyph_rows(character)
    for r, line in enumerate(rows):
        for c, char in enumerate(line):
            arms = _ARMS.get(char)
            if arms is None:
                continue
            top, left = r * scale, c * scale
            fill(top, top + bar_rows, left, left + bar_cols)
            if "r" in arms and c < 2:
                fill(top, top + bar_rows, left, left + scale + bar_cols)
            if "d" in arms and r < 2:
                # Down to the node below when it reaches up; else half way (the `+`).
                joined = "u" in _ARMS.get(rows[r + 1][c], "")
                fill(top, top + (scale if joined else scale // 2) + bar_rows, left,
                     left + bar_cols)
            if "u" in arms and r > 0 and "d" not in _ARMS.get(rows[r - 1][c], ""):
                fill(top - scale // 2, top, left, left + bar_cols)
    return cells


def block_lines(text: str, scale: int) -> list[str]:
    """`text` in block digits at `scale`: `glyph_height(scale)` lines of equal width."""
    height = glyph_height(scale)
    if not text:
        return [""] * height
    glyphs = [_glyph_text(character, scale) for character in text]
    width = max(0, sum(len(glyph[0]) for glyph in glyphs) - 1)  # no gap after the last
    return ["".join(glyph[row] for glyph in glyphs)[:width] for row in range(height)]


@lru_cache(maxsize=128)
def _glyph_text(character: str, scale: int) -> tuple[str, ...]:
    """`block_glyph` as lines of text, built once per character and scale (the clock asks
    for the same few characters every second)."""
    return tuple("".join(BLOCK if on else " " for on in row)
                 for row in block_glyph(character, scale))


def text_width(text: str, scale: int) -> int:
    """Columns taken by `text` at `scale` (without the gap after its last glyph)."""
    return sum(glyph_width(character, scale) for character in text) - 1


def best_scale(text: str, width: int, height: int, largest: int = 8) -> int:
    """The largest scale at which `text` fits `width` x `height` cells (1: plain Digits;
    0: not even those fit)."""
    for scale in range(largest, 1, -1):
        if glyph_height(scale) <= height and text_width(text, scale) <= width:
            return scale
    if height >= DIGITS_HEIGHT and DigitsRenderable.get_width(text) <= width:
        return 1
    return 0


DIGITS_HEIGHT = 3  # rows of Textual's own digits (scale 1)


def digits_width(text: str, scale: int) -> int:
    """Columns taken by `text` at `scale` (1: Textual's 3x3 digits, `.` one column)."""
    if scale <= 1:
        return DigitsRenderable.get_width(text.translate(DigitsRenderable.REPLACEMENTS))
    return text_width(text, scale)


def digits_height(scale: int) -> int:
    """Rows taken by digits at `scale`."""
    return DIGITS_HEIGHT if scale <= 1 else glyph_height(scale)


def digit_lines(text: str, scale: int) -> list[str]:
    """`text` as the lines of big digits at `scale`, all `digits_width` wide: Textual's own
    3x3 font at scale 1 (a `.` is a dot on the bottom line, as `Digits` draws it)."""
    if scale >= 2:
        return block_lines(text, scale)
    rows: list[str] = ["", "", ""]
    for character in text.translate(DigitsRenderable.REPLACEMENTS):
        position = DIGITS.find(character)
        if position < 0:
            rows = [rows[0] + " ", rows[1] + " ", rows[2] + character]
            continue
        rows = [row + glyph_rows(character)[n] for n, row in enumerate(rows)]
    return rows


class BigClock(Digits):
    """The time in tall digits (`1:05`), centred, as large as fits; `show()` ignores an
    unchanged value."""

    DEFAULT_CSS: ClassVar[str] = """
    BigClock {
        width: 100%;
        height: 3;
        text-align: center;
        text-style: bold;
    }
    """

    _strips_key: tuple[object, ...] | None = None
    _strips: list[Strip] = []  # replaced whole, never mutated

    @property
    def scale(self) -> int:
        """The scale the clock is drawn at in its present size (1: Textual's own 3x3 digits)."""
        size = self.content_size
        return best_scale(self.value, size.width, size.height)

    def show(self, text: str) -> bool:
        """Show `text`; True when it changed (and so was redrawn)."""
        if text == self.value:
            return False
        self.update(text)
        return True

    def render_line(self, y: int) -> Strip:
        """Line `y` of the content: block digits drawn straight to a strip (the Line API).

        The clock changes every second: building a 14-line `Text` and having Textual wrap
        and format it cost more than the rest of the screen's second together. Each line
        here is one segment, centred, cached per value and size. Smaller scales go through
        `render()` (Textual's own digits, or plain text).
        """
        size = self.content_size
        key = (self.value, size.width, size.height)
        if self._strips_key != key:
            if self.scale < 2:
                return super().render_line(y)
            self._strips_key = key
            self._strips = self._block_strips(size.width, size.height)
        return self._strips[y] if 0 <= y < len(self._strips) else Strip.blank(size.width)

    def notify_style_update(self) -> None:
        """The clock's colours changed (a new phase, a new theme): draw its strips again."""
        self._strips_key = None
        super().notify_style_update()

    def _block_strips(self, width: int, height: int) -> list[Strip]:
        """Every content line of the clock at its scale, centred both ways."""
        style = self.rich_style
        lines = block_lines(self.value, self.scale)
        top = max(0, (height - len(lines)) // 2)
        strips = [Strip.blank(width, style)] * height
        for row, line in enumerate(lines[:max(0, height - top)]):
            left = max(0, (width - len(line)) // 2)
            text = (" " * left + line).ljust(width)[:width]
            strips[top + row] = Strip([Segment(text, style)], width)
        return strips

    def render(self) -> RenderResult:
        """Block digits centred in the widget when there is room for them, else Textual's Digits,
        else the time in bold text; nothing rather than part of it."""
        scale = self.scale
        if scale == 1:
            return super().render()
        if scale < 1:
            fits = len(self.value) <= self.content_size.width
            return Text(self.value if fits else "", style=self.rich_style, end="")
        lines = block_lines(self.value, scale)
        top = [""] * max(0, (self.content_size.height - len(lines)) // 2)
        # Every line is as wide as the others, so centring them (text-align) keeps them in line.
        return Text("\n".join(top + lines), style=self.rich_style, no_wrap=True, end="")
