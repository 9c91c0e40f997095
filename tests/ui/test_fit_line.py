"""Lines that shorten by whole variants, never cutting one, and show no control character."""

from __future__ import annotations

from textual.content import Content

from intervaltimer.ui.widgets.fit_line import SpreadLine, as_content, cut_at_words, fitting

VARIANTS = tuple(Content(text) for text in (
    "Rep 3/8 · 400 m @ mile · target 1:24.5", "Rep 3/8 · target 1:24.5", "Rep 3/8"))


def test_the_longest_variant_that_fits_or_nothing() -> None:
    assert fitting(VARIANTS, 80).plain == "Rep 3/8 · 400 m @ mile · target 1:24.5"
    assert fitting(VARIANTS, 30).plain == "Rep 3/8 · target 1:24.5"
    assert fitting(VARIANTS, 10).plain == "Rep 3/8"
    assert fitting(VARIANTS, 6).plain == ""  # not "Rep 3/"
    two_lines = (Content("How hard?\n1 very easy · 2 easy"), Content("Effort?"))
    assert fitting(two_lines, 40, lines=1).plain == "Effort?"


def test_a_note_is_cut_between_words() -> None:
    note = Content("run the last 200 m at 3k pace")
    assert cut_at_words(note, 20).plain == "run the last 200 m…"
    assert cut_at_words(note, 16).plain == "run the last…"  # never "run the last 20…"
    assert fitting((note,), 16, words=True, lines=1).plain == "run the last…"


def test_a_note_with_room_for_two_lines_wraps_between_words_then_is_cut() -> None:
    note = Content("LAST ONE: drive the arms, open the stride")
    assert fitting((note,), 38, words=True, lines=2).plain == (
        "LAST ONE: drive the arms, open the\nstride")
    assert fitting((note,), 38, words=True, lines=1).plain == "LAST ONE: drive the arms, open the…"
    assert fitting((note,), 14, words=True, lines=2).plain == "LAST ONE:\ndrive the…"
    assert fitting((note,), 80, words=True, lines=2).plain == note.plain  # whole: one line
    assert fitting((Content("run 10000m"),), 4, words=True, lines=2).plain == ""


def test_text_from_a_file_shows_its_control_characters_escaped() -> None:
    assert as_content("walk\x1b[2J back").plain == "walk\\x1b[2J back"
    line = SpreadLine()
    line.show(("8 x 400\x07",), ("sound: on",))
    assert line.sides(40) == ("8 x 400\\x07", "sound: on")
    assert line.sides(15) == ("8 x 400\\x07", "")  # the right side gives way first
