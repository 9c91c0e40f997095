"""The big clock's block digits: Textual's 3x3 glyphs drawn larger, as large as fits."""

from __future__ import annotations

from intervaltimer.ui.widgets.big_clock import (
    best_scale,
    block_lines,
    glyph_height,
    strokes,
    text_width,
)


def test_an_eight_at_scale_two_has_all_seven_segments() -> None:
    assert block_lines("8", 2) == [
        "██████",
        "██  ██",
        "██████",
        "██  ██",
        "██████",
    ]


def test_digits_that_share_segments_stay_distinct() -> None:
    shapes = {digit: tuple(block_lines(digit, 3)) for digit in "0123456789"}
    assert len(set(shapes.values())) == 10


def test_a_colon_is_two_dots_between_the_digits() -> None:
    lines = block_lines("1:05", 2)
    colon = [line[7:11] for line in lines]
    assert colon == ["    ", "  ██", "    ", "  ██", "    "]


def test_every_line_is_as_wide_as_the_text() -> None:
    for scale in (2, 4, 7):
        lines = block_lines("12:34", scale)
        assert len(lines) == glyph_height(scale)
        assert {len(line) for line in lines} == {text_width("12:34", scale)}


def test_bars_thicken_as_the_digits_grow() -> None:
    assert strokes(2) == (1, 2)
    assert strokes(6) == (2, 4)


def test_the_largest_scale_that_fits_is_chosen() -> None:
    # "0:45" at scale 6 is 14 rows by 49 columns; scale 7 needs 16 rows.
    assert best_scale("0:45", 80, 15) == 6
    assert best_scale("0:45", 40, 15) == 4
    assert best_scale("0:45", 40, 4) == 1  # no room: Textual's own 3-row Digits
    assert best_scale("1:02:30", 40, 15) == 1  # 48 columns at scale 2
    assert best_scale("1:02:30", 50, 15) == 2
