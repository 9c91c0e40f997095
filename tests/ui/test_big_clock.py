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


def test_the_last_split_and_its_delta_get_block_digits_from_80x24() -> None:
    from intervaltimer.track.readout import Card
    from intervaltimer.ui.widgets.board import arrange

    rest = (Card("last", "last · Rep 2/8", "1:27.0"), Card("delta", "slower", "+2.5", "slower"),
            Card("next", "next · Rep 3/8", "1:24.5"))
    scale, count = arrange(rest, 80, 6)  # the board at 80x24 (its max-height there)
    assert scale >= 2 and count >= 2  # block digits, as the clock's; the next target under
    scale, count = arrange(rest, 120, 8)  # 120x40
    assert scale >= 3 and count >= 2
    scale, count = arrange(rest, 38, 4)  # 40x15: whole or not at all, as before
    assert (scale, count) == (1, 2)
