"""A line that shows the longest of its variants that fits, and never part of one.

The run screen is read from 5 m on anything from a 30x10 terminal to a wide
laptop screen. A line cut at the edge turns `1:24.5` into `1:24`, which
reads as a different number; so each line is given as its variants, longest
first (`Rep 3/8 · 400 m @ mile · target 1:24.5`, `Rep 3/8 · target 1:24.5`,
`Rep 3/8`), and shows the first that fits its width. When none fits it shows
nothing. A note (`words=True`) is cut between two words with an ellipsis
instead, so no number in it is split either; given room for more than one line
(`height: auto; max-height: 2`), it wraps between words first.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from intervaltimer.safetext import display_safe

Variant = str | Content
ELLIPSIS = "…"


def as_content(text: Variant) -> Content:
    """`text` as Content (a str is plain text: no markup is read from it, and it is made
    display-safe, as it may come from a file)."""
    return text if isinstance(text, Content) else Content(display_safe(text))


def width_of(content: Content) -> int:
    """Columns taken by the widest line of `content`."""
    return max((line.cell_length for line in content.split("\n")), default=0)


def cut_at_words(content: Content, width: int) -> Content:
    """`content` cut at the last space that leaves room for an ellipsis; empty if no word fits."""
    plain = content.plain
    end = plain.rfind(" ", 0, max(0, width - len(ELLIPSIS)) + 1)
    while end > 0 and plain[end - 1] in " ·":
        end -= 1
    if end <= 0:
        return Content("")
    return content[:end] + ELLIPSIS


def wrap_at_words(content: Content, width: int, lines: int) -> Content:
    """`content`'s text wrapped between words into at most `lines` lines of `width`, the
    last cut between two words with an ellipsis if the text is longer; empty if a word is
    wider than `width`. (Plain text: a note's styles are not kept.)"""
    words = content.plain.split()
    wrapped: list[str] = []
    for word in words:
        if cell_len(word) > width:
            return Content("")
        if wrapped and cell_len(wrapped[-1]) + 1 + cell_len(word) <= width:
            wrapped[-1] += " " + word
        else:
            wrapped.append(word)
    if len(wrapped) > lines:
        last = cut_at_words(Content(" ".join(wrapped[lines - 1:])), width)
        wrapped = [*wrapped[:lines - 1], *([last.plain] if last.plain else [])]
    return Content("\n".join(wrapped))


def lines_of(content: Content) -> int:
    """Lines in `content`."""
    return content.plain.count("\n") + 1


def fitting(variants: tuple[Content, ...], width: int, words: bool = False,
            lines: int = 1_000) -> Content:
    """The first of `variants` no wider than `width` nor taller than `lines`; else nothing
    (or, with `words`, the last one-line variant cut between two words)."""
    for variant in variants:
        if width_of(variant) <= width and lines_of(variant) <= lines:
            return variant
    one_line = [variant for variant in variants if lines_of(variant) == 1]
    if words and one_line:
        if lines > 1:
            return wrap_at_words(one_line[-1], width, lines)
        return cut_at_words(one_line[-1], width)
    return Content("")


def _key(variants: tuple[Content, ...]) -> tuple[object, ...]:
    """What makes two sets of variants look the same: characters and styles (Content's
    own `==` compares the characters only)."""
    return tuple((variant.plain, tuple(variant.spans)) for variant in variants)


class FitLine(Widget):
    """A line (or a few) showing the longest of its variants that fits; `show()` ignores
    variants that look the same as those shown."""

    DEFAULT_CSS: ClassVar[str] = """
    FitLine {
        height: 1;
        width: 100%;
        text-wrap: nowrap;
    }
    """

    def __init__(self, *variants: Variant, words: bool = False, id: str | None = None,  # noqa: A002
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.words = words
        self._variants = tuple(as_content(variant) for variant in variants)

    @property
    def variants(self) -> tuple[Content, ...]:
        """All the forms of the line, longest first."""
        return self._variants

    @property
    def text(self) -> str:
        """The plain text shown now ("" while hidden or before the first layout)."""
        if not self.display or self.content_size.width == 0:
            return ""
        return self.chosen.plain

    @property
    def chosen(self) -> Content:
        """The variant that fits the line's present size."""
        size = self.content_size
        return fitting(self._variants, size.width, self.words, min(size.height, self._lines()))

    def _lines(self) -> int:
        """The most lines the CSS lets the line take (`height` or `max-height` in cells)."""
        limits = [scalar.cells for scalar in (self.styles.height, self.styles.max_height)
                  if scalar is not None and scalar.cells is not None]
        return min(limits, default=1_000)

    def show(self, *variants: Variant) -> bool:
        """Show `variants` (longest first); True when they differ from those shown."""
        contents = tuple(as_content(variant) for variant in variants)
        if _key(contents) == _key(self._variants):
            return False
        lines_before = max(map(lines_of, self._variants), default=1)
        self._variants = contents
        self.refresh(layout=max(map(lines_of, contents), default=1) != lines_before)
        return True

    def render(self) -> RenderResult:
        """The variant that fits."""
        return self.chosen

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the variant that fits `width` (for `height: auto`)."""
        return lines_of(fitting(self._variants, width, self.words, self._lines()))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the longest variant that fits the container (for `width: auto`)."""
        return width_of(fitting(self._variants, container.width, self.words, self._lines()))


class SpreadLine(Widget):
    """One line with words on the left and on the right (a title and a status), each given
    as variants, longest first: the right gives way first, then the left; nothing is cut."""

    DEFAULT_CSS: ClassVar[str] = """
    SpreadLine {
        height: 1;
        width: 100%;
        text-wrap: nowrap;
    }
    """

    GUTTER = 2  # at least this many spaces between the two sides

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._left: tuple[str, ...] = ("",)
        self._right: tuple[str, ...] = ("",)

    def show(self, left: tuple[str, ...], right: tuple[str, ...]) -> bool:
        """Show `left` and `right` (each longest first); True when they changed."""
        left = tuple(display_safe(text) for text in left)  # a workout's name, say
        right = tuple(display_safe(text) for text in right)
        if (left, right) == (self._left, self._right):
            return False
        self._left, self._right = left, right
        self.refresh()
        return True

    def sides(self, width: int) -> tuple[str, str]:
        """The (left, right) shown at `width`."""
        for left in (*self._left, ""):
            for right in (*self._right, ""):
                gutter = self.GUTTER if left and right else 0
                if len(left) + gutter + len(right) <= width:
                    return left, right
        return "", ""

    @property
    def left(self) -> str:
        """The left side as shown now."""
        return self.sides(self.content_size.width)[0]

    @property
    def right(self) -> str:
        """The right side as shown now."""
        return self.sides(self.content_size.width)[1]

    def render(self) -> RenderResult:
        """The two sides, the right one flush right."""
        width = self.content_size.width
        left, right = self.sides(width)
        return Content.assemble((left, "bold"), " " * (width - len(left) - len(right)), right)
