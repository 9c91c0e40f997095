"""A run left running by a crash, resumed in a new app: the reps already run are part of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervaltimer.engine.events import State
from intervaltimer.log.records import SessionStatus
from intervaltimer.log.store import Store
from intervaltimer.ui.screens.resume import ResumeScreen
from intervaltimer.ui.screens.run import RunScreen
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import advance, logged_session, logs_landed, press, run_app, shown, start

MILE = ("mile=5:40",)  # mile pace: 100 m in 21.1 s
WORKOUT = "3x100m@mile/30s"  # run, rest, run, rest, run, rest: 6 steps


pytestmark = pytest.mark.usefixtures("private_config")


async def crash_in_the_rest_after_rep_2(fake_clock: FakeClock, tmp_db: Store,
                                        monkeypatch: pytest.MonkeyPatch) -> int:
    """Run reps 1 (rated 7) and 2 (not rated), then crash 5 s into the rest after rep 2:
    the app goes away without closing its session, which stays 'running' in the log."""
    app = run_app(WORKOUT, fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        session_id = logged_session(screen.runner)
        await advance(pilot, fake_clock, 3.0 + 21.0)
        await press(pilot, "space", "7")  # rep 1: 21.0 s, effort 7
        await advance(pilot, fake_clock, 30.0 + 22.0)
        await press(pilot, "space")  # rep 2: 22.0 s, no effort given yet
        await advance(pilot, fake_clock, 5.0)
        # the crash: nothing that ends the app closes the session
        monkeypatch.setattr(screen.runner, "stop", lambda: "crashed")
    logs_landed(app)
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.RUNNING
    assert record.steps_done == 3
    return session_id


@pilot_test
async def test_a_resumed_run_shows_and_rates_the_last_stored_rep(
        fake_clock: FakeClock, tmp_db: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    session_id = await crash_in_the_rest_after_rep_2(fake_clock, tmp_db, monkeypatch)
    fake_clock.advance(20.0)  # the runner starts the app again
    app = run_app(WORKOUT, fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await press(pilot, "r")
        screen = app.screen
        assert isinstance(screen, RunScreen)
        seen = shown(screen)
        assert (seen["phase"], seen["clock"]) == ("REST", "0:30")  # the rest after rep 2
        assert seen["last"] == "Last  Rep 2/3 · 100 m @ mile  22.0  +0.9 slower"
        assert "How hard was Rep 2/3?" in seen["effort"]
        assert seen["progress"].startswith("step 4/6 · ")
        await press(pilot, "8")
        assert "effort 8" in shown(screen)["last"]
        logs_landed(app)
        assert [r.rpe for r in tmp_db.reps(session_id)] == [7, 8]
        await press(pilot, "6")  # changeable until the next rep ends
        logs_landed(app)
        assert [r.rpe for r in tmp_db.reps(session_id)] == [7, 6]
        await advance(pilot, fake_clock, 30.0 + 21.5)
        await press(pilot, "space", "9")  # rep 3: 21.5 s
        assert shown(screen)["last"].startswith("Last  Rep 3/3 · 100 m @ mile  21.5  ")
        await advance(pilot, fake_clock, 30.0)
        assert screen.runner.session.state is State.FINISHED
        assert shown(screen)["step"].startswith("3 reps in ")
    logs_landed(app)
    reps = tmp_db.reps(session_id)
    assert [(r.index, r.step_index, r.split_s, r.rpe) for r in reps] == [
        (1, 1, 21.0, 7), (2, 3, 22.0, 6), (3, 5, 21.5, 9)]
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.COMPLETED


@pilot_test
async def test_a_run_resumed_at_a_later_rep_still_shows_the_last_stored_one(
        fake_clock: FakeClock, tmp_db: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    session_id = await crash_in_the_rest_after_rep_2(fake_clock, tmp_db, monkeypatch)
    tmp_db.mark_step_done(session_id, 4)  # the crash came after the rest: resume at rep 3
    app = run_app(WORKOUT, fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await press(pilot, "r")
        screen = app.screen
        assert isinstance(screen, RunScreen)
        seen = shown(screen)
        assert (seen["phase"], seen["step"]) == ("GET READY · LAST REP",
                                                 "Rep 3/3 · 100 m @ mile · target 21.1")
        assert seen["last"] == "Last  Rep 2/3 · 100 m @ mile  22.0  +0.9 slower"
        assert seen["progress"].startswith("step 5/6 · ")
        await press(pilot, "q")  # the question counts every rep of the session
        assert "with the 2 reps run so far" in str(app.screen.query_one("#quit-detail").render())


@pilot_test
async def test_a_run_quit_in_the_main_set_is_offered_again_and_resumes_where_it_left(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    app = run_app(WORKOUT, fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        session_id = logged_session(screen.runner)
        await advance(pilot, fake_clock, 3.0 + 21.0)
        await press(pilot, "space")  # rep 1
        await advance(pilot, fake_clock, 5.0)
        await press(pilot, "q")
        detail = str(app.screen.query_one("#quit-detail").render())
        assert "offers to resume it" in detail
        await press(pilot, "y")
    logs_landed(app)
    record = tmp_db.session(session_id)
    assert record is not None and (record.status, record.ending) == ("abandoned", "quit")
    fake_clock.advance(3600.0)  # an hour later, the same workout again
    again = run_app(WORKOUT, fake_clock, store=tmp_db, races=MILE)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResumeScreen)
        await press(pilot, "r")
        await pilot.pause()
        run = again.screen
        assert isinstance(run, RunScreen) and run.runner.log.session_id == session_id
        assert shown(run)["step"].startswith("Rest 30 s")  # the step it left: rep 1's rest


@pilot_test
async def test_q_after_the_last_main_set_rep_finishes_here_in_two_keys(
        fake_clock: FakeClock, tmp_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "with-strides.yaml"
    path.write_text("name: 2 x 100 then strides\nlead_in: 3s\nsteps:\n  - repeat: 2\n"
                    "    steps:\n      - run: 100m\n        pace: mile\n      - rest: 30s\n"
                    "  - repeat: 4\n    steps:\n      - run: 60m\n        label: stride\n"
                    "      - rest: lap\n  - exercise: plank\n    duration: 60s\n",
                    encoding="utf-8")
    app = run_app(str(path), fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        session_id = logged_session(screen.runner)
        await advance(pilot, fake_clock, 3.0 + 21.0)
        await press(pilot, "space")
        await advance(pilot, fake_clock, 30.0 + 22.0)
        await press(pilot, "space")  # the main set's last rep
        await advance(pilot, fake_clock, 4.0)
        await press(pilot, "q")
        question = app.screen
        assert "Finish here?" in str(question.query_one("#quit-question").render())
        assert "Not run: 4 × Stride, Plank 60 s" in str(
            question.query_one("#quit-detail").render())
        await press(pilot, "f")
        await pilot.pause()
    logs_landed(app)
    record = tmp_db.session(session_id)
    assert record is not None and record.status_words == "main set done"
    assert record.status is SessionStatus.COMPLETED
    assert len(record.not_run) == 5
