"""Setting a run off and ending it: main set done, a quit run offered for resume, a crash."""

from __future__ import annotations

from pathlib import Path

from intervaltimer.log.records import MAIN_SET_DONE, QUIT, SessionStatus
from intervaltimer.log.resume import abandon
from intervaltimer.log.store import Store
from intervaltimer.track.runner import ABANDONED, COMPLETED, Runner
from intervaltimer.track.start import RESUME_WITHIN_S, resume_point, unfinished
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import WALL_START, landed, logged_session, make_runner, step_to

# 2 x 100 m at mile pace (21.1 s) with 5 s rests, the main set; then 2 strides of 60 m.
MAIN_THEN_STRIDES = """\
name: 2 x 100 then strides
lead_in: 3s
steps:
  - repeat: 2
    steps:
      - run: 100m
        pace: mile
      - rest: 5s
  - repeat: 2
    steps:
      - run: 60m
        label: stride
      - rest: lap
"""


def _workout(tmp_path: Path) -> str:
    path = tmp_path / "main-then-strides.yaml"
    path.write_text(MAIN_THEN_STRIDES, encoding="utf-8")
    return str(path)


def _run_main_set(runner: Runner, clock: FakeClock) -> None:
    """Start, and lap both reps of the main set at 20 s each (the last rest then runs)."""
    runner.start()
    step_to(runner, clock, 1023.0)
    runner.lap()  # rep 1 at 1023; rest 5 s (a timed rest ends on its own)
    step_to(runner, clock, 1048.0)
    runner.lap()  # rep 2 began at 1028: 20 s


def test_quitting_after_the_main_set_ends_it_as_main_set_done(
        tmp_path: Path, fake_clock: FakeClock, tmp_db: Store) -> None:
    runner = make_runner(_workout(tmp_path), fake_clock, tmp_db)
    _run_main_set(runner, fake_clock)
    fake_clock.advance(2.0)
    assert runner.main_set_over() and runner.work_left()
    assert runner.stop() == COMPLETED and runner.ending == MAIN_SET_DONE
    landed(runner)
    record = tmp_db.session(logged_session(runner))
    assert record is not None and record.status is SessionStatus.COMPLETED
    assert record.status_words == "main set done"
    assert record.not_run == ("Stride 1/2 · 60 m", "Stride 2/2 · 60 m")
    # it counts as finished: the history's row says so, and no resume is offered
    (row,) = tmp_db.summaries()
    assert row.status is SessionStatus.COMPLETED and row.status_words == "main set done"
    assert unfinished(tmp_db, "2 x 100 then strides", WALL_START + 60.0) is None


def test_a_run_quit_before_the_main_set_is_done_is_offered_for_resume_for_12_hours(
        tmp_path: Path, fake_clock: FakeClock, tmp_db: Store) -> None:
    runner = make_runner(_workout(tmp_path), fake_clock, tmp_db)
    runner.start()
    step_to(runner, fake_clock, 1023.0)
    runner.lap()
    fake_clock.advance(2.0)
    assert not runner.main_set_over()
    assert runner.stop() == ABANDONED and runner.ending == QUIT
    landed(runner)
    session_id = logged_session(runner)
    ended = WALL_START + 25.0
    offered = unfinished(tmp_db, "2 x 100 then strides", ended + RESUME_WITHIN_S - 1.0)
    assert offered is not None and offered.id == session_id
    assert unfinished(tmp_db, "2 x 100 then strides", ended + RESUME_WITHIN_S + 1.0) is None
    # resumed at the step it left (the rest after rep 1), with its rep
    resume = resume_point(tmp_db, offered)
    assert (resume.at_step, resume.reps_stored) == (2, 1)
    again = make_runner(_workout(tmp_path), fake_clock, tmp_db, resume=resume)
    assert again.at_step == 2 and again.log.session_id == session_id
    again.start()
    assert again.session.current is not None and again.session.current.index == 2
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.RUNNING


def test_a_quit_run_closed_at_the_offer_is_not_offered_again(
        tmp_path: Path, fake_clock: FakeClock, tmp_db: Store) -> None:
    runner = make_runner(_workout(tmp_path), fake_clock, tmp_db)
    runner.start()
    step_to(runner, fake_clock, 1010.0)
    runner.stop()
    landed(runner)
    session_id = logged_session(runner)
    assert unfinished(tmp_db, "2 x 100 then strides", WALL_START + 20.0) is not None
    abandon(tmp_db, session_id)
    assert unfinished(tmp_db, "2 x 100 then strides", WALL_START + 20.0) is None
    record = tmp_db.session(session_id)
    assert record is not None and (record.status, record.ending) == ("abandoned", "closed")


def test_a_workout_run_to_its_end_is_completed_with_nothing_left_out(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    runner = make_runner("1x100m@mile/5s", fake_clock, tmp_db)
    runner.start()
    step_to(runner, fake_clock, 1023.0)
    runner.lap()
    step_to(runner, fake_clock, 1030.0)
    assert runner.status == COMPLETED and runner.ending is None
    landed(runner)
    record = tmp_db.session(logged_session(runner))
    assert record is not None and (record.ending, record.not_run) == (None, ())
