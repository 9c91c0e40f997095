"""The footer keeps no keys behind as a long run greys and ungreys them (Textual #6666)."""

from __future__ import annotations

import gc

import pytest
from textual.widgets._footer import FooterKey

from intervaltimer.ui.widgets.keys_footer import WATCHERS, KeysFooter
from tests.fakes import FakeClock
from tests.ui.deskkit import pilot_test
from tests.ui.runkit import advance, run_app, start

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
