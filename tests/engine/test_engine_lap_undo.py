"""The lap and undo keys on a fake clock: a lap at the line, a double tap, a mistaken lap."""

from __future__ import annotations

from intervaltimer.engine import LAP_DEBOUNCE_S, Cue, EventKind, Phase, Session, State
from intervaltimer.engine.session import START_GUARD_S, LapRefusal
from tests.helpers.engine_helpers import (
    at_of,
    of_kind,
    plan,
    rest,
    run,
    run_until,
    started,
    timeline,
)
from tests.helpers.fakes import FakeClock

# ---- lap ---------------------------------------------------------------------


def test_lap_ends_a_timed_rep_early_with_its_real_time(fake_clock: FakeClock) -> None:
    session = started(plan(run(duration_s=60.0), rest(30.0), run(duration_s=60.0)), fake_clock)
    run_until(session, fake_clock, 40.0)
    split = session.lap()
    assert split is not None and split.split_s == 37.0 and split.ended_at == 40.0
    events = run_until(session, fake_clock, 75.0)
    assert at_of(events, EventKind.TEN_SECONDS, 1) == []  # the rep is over before 53
    assert at_of(events, EventKind.STEP_STARTED) == [40.0, 70.0]  # rest on time: no lead-in
    assert of_kind(events, EventKind.LEAD_IN) == []


def test_a_second_tap_within_the_debounce_is_ignored(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(60.0), run(200.0)), fake_clock)
    fake_clock.set(3.0 + START_GUARD_S / 2)
    assert session.lap_refusal() is LapRefusal.JUST_STARTED
    assert session.lap() is None  # a stray tap just after GO
    assert session.current is not None and session.current.index == 1
    fake_clock.set(40.0)
    assert session.lap() is not None
    for later in (1.2, 2.5):  # a second phone, a clicker: within 3 s of the lap
        fake_clock.set(40.0 + later)
        assert session.lap_refusal() is LapRefusal.DOUBLE_TAP
        assert session.lap() is None
        assert session.phase is Phase.REST
    fake_clock.set(40.0 + LAP_DEBOUNCE_S)
    assert session.lap_refusal() is LapRefusal.TIMED_REST
    assert session.lap() is None  # a timed rest is not ended by a lap
    assert session.phase is Phase.REST and session.remaining_s() == 57.0
    events = run_until(session, fake_clock, 101.0)
    assert at_of(events, EventKind.STEP_STARTED, 3) == [100.0]  # the rest ran its 60 s
    assert session.splits[0].rest_s == 60.0


def test_a_lap_ends_an_open_rest_but_not_within_3_s_of_the_last_lap(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(None), run(200.0)), fake_clock)
    fake_clock.set(40.0)
    session.lap()
    fake_clock.set(42.9)
    assert session.lap() is None and session.phase is Phase.REST
    fake_clock.set(43.0)
    assert session.lap() is None and session.state is State.LEAD_IN


def test_lap_during_the_lead_in_starts_the_rep_now(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0)), fake_clock)
    fake_clock.set(1.5)
    assert session.lap() is None
    events = run_until(session, fake_clock, 10.0)
    assert timeline(events) == [
        ("lead_in", 0.0, 1), ("countdown", 0.0, 1), ("countdown", 1.0, 1),
        ("step_started", 1.5, 1)]
    assert session.elapsed_s() == 8.5


def test_a_rep_lapped_into_the_next_rep_runs_on_without_a_lead_in(
        fake_clock: FakeClock) -> None:
    """A 300 m at 5k pace flows into a 100 m kick: the lap at 300 m is the kick's GO."""
    session = started(plan(run(300.0), run(100.0), rest(180.0)), fake_clock)
    run_until(session, fake_clock, 3.0 + 66.0)
    settle = session.lap()
    assert settle is not None and settle.split_s == 66.0
    assert session.state is State.RUNNING and session.phase is Phase.WORK
    events = run_until(session, fake_clock, 3.0 + 66.0 + 15.0)
    assert of_kind(events, EventKind.LEAD_IN) == []
    assert of_kind(events, EventKind.COUNTDOWN) == []
    assert [(e.at, e.step_index, e.cue) for e in of_kind(events, EventKind.STEP_STARTED)] == [
        (69.0, 2, Cue.GO)]
    kick = session.lap()
    assert kick is not None and kick.split_s == 15.0 and kick.started_at == 69.0
    assert session.splits[0].rest_s == 0.0  # no rest between the two


