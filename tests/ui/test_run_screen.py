"""The run screen as drawn: a failing log shown, no idle redraws, small terminals, notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color

from intervaltimer.audio.backends import SilentPlayer
from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.log.errors import ReadOnlyError
from intervaltimer.log.store import Store
from intervaltimer.ui.screens.confirm_quit import ConfirmQuitScreen
from intervaltimer.ui.themes import PHASE_COLOURS, SUNLIGHT_PHASES
from intervaltimer.ui.widgets.big_clock import BigClock
from intervaltimer.ui.widgets.fit_line import SpreadLine
from intervaltimer.ui.widgets.last_split import LastSplit
from intervaltimer.ui.widgets.progress import RunProgress
from intervaltimer.ui.widgets.step_header import StepHeader
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import Repaints, advance, press, run_app, shown, start

WORKOUTS = Path(__file__).resolve().parents[2] / "workouts"
MILE = ("mile=5:40",)  # mile pace: 100 m in 21.1 s, 400 m in 1:24.5


pytestmark = pytest.mark.usefixtures("private_config")


@pilot_test
async def test_a_log_that_fails_mid_run_is_shown_and_the_run_goes_on(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)

        def broken(*args: object, **kwargs: object) -> None:
            raise ReadOnlyError(tmp_db.path, "the disk went read-only")

        tmp_db.record_rep = broken  # type: ignore[method-assign]
        await advance(pilot, fake_clock, 3.0 + 21.0)
        await press(pilot, "space")
        assert not screen.runner.log.flush(0.3)  # the writer failed, and keeps trying
        screen.sync()  # the next deadline's redraw
        seen = shown(screen)
        assert "log not saved" in seen["problem"] and "read-only" in seen["problem"]
        assert seen["phase"] == "REST"
        assert screen.query_one(LastSplit).text.startswith("Last  Rep 1/2")


@pilot_test
async def test_nothing_is_redrawn_while_nothing_visible_changes(fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, races=MILE)
    repaints = Repaints()
    async with app.run_test(size=(80, 24), message_hook=repaints) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 5.25)
        assert screen.runner.next_wake() == 1009.0  # the next whole second of the rep's clock
        await pilot.pause()
        repaints.widgets.clear()
        fake_clock.advance(0.5)
        screen.sync()
        screen.sync()
        await pilot.pause()
        assert repaints.widgets == []
        timers = [t for t in screen._timers if t.name == "run-deadline" and t._task is not None
                  and not t._task.done()]
        assert len(timers) == 1  # one timer, for the next deadline only
        fake_clock.advance(0.25)
        screen.sync()
        await pilot.pause()
        assert repaints.of(BigClock) == 1
        assert screen.query_one(BigClock).value == "0:06"


@pilot_test
async def test_the_layout_shrinks_to_a_small_terminal(fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, races=MILE)
    async with app.run_test(size=(40, 15)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 30.0)
        assert screen.compact and screen.has_class("-narrow") and screen.has_class("-short")
        clock = screen.query_one(BigClock)
        assert clock.value == "0:30" and clock.scale >= 2
        assert clock.region.height >= 5 and clock.region.right <= 40
        # The phase and the step share a line; what comes next still shows.
        header = screen.query_one(StepHeader)
        assert header.region.height == 1
        seen = shown(screen)
        assert (seen["phase"], seen["step"]) == ("RUN", "Rep 1/2 · target 21.1")
        assert seen["next"] == "Next: Rest 5 s"
        # The progress moves up beside the sound, in a word; the bar has no room.
        top = screen.query_one(SpreadLine)
        assert top.region.y == 0 and top.left.startswith("step 1/4 · ")
        assert top.right == "sound on"
        assert screen.query_one(RunProgress).region.height == 0
        # At 40 columns the footer shows the keys that fit whole: lap, effort and quit first.
        screenshot = app.export_screenshot().replace("&#160;", " ")
        footer = screenshot[screenshot.rindex("space"):]
        assert "space" in footer and "effort" in footer and "quit" in footer
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not screen.compact and screen.query_one(RunProgress).region.height == 1
        assert header.region.height == 2 and shown(screen)["sound"] == "sound: on"
        assert shown(screen)["step"] == "Rep 1/2 · 100 m @ mile · target 21.1"


@pilot_test
async def test_the_sound_status_leaves_the_workouts_name_whole(fake_clock: FakeClock) -> None:
    """A bell fallback's reason is long: beside a long name it gives way (the preview said it)."""
    bell = RecordingPlayer(clock=fake_clock,
                           status="sound: terminal bell (no audio device: no sound card found)")
    app = run_app(str(WORKOUTS / "8x400-mile.yaml"), fake_clock, bell, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        top = screen.query_one(SpreadLine)
        assert (top.left, top.right) == ("8 x 400 m at mile pace", "sound: terminal bell")
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert shown(screen)["sound"] == \
            "sound: terminal bell (no audio device: no sound card found)"


@pilot_test
async def test_mute_without_sound_says_there_is_nothing_to_mute(fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, SilentPlayer("--no-sound"), races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await press(pilot, "m")
        assert shown(screen)["sound"] == "sound: off (--no-sound)"
        assert any("Nothing to mute: sound: off (--no-sound)" in n.message
                   for n in app._notifications)


@pilot_test
async def test_the_clock_shows_through_the_quit_question(fake_clock: FakeClock) -> None:
    app = run_app("3x100m@mile/30s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 12.0)
        await press(pilot, "q")
        assert isinstance(app.screen, ConfirmQuitScreen)
        assert app.screen.styles.background.a < 1.0
        screenshot = app.export_screenshot().replace("&#160;", " ")
        assert "Quit this run?" in screenshot
        assert "Rep 1/3 · 100 m @ mile" in screenshot  # the run screen, under the question


@pilot_test
async def test_the_workouts_notes_are_on_the_screen(fake_clock: FakeClock) -> None:
    """A step's note (`walk back, tap space at the line`) is what the runner wrote to be told
    at the track: it is under the step line, for the rep during its lead-in too."""
    app = run_app(str(WORKOUTS / "8x400-mile.yaml"), fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 5.0)
        seen = shown(screen)
        assert (seen["phase"], seen["step"]) == ("WARM-UP", "Warm-up 15 min")
        assert seen["step note"] == "easy jog, then drills (A-skips, high knees, heel flicks)"
        await press(pilot, "s")  # no warm-up: the stride's lead-in
        seen = shown(screen)
        assert (seen["phase"], seen["step note"]) == ("GET READY",
                                                      "build smoothly up to mile pace")
        await advance(pilot, fake_clock, 5.0 + 14.0)
        await press(pilot, "space")
        seen = shown(screen)
        assert (seen["phase"], seen["step note"]) == ("REST", "walk back, tap space at the line")
        assert seen["effort"] == ""  # a stride, run by feel: no effort asked
        clock = screen.query_one(BigClock)
        assert clock.scale >= 3  # the note, and the split in big digits, leave the clock big
        await pilot.resize_terminal(40, 15)
        await pilot.pause()
        assert screen.query_one("#step-note").region.height == 0  # no room for it at 40x15


@pilot_test
async def test_the_sunlight_theme_gives_the_run_its_own_phase_colours(
        fake_clock: FakeClock) -> None:
    """The phase colours are theme variables: the sunlight theme overrides the work colour."""
    app = run_app("2x100m@mile/5s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 5.0)
        assert screen.has_class("-phase-work")
        panel = screen.query_one("#panel")
        dark = panel.styles.background
        assert dark == Color.parse(PHASE_COLOURS["phase-work"])
        app.theme = "sunlight"
        await pilot.pause()
        sunlit = panel.styles.background
        assert sunlit != dark and sunlit == Color.parse(SUNLIGHT_PHASES["phase-work"])
