"""The big numbers under the clock: the last split and its ± target, the next target, the
pacer's next checkpoint, each in big digits with a few small words over it.

The cards come most wanted first (track/readout.py). The board draws all of
them at the largest scale that fits its width and its `max-height` (CSS, set
per terminal size by the run screen), in one row; when even Textual's 3x3
digits cannot hold them all, it drops cards from the end. A card is shown
whole or not at all, so a number is never cut. Its height follows what it
draws (`height: auto`); with no card it takes no room.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.widget import Widget

from intervaltimer.safetext import display_safe
from intervaltimer.track.readout import Card
from intervaltimer.ui.widgets.big_clock import digit_lines, digits_height, digits_width


def gap(scale: int) -> int:
    """Columns between two cards: wider as the digits grow, so two numbers never read as one."""
    return 2 + 2 * max(1, scale)

LARGEST_SCALE = 6
TONES = ("faster", "on", "slower")


def card_width(card: Card, scale: int) -> int:
    """Columns taken by `card` at `scale`: its number or its words, whichever is wider."""
    return max(len(card.label), digits_width(card.value, scale))


def row_width(cards: tuple[Card, ...], scale: int) -> int:
    """Columns taken by `cards` side by side at `scale`."""
    return sum(card_width(card, scale) for card in cards) + gap(scale) * max(0, len(cards) - 1)


def leading(cards: tuple[Card, ...]) -> int:
    """How many cards come before the next rep's target: the numbers about now (the last
    split and its ±, a rep's target and checkpoint)."""
    for n, card in enumerate(cards):
        if card.kind == "next":
            return n
    return len(cards)


def arrange(cards: tuple[Card, ...], width: int, height: int,
            largest: int = LARGEST_SCALE) -> tuple[int, int]:
    """(scale, how many cards) for a board of `width` x `height`; (0, 0) when not one fits.

    The numbers about now (the last split and its ±) are drawn in block digits, as the
    clock is, at the largest scale they fit, with as many of the cards after them (the
    next target) as fit beside at that scale (the next line under the board names it
    anyway). Where even the first ones cannot have block digits, all cards at the
    largest scale that fits, else fewer (dropping from the end).
    """
    lead = leading(cards)
    for scale in range(largest, 1, -1):
        if lead and 1 + digits_height(scale) <= height and row_width(cards[:lead], scale) <= width:
            count = max(n for n in range(lead, len(cards) + 1)
                        if row_width(cards[:n], scale) <= width)
            return scale, count
    for count in range(len(cards), 0, -1):
        shown = cards[:count]
        for scale in range(largest, 0, -1):
            if 1 + digits_height(scale) <= height and row_width(shown, scale) <= width:
                return scale, count
    return 0, 0


class Board(Widget):
    """A row of big numbers with their words; `show()` ignores cards already shown."""

    DEFAULT_CSS: ClassVar[str] = """
    Board {
        height: auto;
        width: 100%;
        text-align: center;
    }
    Board > .board--label { color: $text-muted; }
    Board > .board--number { color: $text; text-style: bold; }
    Board > .board--faster { color: $text-success; text-style: bold; }
    Board > .board--on { color: $text-success; text-style: bold; }
    Board > .board--slower { color: $text-error; text-style: bold; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "board--label", "board--number", "board--faster", "board--on", "board--slower"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._cards: tuple[Card, ...] = ()

    @property
    def cards(self) -> tuple[Card, ...]:
        """All the cards given, most wanted first."""
        return self._cards

    @property
    def shown_cards(self) -> tuple[Card, ...]:
        """The cards drawn at the board's present size."""
        if not self.display:
            return ()
        size = self.content_size
        _, count = arrange(self._cards, size.width, size.height)
        return self._cards[:count]

    @property
    def scale(self) -> int:
        """The scale the numbers are drawn at now (0: none drawn)."""
        size = self.content_size
        return arrange(self._cards, size.width, size.height)[0]

    def show(self, cards: tuple[Card, ...]) -> bool:
        """Show `cards`; True when they differ from those shown."""
        # A label holds a step's name, which may come from a workout file.
        cards = tuple(replace(card, label=display_safe(card.label)) for card in cards)
        if cards == self._cards:
            return False
        self._cards = cards
        self.refresh(layout=True)
        return True

    def _limit(self) -> int:
        """The rows the board may take: its `max-height` in cells (no limit without one)."""
        limit = self.styles.max_height
        cells = limit.cells if limit is not None else None
        return cells if cells is not None else 10_000

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as the cards that fit `width` and the board's `max-height`."""
        scale, count = arrange(self._cards, width, self._limit())
        return 1 + digits_height(scale) if count else 0

    def render(self) -> RenderResult:
        """The cards that fit, centred: a line of words, then the numbers."""
        size = self.content_size
        scale, count = arrange(self._cards, size.width, size.height)
        if not count:
            return Text("", end="")
        shown = self._cards[:count]
        label_style = self.get_component_rich_style("board--label")
        out = Text(no_wrap=True, end="")
        widths = [card_width(card, scale) for card in shown]
        for n, (card, width) in enumerate(zip(shown, widths, strict=True)):
            out.append(" " * gap(scale) if n else "")
            out.append(card.label.center(width), label_style)
        columns = [digit_lines(card.value, scale) for card in shown]
        for row in range(digits_height(scale)):
            out.append("\n")
            for n, (card, width) in enumerate(zip(shown, widths, strict=True)):
                out.append(" " * gap(scale) if n else "")
                out.append(columns[n][row].center(width), self._number_style(card))
        return out

    def _number_style(self, card: Card) -> Style:
        tone = card.tone if card.tone in TONES else "number"
        return self.get_component_rich_style(f"board--{tone}")
