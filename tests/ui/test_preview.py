"""The preview before a run: the plan with targets, how to set a profile, the resume offer."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from intervaltimer.engine.events import State
from intervaltimer.log.errors import LockedError
from intervaltimer.log.records import SessionStatus
from intervaltimer.log.store import Store
from intervaltimer.ui.screens.preview import PreviewScreen
from intervaltimer.ui.screens.previewtext import NO_PROFILE
from intervaltimer.ui.screens.resume import ResumeScreen
from intervaltimer.ui.screens.run import RunScreen
from intervaltimer.ui.widgets.fit_line import FitLine
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.plan_table import PlanTable
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import advance, logs_landed, press, reads_done, run_app, shown

MILE = ("mile=5:40",)


pytestmark = pytest.mark.usefixtures("private_config")


def line(screen: PreviewScreen, widget_id: str) -> str:
    widget = screen.query_one(f"#{widget_id}", Line | FitLine)
    return widget.text if widget.display else ""


@pilot_test
async def test_the_plan_shows_each_reps_target_and_the_estimated_time(
        fake_clock: FakeClock) -> None:
    app = run_app("8x400m@mile/60s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        assert line(screen, "preview-title") == "8 x 400 m @ mile"
        # 8 x 84.5 s of reps + 8 x 60 s of rest + 3 s lead-in = 19.4 min
        assert line(screen, "preview-summary") == "≈ 19 min · 8 reps · 16 steps · 3 s lead-in"
        assert line(screen, "preview-profile") == ""
        targets = screen.query_one(PlanTable).target_column()
        assert targets == ["1:24.5", ""] * 8  # 5:40 mile -> 84.5 s a lap
        assert "sound: on" in line(screen, "preview-status")


@pilot_test
async def test_without_race_times_it_says_how_to_set_them(fake_clock: FakeClock) -> None:
    app = run_app("8x400m@mile/60s", fake_clock, lead_in_s=5.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        assert line(screen, "preview-profile") == NO_PROFILE
        assert "--race mile=5:40" in NO_PROFILE
        assert screen.query_one(PlanTable).target_column() == [""] * 16
        assert line(screen, "preview-summary").endswith("5 s lead-in")


@pilot_test
async def test_space_starts_too_and_the_lead_in_is_the_one_asked_for(
        fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, races=MILE, lead_in_s=10.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "space")
        screen = app.screen
        assert isinstance(screen, RunScreen)
        assert shown(screen)["clock"] == "0:10"


@pilot_test
async def test_q_on_the_preview_leaves_the_app(fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "q")
    assert app.return_code == 0


def crash_a_session(tmp_db: Store, clock: FakeClock) -> int:
    """A session of 2x100m@mile/5s left running after rep 1 and its rest (steps_done 2)."""
    session_id = tmp_db.start_session("2 x 100 m @ mile", "2x100m@mile/5s",
                                      {"mile": 0.2113}, 4, started_at=1.7e9)
    tmp_db.record_rep(session_id, 1, step_index=1, label="Rep 1/2 · 100 m @ mile",
                      split_s=21.4, ended_at=1.7e9 + 24.4, rpe=6)
    tmp_db.mark_step_done(session_id, 2)
    return session_id


@pilot_test
async def test_a_crashed_session_is_resumed_at_its_next_step(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    session_id = crash_a_session(tmp_db, fake_clock)
    app = run_app("2x100m@mile/5s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        offer = app.screen
        assert isinstance(offer, ResumeScreen)
        assert "after step 2 of 4, with 1 rep in the log" in str(
            offer.query_one("#resume-text").render())
        await press(pilot, "r")
        screen = app.screen
        assert isinstance(screen, RunScreen)
        assert screen.runner.log.session_id == session_id
        seen = shown(screen)
        assert (seen["phase"], seen["step"]) == ("GET READY · LAST REP",
                                                 "Rep 2/2 · 100 m @ mile · target 21.1")
        await advance(pilot, fake_clock, 3.0 + 22.0)
        await press(pilot, "space", "8")
        await advance(pilot, fake_clock, 5.0)
        assert screen.runner.session.state is State.FINISHED
    logs_landed(app)
    reps = tmp_db.reps(session_id)
    assert [(r.index, r.step_index, r.split_s, r.rpe) for r in reps] == [
        (1, 1, 21.4, 6), (2, 3, 22.0, 8)]
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.COMPLETED


@pilot_test
async def test_a_crashed_session_can_be_closed_as_abandoned(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    session_id = crash_a_session(tmp_db, fake_clock)
    app = run_app("2x100m@mile/5s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await press(pilot, "a")
        assert isinstance(app.screen, PreviewScreen)
        logs_landed(app)
        record = tmp_db.session(session_id)
        assert record is not None and record.status is SessionStatus.ABANDONED
        assert len(tmp_db.reps(session_id)) == 1  # its reps are kept
        await press(pilot, "enter")  # now a fresh session starts
        screen = app.screen
        assert isinstance(screen, RunScreen)
        assert screen.runner.log.session_id not in (None, session_id)


@pilot_test
async def test_escape_defers_the_offer_until_the_run_is_started(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    crash_a_session(tmp_db, fake_clock)
    app = run_app("2x100m@mile/5s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await press(pilot, "escape")
        assert isinstance(app.screen, PreviewScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, ResumeScreen)


@pilot_test
async def test_a_locked_log_at_the_start_runs_at_once_and_the_writer_catches_up(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    """Enter with another program holding the log's lock: the run starts at once (no 5 s
    freeze, no "run it without logging"), the problem line says so, and once the lock is
    gone the session and its reps are written."""
    real = tmp_db.start_session
    locked = [True]

    def start_session(*args: Any, **kwargs: Any) -> int:
        if locked[0]:
            raise LockedError(tmp_db.path, "database is locked")
        return real(*args, **kwargs)

    tmp_db.start_session = start_session  # type: ignore[method-assign]
    app = run_app("2x100m@mile/5s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter")
        run = app.screen
        assert isinstance(run, RunScreen)  # at once: one enter
        assert run.runner.log.logging and run.runner.log.session_id is None
        await advance(pilot, fake_clock, 3.0 + 20.0)
        await press(pilot, "space")
        run.redraw()
        problem = str(run.query_one("#problem-line", Line).render())
        assert "locked by another program" in problem and "as soon as the log frees" in problem
        assert tmp_db.sessions() == []
        locked[0] = False
        assert run.runner.log.flush(5.0)
        session_id = run.runner.log.session_id
        assert session_id is not None
        assert [r.split_s for r in tmp_db.reps(session_id)] == [20.0]


@pilot_test
async def test_from_the_library_a_run_goes_back_to_the_library(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from intervaltimer.audio.testing import RecordingPlayer
    from intervaltimer.ui.screens.closing import ClosingScreen
    from intervaltimer.ui.screens.home import HomeScreen
    from tests.helpers.deskkit import app_for, desk, mile, settle

    desk(tmp_path, monkeypatch)
    clock = FakeClock()
    app = app_for(profile=mile(), clock=clock, player=RecordingPlayer(clock=clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"pyramid", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        await press(pilot, "q")  # back, not out
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        await press(pilot, "enter")
        screen = app.screen
        assert isinstance(screen, RunScreen)
        await advance(pilot, clock, 3.0 + 40.0)
        await press(pilot, "space", "q", "y")  # quit after the first rep (no log here)
        assert isinstance(app.screen, ClosingScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)


@pilot_test
async def test_a_log_that_cannot_be_read_costs_the_offer_and_the_advice_not_the_run(
        fake_clock: FakeClock, tmp_db: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reads run on threads and each failure is said in its line; enter, pressed
    before they are done, starts the run once they are."""
    gate = threading.Event()

    def locked(*_args: Any, **_kwargs: Any) -> Any:
        gate.wait(5.0)
        raise LockedError(tmp_db.path, "held by another program")

    monkeypatch.setattr("intervaltimer.track.start.resumable_sessions", locked)
    tmp_db.summaries = locked  # type: ignore[method-assign]
    app = run_app("2x100m@mile/60s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        gate.set()
        await reads_done(pilot)
        problem = line(screen, "preview-problem")
        assert problem.startswith("cannot look for unfinished sessions: ")
        assert "held by another program" in problem
        assert line(screen, "preview-advice").startswith("no advice: ")
    gate.clear()
    app = run_app("2x100m@mile/60s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, PreviewScreen)  # the reads are not done yet
        gate.set()
        await reads_done(pilot)
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
