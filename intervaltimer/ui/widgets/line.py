"""A line of text that redraws only when what it says changes."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

from intervaltimer.safetext import display_safe


class Line(Static):
    """A Static whose `show(...)` is a no-op when the text is the same as shown.

    The run screen refreshes its lines at every deadline; most of them say the
    same thing second after second, and those must not be redrawn. A `str` is
    shown as plain text; a `Content` keeps its styles (markup with `$success`
    and other theme variables).
    """

    def __init__(self, text: str | Content = "", *, id: str | None = None,  # noqa: A002
                 classes: str | None = None) -> None:
        safe = _safe(text)
        super().__init__(safe, id=id, classes=classes, markup=False)
        self._shown: str | Content = text
        self._shape = _shape(safe)

    @property
    def text(self) -> str:
        """The plain text shown (for tests and screen readers)."""
        return self._shown.plain if isinstance(self._shown, Content) else self._shown

    def show(self, text: str | Content) -> bool:
        """Show `text`; True when it differed from what was shown (and so was redrawn).

        The screen's layout is redone only when the text's shape (its lines and their
        widths) changed: `0:59 left` after `1:00 left` repaints this line alone.
        """
        if _key(text) == _key(self._shown):
            return False
        safe = _safe(text)
        shape = _shape(safe)
        reshaped, self._shape, self._shown = shape != self._shape, shape, text
        self.update(safe, layout=reshaped)
        return True


def _safe(text: str | Content) -> str | Content:
    """A str display-safe (it may come from a file); a Content is the app's own."""
    return display_safe(text, lines=True) if isinstance(text, str) else text


def _shape(safe: str | Content) -> tuple[int, ...]:
    """The cell width of each line of a text as shown: the same shape takes the same room."""
    plain = safe.plain if isinstance(safe, Content) else safe
    return tuple(cell_len(line) for line in plain.split("\n"))


def _key(text: str | Content) -> tuple[object, ...]:
    """What makes two texts look the same: their characters and, for Content, their styles
    (Content's own `==` compares the characters only)."""
    if isinstance(text, Content):
        return ("content", text.plain, tuple(text.spans))
    return ("str", text)
