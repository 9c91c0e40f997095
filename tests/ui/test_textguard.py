"""The last guard before the terminal: control characters dropped, safe lines untouched."""

from __future__ import annotations

from rich.segment import ControlType, Segment
from rich.style import Style
from textual.color import Color

from intervaltimer.ui.textguard import ControlCharFilter

BLACK = Color(0, 0, 0)


def test_a_line_with_an_escape_loses_it_and_keeps_its_styles() -> None:
    bold = Style(bold=True)
    out = ControlCharFilter().apply(
        [Segment("Rep 1 ", bold), Segment("\x1b]0;pwned\x07title", None)], BLACK)
    assert "".join(segment.text for segment in out) == "Rep 1 ]0;pwnedtitle"
    assert out[0].style == bold


def test_a_safe_line_comes_back_as_it_was() -> None:
    """Every line of every frame goes through the guard: a safe one is not rebuilt."""
    segments = [Segment("1:25.0 ", None), Segment("+0.5", Style(color="green"))]
    assert ControlCharFilter().apply(segments, BLACK) is segments


def test_cursor_moves_are_kept() -> None:
    move = Segment("\x1b[2;3H", None, [(ControlType.CURSOR_MOVE_TO, 2, 3)])
    out = ControlCharFilter().apply([move, Segment("ok\x9b", None)], BLACK)
    assert out[0] is move and out[1].text == "ok"
