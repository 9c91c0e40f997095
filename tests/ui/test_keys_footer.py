"""The footer keeps no keys behind as a long run greys and ungreys them (Textual #6666),
and on a narrow terminal shows whole keys only, the one that quits always."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from intervaltimer.ui.widgets.keys_footer import WATCHERS, KeysFooter
from tests.helpers.deskkit import app_for, desk, pilot_test, settle
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import advance, run_app, screen_text, start

pytestmark = pytest.mark.usefixtures("private_config")


def footer_keys_alive() -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, FooterKey))


@pilot_test
async def test_forty_steps_leave_no_footer_keys_behind(fake_clock: FakeClock) -> None:
    """Undo and +/- grey in and out at every rep and rest; the same keys are reused."""
    app = run_app("20x20s/10s", fake_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        footer = screen.query_one(KeysFooter)
        await advance(pilot, fake_clock, 3.0 + 10.0)  # mid rep 1: +/- greyed
        await pilot.pause()
        keys_then = [id(key) for key in footer.query(FooterKey)]
        greyed_then = [key.has_class("-disabled") for key in footer.query(FooterKey)]
        alive_then = footer_keys_alive()
        for _ in range(15):
            await advance(pilot, fake_clock, 15.0)  # mid rest: +/- apply
            await pilot.pause()
            await advance(pilot, fake_clock, 15.0)  # mid rep: greyed again
            await pilot.pause()
        assert [id(key) for key in footer.query(FooterKey)] == keys_then
        assert footer_keys_alive() == alive_then
        watchers = getattr(footer, WATCHERS, {})
        assert sum(len(entries) for entries in watchers.values()) <= len(keys_then)
        await advance(pilot, fake_clock, 15.0)  # a rest again: + and - are live
        await pilot.pause()
        greyed_rest = [key.has_class("-disabled") for key in footer.query(FooterKey)]
        actions = [key.action for key in footer.query(FooterKey)]
        plus = actions.index("rest(15)")
        assert greyed_then[plus] and not greyed_rest[plus]


@pilot_test
async def test_keys_that_come_and_go_are_rebuilt_and_the_old_ones_let_go(
        fake_clock: FakeClock) -> None:
    """When the workout ends the footer lists other keys: rebuilt, old watchers dropped."""
    app = run_app("2x20s/10s", fake_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        footer = screen.query_one(KeysFooter)
        before = {key.action for key in footer.query(FooterKey)}
        await advance(pilot, fake_clock, 70.0)
        await pilot.pause()
        after = {key.action for key in footer.query(FooterKey)}
        assert "pause" in before and "summary" not in before
        assert "summary" in after and "pause" not in after
        watchers = getattr(footer, WATCHERS, {})
        assert all(not node._closed and not node._closing  # type: ignore[attr-defined]
                   for entries in watchers.values() for node, _ in entries)


def footer_check(app: Any) -> tuple[list[str], list[str]]:
    """(the keys shown, those hidden) as `key description`, after checking that the footer's
    row shows each shown key whole and no part of a hidden one."""
    footer = app.screen.query_one(KeysFooter)
    row = screen_text(app).splitlines()[footer.region.y]
    shown: list[str] = []
    hidden: list[str] = []
    for key in footer.query("FooterKey, FooterLabel"):  # a group's label is a FooterLabel
        rendered = key.render()
        label = " ".join(getattr(rendered, "plain", str(rendered)).split())
        (shown if key.display and key.region.width else hidden).append(label)
    flat = " ".join(row.replace("▏", " ").split())
    for label in shown:
        assert label in flat, (label, row)
    left = flat
    for label in shown:
        left = left.replace(label, " ")
    assert left.split() == [], f"part of a key on the footer's row: {left!r} in {row!r}"
    return shown, hidden


@pytest.mark.parametrize("width", [40, 30])
@pilot_test
async def test_a_narrow_footer_shows_whole_keys_and_always_quit(fake_clock: FakeClock,
                                                                width: int) -> None:
    """The preview and the run screen at 40 and 30 columns: keys that do not fit go whole,
    never cut, and the key that quits stays (the run's says it asks first: `quit…`)."""
    app = run_app("8x400m@mile", fake_clock, races=("mile=5:40",))
    async with app.run_test(size=(width, 15)) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown, hidden = footer_check(app)
        assert "^q Quit" in shown and "⏎ Start" in shown and hidden
        screen = await start(pilot)
        await advance(pilot, fake_clock, 10.0)
        await pilot.pause()
        shown, hidden = footer_check(app)
        assert "q quit…" in shown and "space lap" in shown and hidden
        await pilot.resize_terminal(100, 30)  # room again: every key back
        await pilot.pause()
        shown, hidden = footer_check(app)
        assert hidden == [] and "m mute" in shown
        footer = screen.query_one(KeysFooter)
        assert set(footer.fit_keys()) == {key.description for key in footer.query(FooterKey)
                                          if key.description}  # a group's keys have none


@pilot_test
async def test_the_library_footer_keeps_quit_at_40_columns(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    desk(tmp_path, monkeypatch)
    app = app_for()
    async with app.run_test(size=(40, 15)) as pilot:
        await settle(pilot, app)
        await pilot.pause()
        shown, _hidden = footer_check(app)
        assert "^q Quit" in shown and "⏎ Run" in shown
