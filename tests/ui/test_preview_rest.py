"""The preview shows today's rung of the rest ladder; `-`/`+` and `--rest` move the main set."""

from __future__ import annotations

import pytest

from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.cli.restopt import with_rest
from intervaltimer.ui.app import Start, make_app
from intervaltimer.ui.screens.preview import PreviewScreen
from intervaltimer.ui.screens.run import RunScreen
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.model import StepKind
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import press, profile, wall_clock_for

pytestmark = pytest.mark.usefixtures("private_config")


def app_for(name: str, clock: FakeClock, rest_s: float | None = None):  # type: ignore[no-untyped-def]
    """The run flow of a library workout, as `intervaltimer run NAME [--rest]` starts it."""
    workout = with_rest(resolve_workout(name), rest_s)
    return make_app(clock=clock, wall_clock=wall_clock_for(clock),
                    player=RecordingPlayer(clock=clock), profile=profile("mile=5:40"),
                    start=Start(screen="run", workout=workout))


def rests(screen: PreviewScreen) -> list[tuple[bool, float | None]]:
    """(main rest?, seconds) of every rest in the previewed plan."""
    assert screen.plan is not None
    return [(s.main_rest, s.duration_s) for s in screen.plan.steps if s.kind is StepKind.REST]


def rest_line(screen: PreviewScreen) -> str:
    from intervaltimer.ui.widgets.line import Line

    return screen.query_one("#preview-rest", Line).text


@pilot_test
async def test_the_preview_shows_todays_rung_and_r_steps_through_the_ladder(
        fake_clock: FakeClock) -> None:
    app = app_for("8x400-mile", fake_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        assert rest_line(screen).startswith("Rest 60 s after each rep · rungs 90 75 [60] 45 30 s")
        written = rests(screen)
        await press(pilot, "minus")
        assert "rungs 90 75 60 [45] 30 s" in rest_line(screen)
        assert rests(screen) == [(main, 45.0 if main else length) for main, length in written]
        await press(pilot, "minus", "minus")  # 30, then round to the longest
        assert "rungs [90] 75 60 45 30 s" in rest_line(screen)
        await press(pilot, "plus")
        assert "rungs 90 75 60 45 [30] s" in rest_line(screen)
        await press(pilot, "enter")
        assert isinstance(app.screen, RunScreen)
        assert app.screen.runner.session.plan.main_rest_s == 30.0
        assert app.screen.workout_title == "8 x 400 m at mile pace"


@pilot_test
async def test_rest_changes_only_the_main_sets_rests(fake_clock: FakeClock) -> None:
    written = resolve_workout("8x400-mile")
    app = app_for("8x400-mile", fake_clock, rest_s=45.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        assert "[45]" in rest_line(screen)
        assert screen.workout.name == written.name
        from intervaltimer.workout.plan import expand

        before = expand(written, profile("mile=5:40")).steps
        assert screen.plan is not None
        changed = {(b.label, a.label) for b, a in zip(before, screen.plan.steps, strict=True)
                   if b != a}
        assert changed == {("Rest 60 s · stand", "Rest 45 s · stand")}
        assert sum(1 for main, _ in rests(screen) if main) == 7  # none after the last rep
        assert (False, 120.0) in rests(screen)  # the walk to the line keeps its 2 min


@pilot_test
async def test_a_workout_without_a_ladder_says_so(fake_clock: FakeClock) -> None:
    app = app_for("threshold-miles", fake_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        assert rest_line(screen) == "Rest 60 s after each rep"
        await press(pilot, "minus")
        assert rests(screen)[0] == (True, 60.0)
