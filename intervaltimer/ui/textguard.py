"""The last guard between the app and the terminal: no control character in any text drawn.

Widgets that show text from files, notes or imports pass it through
`intervaltimer.safetext.display_safe`, which shows an escape as `\\x1b`. This
line filter is the net under them: any control, bidi or surrogate character
left in a drawn line (from a widget that forgot, or from a message quoting a
file name) is dropped there, so it never reaches the terminal. Those
characters take no cell, so dropping them keeps every line's width.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from intervaltimer.safetext import is_line_safe, strip_unsafe


class ControlCharFilter(LineFilter):
    """Drops control, bidi and surrogate characters from the text of every drawn segment."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The segments, with their text made safe; control segments (cursor moves) kept.

        Runs on every line drawn, every frame: a line with nothing to drop (all of them,
        nearly always) costs one regular-expression search and comes back as it was.
        """
        if is_line_safe("".join(segment.text for segment in segments if not segment.control)):
            return segments
        kept: list[Segment] = []
        for segment in segments:
            text = segment.text if segment.control else strip_unsafe(segment.text)
            kept.append(segment if text is segment.text else Segment(text, segment.style))
        return kept
