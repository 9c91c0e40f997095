"""The run screen's keys as found at the track: a presenter clicker, a quit that needs a
deliberate answer, `+`/`-` on the rest, a double tap, and a key from another face."""

from __future__ import annotations

import pytest

from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.ui.screens.confirm_quit import ConfirmQuitScreen
from intervaltimer.ui.screens.confirm_skip import ConfirmSkipScreen
from intervaltimer.workout.profile import AskEffort, Profile
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import advance, press, run_app, shown, start

MILE = ("mile=5:40",)  # mile pace: 100 m in 21.1 s

pytestmark = pytest.mark.usefixtures("private_config")


@pilot_test
async def test_a_presenter_clicker_laps_and_undoes(fake_clock: FakeClock) -> None:
    """A clicker sends PageDown or Right for "next" and PageUp for "back"."""
    app = run_app("3x100m@mile/30s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 20.0)
        await press(pilot, "pagedown")
        assert shown(screen)["phase"] == "REST"
        assert [s.split_s for s in screen.runner.session.splits] == [20.0]
        await advance(pilot, fake_clock, 2.0)
        await press(pilot, "pageup")
        assert shown(screen)["phase"] == "RUN" and screen.runner.session.splits == ()
        await advance(pilot, fake_clock, 1.0)
        await press(pilot, "right")
        assert [s.split_s for s in screen.runner.session.splits] == [23.0]


@pilot_test
async def test_quit_needs_y_a_second_q_or_enter_is_no_answer(fake_clock: FakeClock) -> None:
    app = run_app("3x100m@mile/30s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 10.0)
        await press(pilot, "q", "q", "enter")
        assert isinstance(app.screen, ConfirmQuitScreen)  # still asking
        assert screen.runner.status is None
        await press(pilot, "escape")
        assert app.screen is screen and screen.runner.status is None


@pilot_test
async def test_a_lap_during_the_quit_question_keeps_running_and_laps(
        fake_clock: FakeClock) -> None:
    """The runner reaches the line with the question up: the rep keeps its split."""
    app = run_app("3x100m@mile/30s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 15.0)
        await press(pilot, "q")
        await advance(pilot, fake_clock, 6.0)
        await press(pilot, "space")
        assert app.screen is screen
        assert [s.split_s for s in screen.runner.session.splits] == [21.0]
        assert shown(screen)["phase"] == "REST"


@pilot_test
async def test_the_rest_line_says_its_new_length_after_plus_and_minus(
        fake_clock: FakeClock) -> None:
    app = run_app("3x100m@mile/30s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await press(pilot, "s", "y")  # to the rest (s asks: it drops rep 1)
        assert shown(screen)["step"] == "Rest 30 s"
        await press(pilot, "plus")
        assert (shown(screen)["step"], shown(screen)["clock"]) == ("Rest 45 s (+15 s)", "0:45")
        await press(pilot, "minus", "minus")
        assert shown(screen)["step"] == "Rest 15 s (-15 s)"


@pilot_test
async def test_minus_with_little_rest_left_still_counts_the_rep_in(
        fake_clock: FakeClock, recording_player: RecordingPlayer) -> None:
    """`-` with 10 s left does not start the rep cold: three seconds and a 3-2-1 remain."""
    app = run_app("3x100m@mile/30s", fake_clock, recording_player, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await press(pilot, "s", "y")
        await advance(pilot, fake_clock, 20.0)
        await press(pilot, "minus")
        seen = shown(screen)
        assert (seen["phase"], seen["clock"]) == ("REST", "0:03")
        await advance(pilot, fake_clock, 3.0)
        assert shown(screen)["phase"] == "RUN"
        assert recording_player.played[-4:] == [
            ("tick", 1020.0), ("tick", 1021.0), ("tick", 1022.0), ("go", 1023.0)]


@pilot_test
async def test_a_double_tap_is_said_to_be_ignored(fake_clock: FakeClock) -> None:
    app = run_app("3x100m@mile/30s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 20.0)
        await press(pilot, "space")
        await advance(pilot, fake_clock, 1.2)
        await press(pilot, "space")  # the second tap of a double tap: the rest goes on
        seen = shown(screen)
        assert seen["phase"] == "REST"
        assert seen["note"] == "double tap ignored: a lap came under 3 s ago"
        await advance(pilot, fake_clock, 2.5)
        assert shown(screen)["note"] == "+/- 15 s · s ends it"
        await press(pilot, "space")  # 3.7 s after the lap: a timed rest is not ended by it
        seen = shown(screen)
        assert (seen["phase"], seen["note"]) == ("REST", "rest 0:27 left · s skips it")
        assert seen["clock"] == "0:27"


@pilot_test
async def test_s_asks_before_cutting_a_long_rest_and_u_brings_the_rest_back(
        fake_clock: FakeClock) -> None:
    app = run_app("3x100m@mile/30s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 20.0)
        await press(pilot, "space")
        await advance(pilot, fake_clock, 5.0)
        await press(pilot, "s")  # 25 s of the rest left: it asks
        assert isinstance(pilot.app.screen, ConfirmSkipScreen)
        assert "0:25" in str(pilot.app.screen.query_one("#quit-question").render())
        await press(pilot, "y")
        assert shown(screen)["phase"] == "GET READY"
        await press(pilot, "u")
        seen = shown(screen)
        assert (seen["phase"], seen["clock"]) == ("REST", "0:25")
        await advance(pilot, fake_clock, 17.0)
        await press(pilot, "s")  # 8 s left: no question, the rest ends
        assert shown(screen)["phase"] == "GET READY"


@pilot_test
async def test_a_key_from_another_face_redraws_the_screen(fake_clock: FakeClock) -> None:
    """The phone page calls the runner directly, on the app's loop: the screen follows."""
    app = run_app("3x100m@mile/30s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 20.0)
        assert screen.runner.lap()  # not through the screen: the screen follows at once
        assert (shown(screen)["phase"], shown(screen)["clock"]) == ("REST", "0:30")
        timer = screen.deadline.timer  # its one timer now waits for the rest's next second
        assert timer is not None and timer._interval == pytest.approx(1.0, abs=0.01)
        screen.runner.rate(6)
        assert "effort 6" in shown(screen)["last"]


@pilot_test
async def test_the_profile_adds_lap_keys_but_never_takes_a_key_the_screen_uses(
        fake_clock: FakeClock) -> None:
    app = run_app("3x100m@mile/30s", fake_clock, races=MILE,
                  settings=Profile(lap_keys=("l", "q", "enter")))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        assert any("q already does something else" in n.message for n in app._notifications)
        await advance(pilot, fake_clock, 3.0 + 20.0)
        await press(pilot, "l")
        assert [s.split_s for s in screen.runner.session.splits] == [20.0]
        await press(pilot, "q")
        assert isinstance(app.screen, ConfirmQuitScreen)  # q still quits
        await advance(pilot, fake_clock, 30.0 + 21.0)
        await press(pilot, "l")  # the profile's lap key laps through the question too
        assert app.screen is screen
        assert [s.split_s for s in screen.runner.session.splits] == [20.0, 21.0]
        await advance(pilot, fake_clock, 30.0 + 22.0)
        await press(pilot, "enter")  # enter laps while the run is on
        assert [s.split_s for s in screen.runner.session.splits] == [20.0, 21.0, 22.0]


@pilot_test
async def test_a_profile_lap_key_that_answers_the_quit_question_answers_it_there(
        fake_clock: FakeClock) -> None:
    """`y` laps on the run screen, and still quits in the question asked over it."""
    app = run_app("3x100m@mile/30s", fake_clock, races=MILE,
                  settings=Profile(lap_keys=("y",)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 20.0)
        await press(pilot, "y")
        assert [s.split_s for s in screen.runner.session.splits] == [20.0]
        await press(pilot, "q", "y")
        assert app.screen is not screen and screen.runner.status is not None


@pilot_test
async def test_a_stride_asks_for_effort_only_when_the_profile_says_so(
        fake_clock: FakeClock) -> None:
    for settings, asked in ((Profile(), False), (Profile(ask_effort=AskEffort.ALL), True)):
        app = run_app("2x80m/lap", fake_clock, races=MILE, settings=settings)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await start(pilot)
            await advance(pilot, fake_clock, 3.0 + 14.0)
            await press(pilot, "space")
            assert shown(screen)["phase"] == "REST"
            assert ("How hard was Rep 1/2?" in shown(screen)["effort"]) is asked
