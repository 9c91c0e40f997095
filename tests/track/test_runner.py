"""The run glue without a screen: cues played at their instants, every change in the log at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.log.errors import LockedError
from intervaltimer.log.records import SessionStatus
from intervaltimer.log.resume import last_step_done
from intervaltimer.log.store import Store
from intervaltimer.track.runlog import Resume, paces_used
from intervaltimer.track.runner import ABANDONED, COMPLETED
from intervaltimer.track.runs import Runs
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.plan import expand
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import (
    WALL_START,
    landed,
    logged_session,
    make_runner,
    profile,
    step_to,
)

MILE_540 = ("mile=5:40",)


def test_cues_play_at_their_instants(fake_clock: FakeClock,
                                     recording_player: RecordingPlayer) -> None:
    runner = make_runner("2x100m@mile/5s", fake_clock, None, recording_player)
    runner.start()
    step_to(runner, fake_clock, 1021.0)
    runner.lap()  # rep 1: 18.0 s
    step_to(runner, fake_clock, 1046.0)
    runner.lap()  # rep 2 started at 1026.0: 20.0 s
    step_to(runner, fake_clock, 1060.0)
    assert recording_player.played == [
        ("tick", 1000.0), ("tick", 1001.0), ("tick", 1002.0), ("go", 1003.0),
        ("lap", 1021.0), ("tick", 1023.0), ("tick", 1024.0), ("tick", 1025.0),
        ("go", 1026.0), ("lap", 1046.0), ("finish", 1051.0),
    ]
    assert runner.status == COMPLETED


def test_every_face_hears_each_tick_whoever_pressed_the_key(fake_clock: FakeClock) -> None:
    """The screen, the voice and the remote follow one runner through its listeners."""
    runner = make_runner("2x100m@mile/5s", fake_clock, None)
    heard: list[list[str]] = []

    def listener(events: list[Any]) -> None:
        heard.append([event.kind.name for event in events])

    runner.add_listener(listener)
    runner.start()
    step_to(runner, fake_clock, 1010.0)
    runner.lap()
    assert any("STEP_FINISHED" in kinds for kinds in heard)
    count = len(heard)
    runner.remove_listener(listener)
    runner.tick()
    assert len(heard) == count


def test_a_cue_noticed_late_is_not_played(fake_clock: FakeClock,
                                          recording_player: RecordingPlayer) -> None:
    """After the laptop slept through the lead-in, the stale ticks are not played in a burst."""
    runner = make_runner("2x100m@mile/5s", fake_clock, None, recording_player)
    runner.start()
    fake_clock.advance(4.0)  # the 3-2-1 and GO were due at 1000-1003
    runner.tick()
    # the first tick came at the start; of the rest only those within STALE_CUE_S of now
    assert recording_player.played == [("tick", 1000.0), ("tick", 1004.0), ("go", 1004.0)]


def test_every_change_is_in_the_log_at_once(fake_clock: FakeClock, tmp_db: Store) -> None:
    runner = make_runner("2x100m@mile/5s", fake_clock, tmp_db)
    session_id = logged_session(runner)
    landed(runner)
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.RUNNING
    assert record.workout == "2 x 100 m @ mile" and record.plan_steps == 4
    assert record.paces == pytest.approx({"mile": 340.0 / 1609.344})
    runner.start()
    step_to(runner, fake_clock, 1024.5)
    runner.lap()
    landed(runner)
    reps = tmp_db.reps(session_id)  # written the moment the rep ended
    assert [(r.index, r.step_index, r.split_s, r.rest_s, r.rpe) for r in reps] == [
        (1, 1, 21.5, None, None)]
    assert reps[0].started_at == WALL_START + 3.0 and reps[0].ended_at == WALL_START + 24.5
    assert reps[0].target_s == pytest.approx(340.0 / 16.09344)
    runner.rate(7)
    landed(runner)
    assert tmp_db.reps(session_id)[0].rpe == 7
    runner.rate(6)  # changeable until the next rep ends
    landed(runner)
    assert tmp_db.reps(session_id)[0].rpe == 6
    step_to(runner, fake_clock, 1029.5)  # the rest ends: rep 2 goes
    landed(runner)
    assert tmp_db.reps(session_id)[0].rest_s == 5.0
    assert last_step_done(tmp_db, session_id) == 2
    step_to(runner, fake_clock, 1050.0)
    runner.lap()
    runner.rate(10)
    step_to(runner, fake_clock, 1060.0)
    landed(runner)
    assert [(r.split_s, r.rest_s, r.rpe) for r in tmp_db.reps(session_id)] == [
        (21.5, 5.0, 6), (20.5, 5.0, 10)]
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.COMPLETED
    assert record.ended_at == WALL_START + 55.0 and record.steps_done == 4


def test_undo_withdraws_the_rep_and_the_rerun_replaces_it(fake_clock: FakeClock,
                                                          tmp_db: Store) -> None:
    runner = make_runner("2x100m@mile/5s", fake_clock, tmp_db)
    session_id = logged_session(runner)
    runner.start()
    step_to(runner, fake_clock, 1013.0)
    assert runner.lap()  # a mistaken tap at 10 s
    landed(runner)
    assert len(tmp_db.reps(session_id)) == 1
    fake_clock.advance(0.5)
    assert runner.undo()
    landed(runner)
    assert tmp_db.reps(session_id) == []
    assert last_step_done(tmp_db, session_id) == 0
    step_to(runner, fake_clock, 1024.0)
    runner.lap()
    landed(runner)
    assert [r.split_s for r in tmp_db.reps(session_id)] == [21.0]


def test_a_failing_log_never_stops_the_run_and_catches_up(fake_clock: FakeClock,
                                                          tmp_db: Store) -> None:
    runner = make_runner("2x100m@mile/5s", fake_clock, tmp_db)
    session_id = logged_session(runner)
    real = tmp_db.record_rep
    failing = {"on": True}

    def flaky(*args: Any, **kwargs: Any) -> None:
        if failing["on"]:
            raise LockedError(tmp_db.path, "the log is locked by another program")
        real(*args, **kwargs)

    tmp_db.record_rep = flaky  # type: ignore[method-assign]
    runner.start()
    step_to(runner, fake_clock, 1024.0)
    runner.lap()
    assert not runner.log.flush(0.5)  # the writer keeps trying
    assert runner.problem is not None and "locked" in runner.problem
    assert "1 rep kept in memory" in runner.problem
    assert [s.split_s for s in runner.session.splits] == [21.0]  # kept in memory
    assert tmp_db.reps(session_id) == []
    failing["on"] = False
    runner.rate(8)  # the next change writes everything held in memory
    landed(runner)
    assert runner.problem is None
    assert [(r.split_s, r.rpe) for r in tmp_db.reps(session_id)] == [(21.0, 8)]


def test_a_failed_write_is_retried_without_a_new_change(fake_clock: FakeClock,
                                                        tmp_db: Store) -> None:
    """Nothing new happens (the last rep is done): the writer tries again on its own."""
    runner = make_runner("1x100m@mile/5s", fake_clock, tmp_db)
    session_id = logged_session(runner)
    real = tmp_db.record_rep
    fails = {"left": 2}

    def flaky(*args: Any, **kwargs: Any) -> None:
        if fails["left"]:
            fails["left"] -= 1
            raise LockedError(tmp_db.path, "the log is locked by another program")
        real(*args, **kwargs)

    tmp_db.record_rep = flaky  # type: ignore[method-assign]
    runner.start()
    step_to(runner, fake_clock, 1024.0)
    runner.lap()
    step_to(runner, fake_clock, 1040.0)  # finished
    assert runner.log.flush(10.0)  # two retries, RETRY_S apart
    assert runner.log.error is None and runner.problem is None
    assert [r.split_s for r in tmp_db.reps(session_id)] == [21.0]
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.COMPLETED


def test_the_clock_never_waits_for_a_slow_log(fake_clock: FakeClock, tmp_db: Store) -> None:
    """A write that hangs (a lock, a slow card) holds the writer thread, never a key."""
    import threading
    import time

    runner = make_runner("2x100m@mile/5s", fake_clock, tmp_db)
    session_id = logged_session(runner)
    real = tmp_db.record_rep
    release = threading.Event()

    def slow(*args: Any, **kwargs: Any) -> None:
        release.wait(10)
        real(*args, **kwargs)

    tmp_db.record_rep = slow  # type: ignore[method-assign]
    runner.start()
    step_to(runner, fake_clock, 1024.0)
    began = time.monotonic()
    runner.lap()
    runner.rate(7)
    step_to(runner, fake_clock, 1050.0)
    runner.lap()
    took = time.monotonic() - began
    assert took < 1.0, took  # the keys returned while the first write still hung
    assert runner.log.behind and tmp_db.reps(session_id) == []
    release.set()
    landed(runner)
    assert [(r.split_s, r.rpe) for r in tmp_db.reps(session_id)] == [(21.0, 7), (21.0, None)]


def test_stop_keeps_the_reps_and_marks_the_session(fake_clock: FakeClock,
                                                   tmp_db: Store) -> None:
    runner = make_runner("2x100m@mile/5s", fake_clock, tmp_db)
    session_id = logged_session(runner)
    runner.start()
    step_to(runner, fake_clock, 1024.0)
    runner.lap()
    fake_clock.advance(2.0)
    assert runner.work_left()
    assert runner.stop() == ABANDONED
    assert runner.stop() == ABANDONED  # idempotent
    landed(runner)
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.ABANDONED
    assert record.ended_at == WALL_START + 26.0
    # quit 2 s into the rest after it: the rep keeps the rest taken so far
    assert [(r.split_s, r.rest_s) for r in tmp_db.reps(session_id)] == [(21.0, 2.0)]
    assert runner.session.splits[0].rest_s == 2.0


def test_quitting_in_the_last_rest_completes_the_session(fake_clock: FakeClock,
                                                         tmp_db: Store) -> None:
    runner = make_runner("1x100m@mile/60s", fake_clock, tmp_db)
    runner.start()
    step_to(runner, fake_clock, 1024.0)
    runner.lap()
    fake_clock.advance(10.0)
    assert not runner.work_left()
    runs = Runs(active=runner)
    assert runs.stop_active() == COMPLETED  # as on SIGTERM
    assert runs.active is None
    assert runs.stop_active() is None
    session_id = logged_session(runner)
    landed(runner)
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.COMPLETED
    assert [(r.split_s, r.rest_s) for r in tmp_db.reps(session_id)] == [(21.0, 10.0)]


def test_a_resumed_session_numbers_its_reps_after_the_stored_ones(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    first = make_runner("2x100m@mile/5s", fake_clock, tmp_db)
    session_id = first.log.session_id
    assert session_id is not None
    first.start()
    step_to(first, fake_clock, 1024.0)
    first.lap()
    step_to(first, fake_clock, 1029.0)  # the crash comes in rep 2: nothing closes the session
    landed(first)
    assert last_step_done(tmp_db, session_id) == 2
    again = make_runner("2x100m@mile/5s", fake_clock, tmp_db,
                        resume=Resume(session_id, at_step=3, reps_stored=1))
    assert again.log.session_id == session_id
    again.start(3)
    step_to(again, fake_clock, fake_clock() + 3.0 + 22.0)
    again.lap()
    step_to(again, fake_clock, fake_clock() + 10.0)
    landed(again)
    reps = tmp_db.reps(session_id)
    assert [(r.index, r.step_index, r.split_s) for r in reps] == [(1, 1, 21.0), (2, 3, 22.0)]
    # the stored rep is the resumed session's first split, at its instant before the crash
    first_rep = again.session.splits[0]
    assert (first_rep.step_index, first_rep.split_s, first_rep.ended_at) == (1, 21.0, 1024.0)
    assert [s.step_index for s in again.session.splits] == [1, 3]
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.COMPLETED


def test_paces_used_names_each_pace_once(tmp_path: Path) -> None:
    plan = expand(resolve_workout("3x400m@5k/60s"), profile("5k=20:00"))
    assert list(paces_used(plan)) == ["5k"]
    assert paces_used(expand(resolve_workout("3x30s/15s"), None)) == {}


def test_without_a_store_nothing_is_written_and_nothing_fails(fake_clock: FakeClock) -> None:
    runner = make_runner("2x100m@mile/5s", fake_clock, None)
    assert not runner.log.logging and runner.log.session_id is None
    runner.start()
    step_to(runner, fake_clock, 1024.0)
    runner.lap()
    assert runner.log.sync(runner.session) and runner.problem is None