def test_undo_of_a_lap_that_ran_on_into_the_next_rep(fake_clock: FakeClock) -> None:
    session = started(plan(run(300.0), run(100.0), rest(180.0)), fake_clock)
    fake_clock.set(3.0 + 20.0)
    session.lap()  # a mistaken tap at 20 s: the kick's clock starts
    fake_clock.set(3.0 + 22.0)
    assert session.undo_lap() is True
    assert session.current is not None and session.current.index == 1
    assert session.elapsed_s() == 22.0 and session.splits == ()
    fake_clock.set(3.0 + 66.0)
    settle = session.lap()
    assert settle is not None and settle.split_s == 66.0


def test_a_rep_skipped_before_another_rep_still_gets_its_lead_in(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(300.0), run(100.0)), fake_clock)
    fake_clock.set(10.0)
    session.skip()  # the runner stopped: the next rep comes after a lead-in
    assert session.state is State.LEAD_IN


# ---- undo --------------------------------------------------------------------


def _four_hundreds(clock: FakeClock) -> Session:
    rep = run(400.0, target_s=80.0, pacer_m=100.0, rep=1)
    return started(plan(rep, rest(60.0), run(400.0, rep=2), rest(60.0)), clock)


def test_undo_puts_the_runner_back_in_the_rep_with_its_clock_intact(
        fake_clock: FakeClock) -> None:
    session = _four_hundreds(fake_clock)
    run_until(session, fake_clock, 50.0)
    mistaken = session.lap()
    assert mistaken is not None and mistaken.split_s == 47.0
    run_until(session, fake_clock, 52.0)
    assert session.phase is Phase.REST
    assert session.can_undo
    assert session.undo_lap() is True
    events = session.poll()
    assert [e.kind for e in events] == [EventKind.LAP_UNDONE]
    assert (events[0].at, events[0].step_index, events[0].split) == (52.0, 1, mistaken)
    assert session.splits == ()
    assert session.phase is Phase.WORK and session.current is not None
    assert session.current.index == 1 and session.elapsed_s() == 49.0
    events = run_until(session, fake_clock, 88.0)
    assert [(e.at, e.distance_m) for e in of_kind(events, EventKind.PACER)] == [(63.0, 300.0)]
    split = session.lap()
    assert split is not None and (split.split_s, split.started_at) == (85.0, 3.0)
    assert session.splits == (split,)
    events = run_until(session, fake_clock, 150.0)
    assert at_of(events, EventKind.STEP_STARTED) == [88.0, 148.0]


def test_checkpoints_missed_while_the_lap_stood_are_not_beeped_late(
        fake_clock: FakeClock) -> None:
    session = _four_hundreds(fake_clock)
    run_until(session, fake_clock, 40.0)
    session.lap()
    run_until(session, fake_clock, 45.0)
    session.undo_lap()
    events = run_until(session, fake_clock, 70.0)
    assert [e.distance_m for e in of_kind(events, EventKind.PACER)] == [300.0]


def test_only_the_most_recent_lap_and_only_in_the_step_after_it(fake_clock: FakeClock) -> None:
    session = _four_hundreds(fake_clock)
    assert session.undo_lap() is False  # nothing to undo
    fake_clock.set(50.0)
    session.lap()
    run_until(session, fake_clock, 111.0)  # the rest ended on time, rep 2 runs
    assert session.current is not None and session.current.index == 3
    assert not session.can_undo
    assert session.undo_lap() is False
    assert len(session.splits) == 1
    fake_clock.set(150.0)
    session.lap()
    assert session.undo_lap() is True
    assert session.undo_lap() is False  # one undo per lap
    assert len(session.splits) == 1


