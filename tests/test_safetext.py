"""display_safe: every control, bidi or surrogate character shown, never sent."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from intervaltimer.safetext import display_safe, is_display_safe, safe_json, strip_unsafe
from tests.helpers.hostile_text import ALL, HOSTILE


def test_escapes_are_shown_visibly() -> None:
    assert display_safe("8x400\x1b]0;pwned\x07") == "8x400\\x1b]0;pwned\\x07"
    assert display_safe("a\x9bb") == "a\\x9bb"
    assert display_safe("\u202eevil") == "\\u202eevil"
    assert display_safe("a\ud800b") == "a\\ud800b"
    assert display_safe("one\ntwo\tthree") == "one\\ntwo\\tthree"
    assert display_safe("one\ntwo", lines=True) == "one\ntwo"


def test_ordinary_text_is_kept_as_it_is() -> None:
    for text in ("8 x 400 m @ mile · 60 s", "Café – 5:40/mi", "東京 10k", "emoji 🏃", ""):
        assert display_safe(text) is text


@given(st.text())
def test_nothing_unsafe_survives(text: str) -> None:
    shown = display_safe(text)
    assert is_display_safe(shown) and "\n" not in shown
    assert not any(ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f for c in shown)
    assert is_display_safe(strip_unsafe(text))


def test_hostile_strings() -> None:
    for text in HOSTILE:
        shown = display_safe(text)
        assert "\x1b" not in shown and "\x9b" not in shown and "\u202e" not in shown
        assert is_display_safe(shown)


def test_safe_json_is_the_same_data() -> None:
    value = {"note": ALL + "\ud800", "name": "Café · 5:40"}
    text = safe_json(value, indent=1)
    assert is_display_safe(text) and "Café · 5:40" in text
    assert json.loads(text) == value


def test_linear_in_length() -> None:
    # A 10 MB note with an escape every 100 characters: one regex pass.
    note = ("x" * 99 + "\x1b") * 100_000
    assert len(display_safe(note)) == 99 * 100_000 + 4 * 100_000
