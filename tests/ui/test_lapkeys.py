"""The profile's lap keys as a keymap: added where free, never taking a key in use."""

from __future__ import annotations

from intervaltimer.ui.lapkeys import QUESTION_LAP, RUN_MORE_LAP, RUN_SUMMARY, lap_keys
from intervaltimer.ui.screens.confirm_quit import ConfirmQuitScreen
from intervaltimer.ui.screens.run import RunScreen


def keys_for(*profile_keys: str) -> tuple[dict[str, str], tuple[str, ...]]:
    found = lap_keys(profile_keys, RunScreen.BINDINGS, ConfirmQuitScreen.BINDINGS)
    return found.keymap, found.taken


def test_no_profile_keys_give_the_clicker_and_space() -> None:
    keymap, taken = keys_for()
    assert keymap == {RUN_MORE_LAP: "pagedown,right", QUESTION_LAP: "space,pagedown,right"}
    assert taken == ()


def test_a_key_the_run_screen_uses_is_left_out_and_named() -> None:
    keymap, taken = keys_for("l", "q", "pageup", "space", "l")
    assert keymap[RUN_MORE_LAP] == "pagedown,right,l"
    assert taken == ("q", "pageup")
    notice = lap_keys(("q",), RunScreen.BINDINGS, ConfirmQuitScreen.BINDINGS).notice
    assert notice.startswith("lap_keys in profile.yaml: q already does something else")


def test_a_key_that_answers_the_question_laps_on_the_run_only() -> None:
    keymap, taken = keys_for("y", "f")
    assert keymap[RUN_MORE_LAP] == "pagedown,right,y,f"
    assert keymap[QUESTION_LAP] == "space,pagedown,right"  # y still quits, f still finishes
    assert taken == ()


def test_enter_laps_and_keeps_the_summary() -> None:
    keymap, _ = keys_for("enter")
    assert keymap[RUN_MORE_LAP].endswith(",enter") and keymap[RUN_SUMMARY] == "enter"