def test_undo_during_the_lead_in_after_an_open_rest(fake_clock: FakeClock) -> None:
    session = started(plan(run(60.0), rest(), run(60.0)), fake_clock)
    fake_clock.set(13.0)
    session.lap()
    fake_clock.set(80.0)
    assert session.lap() is None  # an open rest has no split
    run_until(session, fake_clock, 81.5)
    assert session.state is State.LEAD_IN
    assert session.undo_lap() is True
    undone = session.poll()
    assert [(e.kind, e.split) for e in undone] == [(EventKind.LAP_UNDONE, None)]
    assert session.phase is Phase.REST and session.elapsed_s() == 68.5
    events = run_until(session, fake_clock, 90.0)
    assert events == []  # the lead-in's last tick and GO are cancelled
    session.lap()
    events = run_until(session, fake_clock, 95.0)
    assert at_of(events, EventKind.STEP_STARTED) == [93.0]
    assert session.splits[0].rest_s == 80.0


def test_undo_in_the_rep_after_an_open_rest_withdraws_the_rest_taken(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(60.0), rest(), run(60.0)), fake_clock)
    fake_clock.set(13.0)
    session.lap()
    fake_clock.set(80.0)
    session.lap()
    run_until(session, fake_clock, 85.0)
    assert session.splits[0].rest_s == 70.0
    session.undo_lap()
    events = session.poll()
    assert [e.kind for e in events] == [EventKind.LAP_UNDONE, EventKind.SPLIT_UPDATED]
    assert events[1].split is not None and events[1].split.rest_s is None
    assert session.splits[0].rest_s is None
    fake_clock.set(100.0)
    session.lap()
    run_until(session, fake_clock, 104.0)
    assert session.splits[0].rest_s == 90.0


def test_undo_back_into_a_timed_rest_keeps_its_end(fake_clock: FakeClock) -> None:
    the_plan = plan(run(200.0), rest(30.0), run(200.0))
    session = started(the_plan, fake_clock)
    fake_clock.set(30.0)
    session.lap()
    fake_clock.set(40.0)
    session.skip()  # rest cut short: lead-in 40..43, GO at 43
    fake_clock.set(50.0)
    assert session.undo_lap() is True
    assert session.remaining_s() == 10.0
    events = run_until(session, fake_clock, 61.0)
    assert at_of(events, EventKind.STEP_STARTED) == [3.0, 30.0, 43.0, 60.0]
    assert [e.kind for e in events].count(EventKind.LAP_UNDONE) == 1

    late = FakeClock(0.0)
    session = started(the_plan, late)
    late.set(30.0)
    session.lap()
    late.set(40.0)
    session.skip()
    late.set(65.0)  # the rest would have ended at 60: it cannot be re-entered
    assert not session.can_undo
    assert session.undo_lap() is False
    assert session.current is not None and session.current.index == 3


def test_no_undo_after_the_workout_finished(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0)), fake_clock)
    fake_clock.set(30.0)
    session.lap()
    assert session.state is State.FINISHED
    assert session.undo_lap() is False
    assert len(session.splits) == 1


def test_lap_guarded_says_when_a_lap_would_be_taken_for_a_double_tap(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(60.0), run(200.0)), fake_clock)
    assert session.lap_guarded()  # the lead-in began this instant
    fake_clock.set(3.0 + START_GUARD_S / 2)
    assert session.lap_guarded() and session.lap() is None
    fake_clock.set(3.0 + START_GUARD_S)
    assert not session.lap_guarded()
    assert session.lap() is not None
    assert session.lap_guarded()  # the lap was just taken
    fake_clock.set(3.0 + START_GUARD_S + LAP_DEBOUNCE_S)
    assert not session.lap_guarded()  # but the timed rest is still not ended by a lap
    assert session.lap_refusal() is LapRefusal.TIMED_REST
